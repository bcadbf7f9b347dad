package faults

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// mount runs mount(8) with args, skipping the test when mounting is not
// allowed here (not root, or no mount namespace of its own), and unmounts
// target when the test ends.
func mount(t *testing.T, target string, args ...string) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a small or read-only file system needs root")
	}
	if out, err := exec.Command("mount", append(args, target)...).CombinedOutput(); err != nil {
		t.Skipf("mount is not allowed here: %v: %s", err, out)
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", target).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", target, err, out)
		}
	})
}

// snapshot is every entry of the journal as show --json prints it.
func (e *env) snapshot() string {
	e.t.Helper()
	var b strings.Builder
	for id := 1; id <= e.healthy().Entries; id++ {
		b.WriteString(e.ok(nil, "show", fmt.Sprint(id), "--json"))
	}
	return b.String()
}

// fill writes to path until the disk is full, then frees leave bytes.
func fill(t *testing.T, path string, leave int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 4096)
	var written int64
	for {
		n, err := f.Write(chunk)
		written += int64(n)
		if errors.Is(err, syscall.ENOSPC) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Truncate(max(written-leave, 0)); err != nil {
		t.Fatal(err)
	}
}

// TestDiskFull puts the journal on a 2 MB file system and fills it: saving
// and importing fail with one clear line, and the journal is intact.
func TestDiskFull(t *testing.T) {
	e := newEnv(t)
	dir := filepath.Dir(e.db)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	mount(t, dir, "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs")
	for i := range 3 {
		e.ok(entryJSON(t, simpleEntry(fmt.Sprintf("Before the disk filled up %d", i+1), "Small.")), "new", "--from", "-")
	}
	before := e.snapshot()
	big := simpleEntry("Too big for what is left", strings.Repeat("a long answer ", 20_000))
	filler := filepath.Join(dir, "filler")

	t.Run("almost full", func(t *testing.T) {
		fill(t, filler, 128<<10)
		e := e.in(t)
		e.fails("full", entryJSON(t, big), "new", "--from", "-")
		e.fails("full", nil, "import", writeDocument(t, 1000))
		if got := e.snapshot(); got != before {
			t.Error("the entries changed")
		}
	})
	t.Run("full", func(t *testing.T) {
		fill(t, filler, 0)
		e.in(t).fails("full", entryJSON(t, simpleEntry("One more", "Small.")), "new", "--from", "-")
	})
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	if got := e.snapshot(); got != before {
		t.Error("after the disk filled up, the entries changed")
	}
	e.ok(entryJSON(t, big), "new", "--from", "-")
}

// TestReadOnlyJournal makes the journal's folder read-only: saving fails
// with one clear line, and not a byte of the journal changes. As root, which
// chmod does not stop, the folder is bind-mounted read-only.
func TestReadOnlyJournal(t *testing.T) {
	e := newEnv(t)
	e.ok(entryJSON(t, simpleEntry("Written while it was writable", "Fine.")), "new", "--from", "-")
	dir := filepath.Dir(e.db)
	journal, err := os.ReadFile(e.db)
	if err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		mount(t, dir, "--bind", dir)
		if out, err := exec.Command("mount", "-o", "remount,bind,ro", dir).CombinedOutput(); err != nil {
			t.Fatalf("remounting read-only: %v: %s", err, out)
		}
	} else {
		for path, mode := range map[string]os.FileMode{e.db: 0o400, dir: 0o500} {
			if err := os.Chmod(path, mode); err != nil {
				t.Fatal(err)
			}
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
	}
	if err := os.WriteFile(filepath.Join(dir, "probe"), nil, 0o600); err == nil {
		t.Fatal("the journal's folder is still writable")
	}

	e.fails("writable", entryJSON(t, simpleEntry("One more", "Refused.")), "new", "--from", "-")
	e.fails("writable", nil, "import", writeDocument(t, 10))
	e.fails("writable", nil, "delete", "1", "--yes")
	unchanged(t, e.db, journal)
	if files := filesBesides(t, dir); len(files) != 1 {
		t.Errorf("the journal's folder holds %q, want only the journal", files)
	}
}

// TestWritesStayBesideTheirTarget writes an export and a backup to bare
// file names with $TMPDIR pointing nowhere: the temporary file must be made
// beside the target, not in the temporary folder, which may be another file
// system (a rename would fail) and would keep a copy if failup were killed.
func TestWritesStayBesideTheirTarget(t *testing.T) {
	e := newEnv(t)
	e.ok(entryJSON(t, simpleEntry("Written somewhere private", "Not in /tmp.")), "new", "--from", "-")
	e.extra = []string{"TMPDIR=" + filepath.Join(e.home, "no-such-folder")}
	e.ok(nil, "export", "--format", "json", "-o", "export.json")
	e.ok(nil, "backup", "-o", "backup.db")
	for _, name := range []string{"export.json", "backup.db"} {
		if _, err := os.Stat(filepath.Join(e.home, name)); err != nil {
			t.Error(err)
		}
	}
}

// unchanged fails the test if path's bytes differ from want.
func unchanged(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s was modified", filepath.Base(path))
	}
}
