package faults

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// readingCommands read the journal and so must never create one.
var readingCommands = [][]string{
	{"list"}, {"show", "1"}, {"search", "deadline"}, {"stats"}, {"lessons"}, {"patterns"},
	{"followups"}, {"export"}, {"doctor"}, {"backup", "-o", "copy.db"},
	{"edit", "1", "--from", "-"}, {"delete", "1", "--yes"}, {"checkin", "1", "--tried-again", "yes"},
}

// TestReadingNeverCreatesAJournal points every reading command at a journal
// that is not there, by --db and by FAILUP_DB: each says so and exits 1,
// and no file or folder appears.
func TestReadingNeverCreatesAJournal(t *testing.T) {
	e := newEnv(t)
	e.db = filepath.Join(e.home, "typo", "journal.db")
	input := entryJSON(t, simpleEntry("Not saved", "There is no journal."))
	for _, args := range readingCommands {
		e.fails("there is no journal at "+e.db, input, args...)
		e.fails("there is no journal at "+filepath.Join(e.home, "typo.db"), input, append([]string{"--db", "typo.db"}, args...)...)
	}
	for _, name := range []string{"typo", "typo.db", "data"} {
		if _, err := os.Lstat(filepath.Join(e.home, name)); err == nil {
			t.Errorf("a reading command created %s", name)
		}
	}
	e.ok(entryJSON(t, simpleEntry("The first entry", "It starts the journal.")), "new", "--from", "-")
	if info, err := os.Stat(e.db); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("new did not create a private journal: %v", err)
	}
}

// TestJournalThatIsNotAFile hands failup a dangling link, a device and a
// pipe as its journal: each is refused in one sentence that says what it is,
// nothing is created beside it, and nothing hangs on the pipe.
func TestJournalThatIsNotAFile(t *testing.T) {
	e := newEnv(t)
	dir := t.TempDir()
	link := filepath.Join(dir, "journal.db")
	if err := os.Symlink(filepath.Join(dir, "moved", "journal.db"), link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		link:        "is a link to " + filepath.Join(dir, "moved", "journal.db") + ", which does not exist",
		fifo:        "is not a regular file",
		"/dev/null": "is not a regular file",
	}
	for path, want := range cases {
		e.db = path
		for _, args := range [][]string{{"list"}, {"doctor"}, {"new", "--from", "-"}, {"import", writeDocument(t, 2)}} {
			e.fails(want, entryJSON(t, simpleEntry("Not saved", "Refused.")), args...)
		}
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			if _, err := os.Lstat(path + suffix); err == nil {
				t.Errorf("%s%s was created", path, suffix)
				os.Remove(path + suffix)
			}
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, "moved")); err == nil {
		t.Error("the dangling link's folder was created")
	}
}

// TestReadOnlyJournalIsRead puts the journal on a read-only mount (or makes
// its file and folder read-only when not root): every reading command works,
// doctor finds it sound, every write is refused in one sentence, and nothing
// appears beside it.
func TestReadOnlyJournalIsRead(t *testing.T) {
	e := newEnv(t)
	e.ok(entryJSON(t, simpleEntry("Missed the deadline", "Too many promises.")), "new", "--from", "-")
	e.ok(nil, "import", writeDocument(t, 40))
	before := e.snapshot()
	dir := filepath.Dir(e.db)
	if os.Geteuid() == 0 {
		mount(t, dir, "--bind", dir)
		if out, err := exec.Command("mount", "-o", "remount,bind,ro", dir).CombinedOutput(); err != nil {
			t.Fatalf("remounting read-only: %v: %s", err, out)
		}
	} else {
		os.Chmod(e.db, 0o400)
		os.Chmod(dir, 0o500)
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
	}
	for _, args := range [][]string{{"list"}, {"show", "1"}, {"search", "deadline"}, {"stats"}, {"lessons"},
		{"patterns"}, {"followups"}, {"export"}, {"export", "--format", "json", "-o", filepath.Join(t.TempDir(), "out.json")},
		{"backup", "-o", filepath.Join(t.TempDir(), "copy.db")}} {
		e.ok(nil, args...)
	}
	if !strings.Contains(e.ok(nil, "show", "1"), "Missed the deadline") {
		t.Error("show does not show the entry of a read-only journal")
	}
	if got := e.snapshot(); got != before {
		t.Error("a read-only journal reads differently")
	}
	for _, c := range e.healthy().Checks {
		if !c.OK && c.Check != "folder" && c.Check != "file" {
			t.Errorf("doctor on a read-only journal: %s: %s", c.Check, c.Found)
		}
	}
	e.fails("writable", nil, "delete", "1", "--yes")
	e.fails("writable", entryJSON(t, simpleEntry("One more", "Refused.")), "new", "--from", "-")
	if files := filesBesides(t, dir); len(files) != 1 {
		t.Errorf("the read-only journal's folder holds %q, want only the journal", files)
	}
}

