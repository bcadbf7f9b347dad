// Package faults proves that failup loses nothing when things go wrong. Its
// tests run the real binary, built once, against real journals: they kill it
// with SIGKILL mid-write, run two at once, fill the disk, make the journal
// read-only, hand it files that are not journals and hostile input, and drive
// it in a real terminal as a person would.
package faults

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/journal"
)

// binary is the failup built for this run of the tests.
var binary string

func TestMain(m *testing.M) { os.Exit(run(m)) }

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "failup-faults-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binary = filepath.Join(dir, "failup")
	build := exec.Command("go", "build", "-o", binary, "github.com/failup/failup/cmd/failup")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building failup: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// env is a private home for failup: its own HOME, XDG folders and journal.
type env struct {
	t    *testing.T
	home string
	db   string
	// extra is more of the environment, NAME=value.
	extra []string
}

func newEnv(t *testing.T) *env {
	home := t.TempDir()
	return &env{t: t, home: home, db: filepath.Join(home, "data", "failup", "journal.db")}
}

// in is e for a subtest.
func (e *env) in(t *testing.T) *env {
	c := *e
	c.t = t
	return &c
}

// environ is the whole environment failup runs with: nothing leaks in from
// the test's own.
func (e *env) environ() []string {
	return append([]string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + e.home,
		"XDG_DATA_HOME=" + filepath.Join(e.home, "data"),
		"XDG_CONFIG_HOME=" + filepath.Join(e.home, "config"),
		"FAILUP_DB=" + e.db,
		"NO_COLOR=1",
		"LANG=C.UTF-8",
		"TZ=UTC",
	}, e.extra...)
}

func (e *env) command(stdin []byte, args ...string) *exec.Cmd {
	cmd := exec.Command(binary, args...)
	cmd.Env = e.environ()
	cmd.Dir = e.home
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	return cmd
}

// result is how a run of failup ended.
type result struct {
	stdout, stderr string
	code           int
}

func (e *env) run(stdin []byte, args ...string) result {
	e.t.Helper()
	cmd := e.command(stdin, args...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		e.t.Fatalf("failup %s: %v", strings.Join(args, " "), err)
	}
	return result{stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()}
}

// ok runs failup and fails the test unless it succeeds.
func (e *env) ok(stdin []byte, args ...string) string {
	e.t.Helper()
	r := e.run(stdin, args...)
	if r.code != 0 {
		e.t.Fatalf("failup %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
	}
	return r.stdout
}

// fails runs failup and checks that it fails with one clear line on stderr
// matching want.
func (e *env) fails(want string, stdin []byte, args ...string) {
	e.t.Helper()
	r := e.run(stdin, args...)
	if r.code != 1 || !oneLine(r.stderr) || !strings.Contains(r.stderr, want) {
		e.t.Errorf("failup %s: exit %d, stderr %q; want exit 1 and one line with %q", strings.Join(args, " "), r.code, r.stderr, want)
	}
}

func oneLine(s string) bool {
	return strings.HasPrefix(s, "failup: ") && strings.Count(s, "\n") == 1 && strings.HasSuffix(s, ".\n")
}

// health is what failup doctor --json says.
type health struct {
	Entries int `json:"entries"`
	Checks  []struct {
		Check string `json:"check"`
		OK    bool   `json:"ok"`
		Found string `json:"found"`
	} `json:"checks"`
	Drafts []struct {
		Key   string `json:"key"`
		Title string `json:"title"`
	} `json:"drafts"`
}

// healthy opens the journal with failup doctor, fails the test unless every
// check passes (integrity_check among them), and returns what it found.
func (e *env) healthy() health {
	e.t.Helper()
	out := e.run(nil, "doctor", "--json")
	var h health
	if err := json.Unmarshal([]byte(out.stdout), &h); err != nil || out.code != 0 {
		e.t.Fatalf("failup doctor: exit %d, %v\n%s%s", out.code, err, out.stdout, out.stderr)
	}
	return h
}

// entryJSON is one entry as new --from reads it.
func entryJSON(t *testing.T, e journal.Entry) []byte {
	t.Helper()
	data, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func simpleEntry(title, cause string) journal.Entry {
	return journal.Entry{Title: title, Answers: []journal.Answer{{Key: journal.KeyCause, Text: cause}}}
}

// writeDocument writes n generated entries as a failup.v1 document.
func writeDocument(t *testing.T, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("journal-%d.json", n))
	data, err := json.Marshal(gen.Document(n, 1, "2026-11-27"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// killWhen starts cmd and sends it SIGKILL as soon as ready reports true. It
// reports whether the kill landed, rather than cmd finishing first.
func killWhen(t *testing.T, cmd *exec.Cmd, ready func() bool) bool {
	t.Helper()
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("%s failed on its own: %v: %s", cmd.Args, err, stderr.String())
			}
			return false
		case <-tick.C:
			if !ready() {
				continue
			}
			cmd.Process.Signal(syscall.SIGKILL)
			err := <-done
			var exit *exec.ExitError
			return errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signal() == syscall.SIGKILL
		}
	}
}

// size is a file's size, 0 when it does not exist.
func size(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}

// copyFile copies a closed journal, which is one file once failup has exited.
func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
