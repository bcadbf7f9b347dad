package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"failup": func() { os.Exit(Main()) }})
}

// TestScripts runs the binary end to end: testdata/script/*.txtar. Each script
// gets its own home, XDG folders and journal under $WORK.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			work := env.WorkDir
			env.Setenv("HOME", work)
			env.Setenv("XDG_DATA_HOME", filepath.Join(work, "data"))
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(work, "config"))
			env.Setenv("NO_COLOR", "1")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"exits": exits, "closedpipe": closedPipe},
	})
}

// exits N PROGRAM ARGS... runs a program, as exec does, and checks that it
// exits with code N; its stdout and stderr are kept for the checks after it.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %q is not an exit code", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("exits: %v", err)
		}
		got = exit.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}

// closedpipe PROGRAM ARGS... runs a program, as exec does, with its standard
// output a pipe whose reader has gone before it writes (as head's has once
// it has read enough), and checks that it ends quietly: exit 0, nothing on
// stderr.
func closedPipe(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: closedpipe PROGRAM [ARGS...]")
	}
	path, err := exec.LookPath(args[0])
	ts.Check(err)
	r, w, err := os.Pipe()
	ts.Check(err)
	r.Close()
	cmd := exec.Command(path, args[1:]...)
	cmd.Dir = ts.MkAbs(".")
	cmd.Env = os.Environ()
	for _, key := range []string{"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "NO_COLOR", "WORK"} {
		cmd.Env = append(cmd.Env, key+"="+ts.Getenv(key))
	}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = w, &stderr
	err = cmd.Start()
	w.Close()
	ts.Check(err)
	if err := cmd.Wait(); err != nil || stderr.Len() > 0 {
		ts.Fatalf("%s with its reader gone: %v; stderr: %q", args[0], err, stderr.String())
	}
}