// TestJournalOthersCanReadIsMadePrivate opens a journal, and the write-ahead
// log beside it, that others can read: failup makes them 0600 before it
// writes anything, and never widens a mode.
func TestJournalOthersCanReadIsMadePrivate(t *testing.T) {
	e := newEnv(t)
	e.ok(entryJSON(t, simpleEntry("Private", "Only mine.")), "new", "--from", "-")
	if err := os.Chmod(e.db, 0o644); err != nil {
		t.Fatal(err)
	}
	e.ok(entryJSON(t, simpleEntry("Still private", "Only mine.")), "new", "--from", "-")
	if info, _ := os.Stat(e.db); info.Mode().Perm() != 0o600 {
		t.Errorf("after a write the journal is %v, want 0600", info.Mode().Perm())
	}
	if err := os.Chmod(e.db, 0o400); err != nil {
		t.Fatal(err)
	}
	e.ok(nil, "list")
	if info, _ := os.Stat(e.db); info.Mode().Perm() != 0o400 {
		t.Errorf("a 0400 journal became %v; failup must never widen a mode", info.Mode().Perm())
	}
}

// TestFoldersOthersCanReadAreMadePrivate opens a journal whose folders
// others can enter: failup's data folder, its private folder of copies and
// its snapshots' folders are made 0700 again; a folder the person chose for
// a journal is theirs and left as it is; no mode is ever widened.
func TestFoldersOthersCanReadAreMadePrivate(t *testing.T) {
	e := newEnv(t)
	e.ok(entryJSON(t, simpleEntry("Private", "Only mine.")), "new", "--from", "-")
	data := filepath.Dir(e.db)
	private := filepath.Join(data, ".failup-tmp")
	snapshots := filepath.Join(e.home, "data", "failup", "snapshots")
	shelves, _ := filepath.Glob(filepath.Join(snapshots, "*"))
	if len(shelves) != 1 {
		t.Fatalf("snapshots' folders: %v, want one", shelves)
	}
	mode := func(path string) os.FileMode {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return info.Mode().Perm()
	}
	open := []string{data, snapshots, shelves[0]}
	for _, dir := range open {
		if m := mode(dir); m != 0o700 {
			t.Errorf("%s was made %v, want 0700", dir, m)
		}
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// The private folder of copies is there only while a copy is in it; an
	// empty one an older failup left, others can enter, goes.
	if _, err := os.Stat(private); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the private folder %s is left after the snapshot (%v)", private, err)
	}
	if err := os.Mkdir(private, 0o755); err != nil {
		t.Fatal(err)
	}
	// A backup uses the private folder; with the snapshot gone, the next
	// command takes one again.
	e.ok(nil, "backup", "-o", filepath.Join(t.TempDir(), "copy.db"))
	taken, _ := filepath.Glob(filepath.Join(shelves[0], "*.db"))
	for _, name := range taken {
		os.Remove(name)
	}
	e.ok(nil, "list")
	if taken, _ := filepath.Glob(filepath.Join(shelves[0], "*.db")); len(taken) != 1 {
		t.Fatalf("no snapshot was taken again: %v", taken)
	}
	for _, dir := range open {
		if m := mode(dir); m != 0o700 {
			t.Errorf("after a backup and a snapshot, %s is %v, want 0700", dir, m)
		}
	}
	if _, err := os.Stat(private); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after a backup and a snapshot, the private folder %s is left (%v)", private, err)
	}

	// Never widened: a folder others can read but its owner cannot write
	// stays unwritable.
	if err := os.Chmod(data, 0o555); err != nil {
		t.Fatal(err)
	}
	e.run(nil, "list")
	if m := mode(data); m != 0o500 {
		t.Errorf("a 0555 data folder became %v, want 0500", m)
	}
	os.Chmod(data, 0o700)

	// A folder the person chose is theirs.
	own := filepath.Join(e.home, "shared")
	if err := os.Mkdir(own, 0o755); err != nil {
		t.Fatal(err)
	}
	e.ok(entryJSON(t, simpleEntry("Elsewhere", "In my folder.")), "--db", filepath.Join(own, "journal.db"), "new", "--from", "-")
	if m := mode(own); m != 0o755 {
		t.Errorf("the folder chosen with --db became %v; it is the person's, not failup's", m)
	}
}
