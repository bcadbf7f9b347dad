package faults

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledEditorSessionLeavesNoCopy opens an answer in $VISUAL (ctrl+e)
// and kills failup while the editor is open: the copy was written in the
// journal's private folder, not in the temporary folder, readable by its
// owner only; the next failup removes it, and doctor says so.
func TestKilledEditorSessionLeavesNoCopy(t *testing.T) {
	e := newEnv(t)
	tmp := t.TempDir()
	opened := filepath.Join(t.TempDir(), "opened")
	editor := filepath.Join(t.TempDir(), "editor.sh")
	// The editor says which file it was given, then hangs as a stuck one
	// would, until the test ends.
	pidFile := filepath.Join(t.TempDir(), "pid")
	write(t, editor, []byte("#!/bin/sh\necho $$ > "+pidFile+"\necho \"$1\" > "+opened+"\nexec sleep 120\n"))
	t.Cleanup(func() {
		if b, err := os.ReadFile(pidFile); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
				syscall.Kill(pid, syscall.SIGKILL)
			}
		}
	})
	if err := os.Chmod(editor, 0o700); err != nil {
		t.Fatal(err)
	}
	e.extra = append(e.extra, "VISUAL="+editor, "TMPDIR="+tmp)
	e.ok(entryJSON(t, simpleEntry("Kept", "An earlier entry.")), "new", "--from", "-")
	term := newTerminal(t, e)
	term.start("new")
	term.waitFor("What happened?")
	term.answer("Lost the keys", "What caused this setback?")
	term.typed("A private answer.")
	term.waitFor("A private answer.")
	term.keys("C-e")

	var copyPath string
	for deadline := time.Now().Add(patience); copyPath == ""; time.Sleep(20 * time.Millisecond) {
		if b, err := os.ReadFile(opened); err == nil && strings.HasSuffix(string(b), "\n") {
			copyPath = strings.TrimSpace(string(b))
		}
		if time.Now().After(deadline) {
			t.Fatal("the editor was never started")
		}
	}
	private := filepath.Join(filepath.Dir(e.db), ".failup-tmp")
	if !strings.HasPrefix(copyPath, private+string(os.PathSeparator)) {
		t.Fatalf("the answer was copied to %s, not into the private folder %s", copyPath, private)
	}
	if got, err := os.ReadFile(copyPath); err != nil || string(got) != "A private answer." {
		t.Fatalf("the copy holds %q (%v)", got, err)
	}
	for path, want := range map[string]os.FileMode{copyPath: 0o600, filepath.Dir(copyPath): 0o700, private: 0o700} {
		if info, err := os.Stat(path); err != nil || info.Mode().Perm() != want {
			t.Errorf("%s: mode %v (%v), want %v", path, info.Mode().Perm(), err, want)
		}
	}
	// While failup lives, another failup leaves the copy alone.
	e.ok(nil, "list")
	if _, err := os.Stat(copyPath); err != nil {
		t.Fatalf("a failup started beside the open editor removed its copy: %v", err)
	}

	term.killFailup()
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the temporary folder holds %d files", len(left))
	}
	h := e.healthy()
	found := ""
	for _, c := range h.Checks {
		if c.Check == "temporary copies" {
			found = c.Found
		}
	}
	if !strings.HasPrefix(found, "removed 1 ") || !strings.Contains(found, filepath.Base(filepath.Dir(copyPath))) {
		t.Errorf("doctor says of temporary copies: %q, want that it removed the editor's", found)
	}
	if left, _ := filepath.Glob(filepath.Join(private, "*")); len(left) > 0 {
		t.Errorf("after the next failup, %v is still there", left)
	}
}
