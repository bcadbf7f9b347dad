package faults

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The signals in these tests are a person's ctrl+c (SIGINT) and a system
// stopping failup (SIGTERM), sent while a long import, export or backup is
// writing. failup must stop, exit 130, and leave the journal and the file it
// was writing as they were, with nothing half written beside them.

// signalWhen starts cmd, sends it sig as soon as ready reports true, and
// returns its exit code and stderr; landed reports whether the signal came
// before cmd finished.
func signalWhen(t *testing.T, cmd *exec.Cmd, sig syscall.Signal, ready func() bool) (code int, stderr string, landed bool) {
	t.Helper()
	var errOut strings.Builder
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return cmd.ProcessState.ExitCode(), errOut.String(), false
		case <-tick.C:
			if !ready() {
				continue
			}
			cmd.Process.Signal(sig)
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("%s did not stop within 20 s of %v", cmd.Args, sig)
			}
			return cmd.ProcessState.ExitCode(), errOut.String(), true
		}
	}
}

// assertOnlyFiles fails unless dir holds exactly the files named, besides
// the journal's private folder for copies, which must be empty, and the
// folder of daily snapshots.
func assertOnlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	if got := filesBesides(t, dir); strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %q; want only %q", dir, got, names)
	}
}

// filesBesides lists what dir holds besides an empty private folder for
// copies and the folder of daily snapshots, which failup keeps there.
func filesBesides(t *testing.T, dir string) []string {
	t.Helper()
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		if f.Name() == "snapshots" {
			continue
		}
		if f.Name() == ".failup-tmp" {
			if copies, _ := os.ReadDir(filepath.Join(dir, f.Name())); len(copies) == 0 {
				continue
			}
		}
		got = append(got, f.Name())
	}
	return got
}

func TestSignalDuringImport(t *testing.T) {
	doc := writeDocument(t, 10000)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			e := newEnv(t)
			e.ok(entryJSON(t, simpleEntry("Written before the import", "It was already there.")), "new", "--from", "-")
			before := e.ok(nil, "show", "1", "--json")
			code, stderr, landed := signalWhen(t, e.command(nil, "import", doc), sig,
				func() bool { return size(e.db+"-wal") >= 1<<20 })
			if !landed {
				t.Fatal("the import finished before the signal; nothing was proved")
			}
			if code != 130 || !oneLine(stderr) || !strings.Contains(stderr, "stopped before it finished") {
				t.Fatalf("after %v: exit %d, stderr %q; want exit 130 and one line saying it stopped", sig, code, stderr)
			}
			if h := e.healthy(); h.Entries != 1 {
				t.Fatalf("after %v the journal holds %d entries; want the 1 from before", sig, h.Entries)
			}
			if got := e.ok(nil, "show", "1", "--json"); got != before {
				t.Errorf("the entry from before changed:\n%s\nwant\n%s", got, before)
			}
			assertOnlyFiles(t, filepath.Dir(e.db), "journal.db")
		})
	}
}

func TestSignalDuringExport(t *testing.T) {
	e := newEnv(t)
	e.ok(nil, "import", writeDocument(t, 10000))
	const old = "the export from last week\n"
	for _, format := range []string{"md", "json"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "export."+format)
			// How long a whole export takes here, so the signal can land
			// part of the way through it.
			start := time.Now()
			e.ok(nil, "export", "--format", format, "-o", filepath.Join(t.TempDir(), "timing"))
			took := time.Since(start)
			landed := false
			for _, at := range []float64{0.5, 0.3, 0.7, 0.15, 0.85} {
				if err := os.WriteFile(target, []byte(old), 0o600); err != nil {
					t.Fatal(err)
				}
				start := time.Now()
				code, stderr, ok := signalWhen(t, e.command(nil, "export", "--format", format, "--force", "-o", target), syscall.SIGINT,
					func() bool { return time.Since(start) >= time.Duration(at*float64(took)) })
				if !ok || code == 0 {
					continue // finished first
				}
				landed = true
				if code != 130 || !oneLine(stderr) {
					t.Fatalf("exit %d, stderr %q; want exit 130 and one line", code, stderr)
				}
				if data, err := os.ReadFile(target); err != nil || string(data) != old {
					t.Errorf("the target holds %d bytes (%v); want the old file", len(data), err)
				}
				assertOnlyFiles(t, dir, "export."+format)
				break
			}
			if !landed {
				t.Fatal("every export finished before the signal; nothing was proved")
			}
		})
	}
	e.healthy()
}

func TestSignalDuringBackup(t *testing.T) {
	e := newEnv(t)
	e.ok(nil, "import", writeDocument(t, 10000))
	dir := t.TempDir()
	target := filepath.Join(dir, "copy.db")
	// Signalled as soon as the copy being made in the journal's private
	// folder has some of the journal in it.
	copying := func() bool {
		copies, _ := filepath.Glob(filepath.Join(filepath.Dir(e.db), ".failup-tmp", "copy-*.db"))
		for _, c := range copies {
			if size(c) > 0 {
				return true
			}
		}
		return false
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		code, stderr, landed := signalWhen(t, e.command(nil, "backup", "-o", target), sig, copying)
		if !landed {
			t.Fatalf("the backup finished before %v; nothing was proved", sig)
		}
		if code != 130 || !oneLine(stderr) {
			t.Fatalf("after %v: exit %d, stderr %q; want exit 130 and one line", sig, code, stderr)
		}
		assertOnlyFiles(t, dir)
		assertOnlyFiles(t, filepath.Dir(e.db), "journal.db")
	}
	e.healthy()
}
