package faults

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNothingWritesOverTheJournal asks every command that writes a file to
// write it over the journal, its -wal and -shm, the backup it is reading, a
// device and a pipe, with --force: each is refused in one sentence, and the
// journal and the backup keep every byte.
func TestNothingWritesOverTheJournal(t *testing.T) {
	e := newEnv(t)
	e.ok(nil, "import", writeDocument(t, 50))
	backup := filepath.Join(e.home, "backup.db")
	e.ok(nil, "backup", "-o", backup)
	journal, err := os.ReadFile(e.db)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(e.home, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	refused := map[string]string{
		e.db:          "journal",
		e.db + "-wal": "belongs to the SQLite database",
		e.db + "-shm": "belongs to the SQLite database",
		fifo:          "not a regular file",
		"/dev/null":   "not a regular file",
	}
	for target, want := range refused {
		for _, args := range [][]string{
			{"export", "-o", target, "--force"},
			{"export", "--format", "json", "-o", target, "--force"},
			{"export", "--lessons-only", "-o", target, "--force"},
			{"backup", "-o", target, "--force"},
		} {
			e.fails(want, nil, args...)
		}
	}
	e.fails("never written over", nil, "restore", backup, "-o", backup, "--force")
	unchanged(t, e.db, journal)
	unchanged(t, backup, saved)
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(e.db + side); err == nil {
			t.Errorf("the journal's %s is still there after every command ended", side)
		}
	}
	if h := e.healthy(); h.Entries != 50 {
		t.Errorf("the journal holds %d entries, want 50", h.Entries)
	}
}

// TestKilledBackupLeavesNoCopy kills backup while it copies the journal:
// no copy is left beside the target, the one left in the journal's private
// folder is removed the next time failup opens the journal, and doctor says
// so.
func TestKilledBackupLeavesNoCopy(t *testing.T) {
	e := newEnv(t)
	e.ok(nil, "import", writeDocument(t, 5000))
	private := filepath.Join(filepath.Dir(e.db), ".failup-tmp")
	out := t.TempDir()
	killed := false
	for try := 0; try < 20 && !killed; try++ {
		cmd := e.command(nil, "backup", "-o", filepath.Join(out, "backup.db"), "--force")
		killed = killWhen(t, cmd, func() bool {
			files, _ := filepath.Glob(filepath.Join(private, "*"))
			return len(files) > 0 && size(files[0]) > 0
		})
	}
	if !killed {
		t.Fatal("no kill landed while the backup was being copied")
	}
	files, _ := os.ReadDir(out)
	for _, f := range files {
		if f.Name() != "backup.db" {
			t.Errorf("the killed backup left %s beside its target", f.Name())
		}
	}
	if left, _ := filepath.Glob(filepath.Join(private, "*")); len(left) == 0 {
		t.Fatal("the killed backup left no copy in the private folder; this test no longer tests the sweep")
	}
	if info, err := os.Stat(private); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("the private folder is %v, want 0700: %v", info.Mode().Perm(), err)
	}
	h := e.healthy()
	found := ""
	for _, c := range h.Checks {
		if c.Check == "temporary copies" {
			found = c.Found
		}
	}
	if !strings.HasPrefix(found, "removed 1 copy") {
		t.Errorf("doctor says of temporary copies: %q, want that it removed 1", found)
	}
	if left, _ := filepath.Glob(filepath.Join(private, "*")); len(left) > 0 {
		t.Errorf("after doctor, %v is still there", left)
	}
}

// TestLegacyTemporaryCopiesAreRemoved leaves the hidden copies an older
// failup's killed backup made beside the journal: once an hour old they are
// removed when the journal is opened; a fresh one, which may be a backup
// running now, is left.
func TestLegacyTemporaryCopiesAreRemoved(t *testing.T) {
	e := newEnv(t)
	e.ok(entryJSON(t, simpleEntry("Kept", "Only the copies go.")), "new", "--from", "-")
	dir := filepath.Dir(e.db)
	old := filepath.Join(dir, ".journal.db.tmp-123")
	fresh := filepath.Join(dir, ".journal.db.tmp-456")
	for _, name := range []string{old, fresh} {
		write(t, name, []byte("SQLite format 3\x00 a plaintext copy"))
	}
	hourAgo := time.Now().Add(-2 * time.Hour)
	os.Chtimes(old, hourAgo, hourAgo)
	e.ok(nil, "list")
	if _, err := os.Stat(old); err == nil {
		t.Error("an abandoned copy an older failup left was not removed")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh copy, which may be a backup running now, was removed")
	}
}

// TestKilledEncryptedBackupLeavesNoPlainCopy kills backup --encrypt while it
// copies the journal and while it encrypts the copy: no plaintext copy is
// left once failup next opens the journal, however early or late it died.
func TestKilledEncryptedBackupLeavesNoPlainCopy(t *testing.T) {
	e := newEnv(t)
	e.ok(nil, "import", writeDocument(t, 5000))
	dir := filepath.Dir(e.db)
	plainCopies := func() []string {
		var found []string
		for _, pattern := range []string{".failup-tmp/*", ".failup-backup-*/*"} {
			names, _ := filepath.Glob(filepath.Join(dir, pattern))
			found = append(found, names...)
		}
		return found
	}
	out := t.TempDir()
	for _, late := range []bool{false, true} {
		killed := false
		for try := 0; try < 20 && !killed; try++ {
			cmd := e.command(nil, "backup", "--recipient", "age1ghxwqzgv5tnhntq7j4adpdmf5ypk2dklhwmaerwc6cclyhzx9fsskph2h5",
				"-o", filepath.Join(out, "backup.db.age"), "--force")
			killed = killWhen(t, cmd, func() bool {
				if late {
					// The copy is whole and being encrypted into the target.
					return writingInto(cmd.Process.Pid, out)
				}
				names := plainCopies()
				return len(names) > 0 && size(names[0]) > 0
			})
		}
		if !killed {
			t.Fatalf("no kill landed during the backup (late %v)", late)
		}
		e.ok(nil, "list", "--limit", "1")
		if left := plainCopies(); len(left) > 0 {
			t.Errorf("after a backup killed (late %v) and the journal opened again, plain copies are left: %v", late, left)
		}
	}
}

// writingInto reports whether process pid has a file in dir open.
func writingInto(pid int, dir string) bool {
	fds, _ := filepath.Glob(fmt.Sprintf("/proc/%d/fd/*", pid))
	for _, fd := range fds {
		if target, err := os.Readlink(fd); err == nil && strings.HasPrefix(target, dir+"/") {
			return true
		}
	}
	return false
}
