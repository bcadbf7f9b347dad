package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

func addEntries(t *testing.T, s *Store, n int) {
	t.Helper()
	for i := range n {
		e := fullEntry()
		e.UID = fmt.Sprintf("maintenance-%d-%d", time.Now().UnixNano(), i)
		e.Title = fmt.Sprintf("Entry %d", i+1)
		if err := s.Create(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
}

// sound reports whether Check found nothing wrong.
func sound(h Health) bool {
	return len(h.Integrity) == 0 && len(h.Orphans) == 0 && h.IndexError == "" && h.Unindexed == 0 && h.Stale == 0 &&
		h.SchemaVersion == h.Known
}

func TestBackupIsAPrivateCompleteCopyWhileWritesGoOn(t *testing.T) {
	s := openTemp(t)
	addEntries(t, s, 20)
	draft := journal.Draft{Key: journal.NewDraftKey, Entry: journal.Entry{Title: "Half written"}, Step: 2}
	if err := s.SaveDraft(ctx, draft, time.Now()); err != nil {
		t.Fatal(err)
	}
	// Another process's connection keeps writing while the backup is made.
	other, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var writes int
	var writeErr error
	wg.Go(func() {
		for ; writeErr == nil; writes++ {
			select {
			case <-stop:
				return
			default:
			}
			e := fullEntry()
			e.UID = fmt.Sprintf("written-during-backup-%d", writes)
			writeErr = other.Create(ctx, &e)
		}
	})
	before, err := s.Count(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "backup.db")
	err = s.Backup(ctx, path)
	close(stop)
	wg.Wait()
	if err != nil || writeErr != nil {
		t.Fatalf("backup: %v; the other writer: %v", err, writeErr)
	}
	t.Logf("%d entries were written during the backup", writes)
	after, err := s.Count(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}

	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if mode := info.Mode().Perm(); mode != 0o600 {
		t.Errorf("the backup's mode is %o, want 600", mode)
	}
	if files, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*")); len(files) != 1 {
		t.Errorf("the backup's folder holds %v, want only the backup", files)
	}
	copied, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer copied.Close()
	h, err := copied.Check(ctx)
	if err != nil || !sound(h) {
		t.Fatalf("the backup does not check out: %+v, %v", h, err)
	}
	if h.Entries < before || h.Entries > after {
		t.Errorf("the backup holds %d entries, want a snapshot between %d and %d", h.Entries, before, after)
	}
	want, err := s.List(ctx, Filter{Limit: 20, Offset: after - 20})
	if err != nil {
		t.Fatal(err)
	}
	got, err := copied.List(ctx, Filter{Limit: 20, Offset: h.Entries - 20})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("the backup's first entries differ from the journal's")
	}
	if d, ok, err := copied.Draft(ctx, journal.NewDraftKey); err != nil || !ok || d.Entry.Title != "Half written" {
		t.Errorf("the backup's draft is %+v, %v, %v", d, ok, err)
	}
}

func TestBackupIntoAMissingFolderLeavesNothing(t *testing.T) {
	s := openTemp(t)
	dir := t.TempDir()
	if err := s.Backup(ctx, filepath.Join(dir, "gone", "backup.db")); err == nil {
		t.Fatal("a backup into a missing folder succeeded")
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Errorf("left behind: %v", files)
	}
}

func TestCheckHealthyJournal(t *testing.T) {
	s := openTemp(t)
	addEntries(t, s, 3)
	saved := time.Date(2026, 3, 14, 18, 22, 5, 0, time.UTC)
	if err := s.SaveDraft(ctx, journal.Draft{Key: journal.EditKey(2), Entry: journal.Entry{Title: "Entry 2, edited"}}, saved); err != nil {
		t.Fatal(err)
	}
	h, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Health{SchemaVersion: h.Known, Known: h.Known, Entries: 3, Orphans: map[string]int{},
		Drafts: []DraftInfo{{Key: "edit:2", Title: "Entry 2, edited", SavedAt: saved}}}
	if h.Known < 1 || !reflect.DeepEqual(h, want) || !sound(h) {
		t.Errorf("got  %+v\nwant %+v", h, want)
	}
}

func TestCheckFindsOrphansAndIndexDrift(t *testing.T) {
	s := openTemp(t)
	addEntries(t, s, 3)
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"PRAGMA foreign_keys = OFF",
		"DELETE FROM entries WHERE id = 1",        // leaves its answers, tags, skills and follow-up, and its index row
		"DELETE FROM entries_fts WHERE rowid = 2", // entry 2 can no longer be found
		"PRAGMA foreign_keys = ON",
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	conn.Close()
	h, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantOrphans := map[string]int{"answers": 4, "tags": 2, "skills": 2, "followups": 1}
	if !reflect.DeepEqual(h.Orphans, wantOrphans) || h.Unindexed != 1 || h.Stale != 1 || len(h.Integrity) != 0 {
		t.Errorf("got %+v, want orphans %v, 1 unindexed and 1 stale", h, wantOrphans)
	}
}

func TestCheckFindsDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	addEntries(t, s, 200)
	s.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Scribble over a page in the middle, past the schema.
	const page = 4096
	middle := len(data) / page / 2 * page
	for i := middle + 8; i < middle+page; i++ {
		data[i] = byte(i)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	h, err := s.Check(ctx)
	if err == nil && len(h.Integrity) == 0 {
		t.Fatalf("the damage went unnoticed: %+v", h)
	}
}

// TestWithCopyLeavesNoNamedCopy reads a consistent copy of the journal
// through WithCopy: while it is read, the private folder holds no file with
// its text, and afterwards nothing at all.
func TestWithCopyLeavesNoNamedCopy(t *testing.T) {
	s := openTemp(t)
	addEntries(t, s, 3)
	private := filepath.Join(filepath.Dir(s.Path()), privateFolder)
	var copied []byte
	err := s.WithCopy(ctx, t.TempDir(), func(r io.Reader) error {
		if left, _ := os.ReadDir(private); len(left) > 0 {
			t.Errorf("while the copy is read, the private folder holds %v", left)
		}
		var err error
		copied, err = io.ReadAll(r)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !IsJournalHeader(copied) {
		t.Fatalf("the copy (%d bytes) is not a failup journal", len(copied))
	}
	restored := filepath.Join(t.TempDir(), "restored.db")
	if err := os.WriteFile(restored, copied, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := OpenExisting(restored)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if n, err := r.Count(ctx, Filter{}); err != nil || n != 3 {
		t.Errorf("the copy holds %d entries (%v), want 3", n, err)
	}
	if left, _ := os.ReadDir(private); len(left) > 0 {
		t.Errorf("after the copy was read, the private folder holds %v", left)
	}
}

// TestNoPrivateFolderLingers: a backup, a copy read through WithCopy and an
// editor's folder each leave no private folder beside the journal once they
// are done; one that still holds another failup's copy stays, and an empty
// one an older failup left is removed when the journal is swept.
func TestNoPrivateFolderLingers(t *testing.T) {
	s := openTemp(t)
	addEntries(t, s, 2)
	private := filepath.Join(filepath.Dir(s.Path()), privateFolder)
	gone := func(after string) {
		t.Helper()
		if _, err := os.Stat(private); !errors.Is(err, fs.ErrNotExist) {
			left, _ := os.ReadDir(private)
			t.Errorf("after %s the private folder is still there (%v), holding %v", after, err, left)
		}
	}
	if err := s.Backup(ctx, filepath.Join(t.TempDir(), "backup.db")); err != nil {
		t.Fatal(err)
	}
	gone("a backup")
	if err := s.WithCopy(ctx, t.TempDir(), func(io.Reader) error { return nil }); err != nil {
		t.Fatal(err)
	}
	gone("a copy read")
	_, release, err := s.PrivateFolder()
	if err != nil {
		t.Fatal(err)
	}
	release()
	gone("an editor's copy")

	// Another failup's copy in it, locked: the folder stays, and a backup
	// beside it still works.
	held, err := createLocked(private)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, filepath.Join(t.TempDir(), "backup.db")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(held.Name()); err != nil {
		t.Fatalf("another failup's copy went with the folder: %v", err)
	}
	held.Close()
	os.Remove(held.Name())

	if removed := s.SweepLeftovers(); len(removed) != 0 {
		t.Errorf("the sweep removed %v", removed)
	}
	gone("a sweep of an empty folder")
}
