package snapshot

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

var ctx = context.Background()

// journalAt makes a real journal of n generated entries at path.
func journalAt(t testing.TB, path string, n int) *store.Store {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	entries := func(yield func(journal.Entry, error) bool) {
		for _, e := range gen.Entries(n, 1, "2026-11-27") {
			if !yield(e, nil) {
				return
			}
		}
	}
	if _, _, err := s.Import(ctx, entries); err != nil {
		t.Fatal(err)
	}
	return s
}

func addEntry(t *testing.T, s *store.Store, i int) {
	t.Helper()
	e := journal.Entry{Title: fmt.Sprintf("Day %d", i), Answers: []journal.Answer{{Key: journal.KeyCause, Question: "What caused this setback?", Text: "A change."}}}
	if err := e.Complete(time.Now(), nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Create(ctx, &e); err != nil {
		t.Fatal(err)
	}
}

func days(list []Snapshot) []string {
	var out []string
	for _, s := range list {
		out = append(out, s.Day)
	}
	return out
}

// TestOneADayTheLastFew takes a snapshot on each of nine days (a fake
// calendar, a real journal): the newest seven are kept, each a private,
// whole journal, and a second one the same day is not due.
func TestOneADayTheLastFew(t *testing.T) {
	dir := t.TempDir()
	s := journalAt(t, filepath.Join(dir, "journal.db"), 5)
	id, err := s.Identity(ctx)
	if err != nil || len(id) != 32 {
		t.Fatalf("identity %q, %v", id, err)
	}
	shelf := For(filepath.Join(dir, "snapshots"), id, s.Path())
	day := time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local)
	for i := range 9 {
		today := Day(day.AddDate(0, 0, i))
		// Each day the journal changes before the day's snapshot.
		addEntry(t, s, i)
		g, err := s.Generation(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !shelf.Due(today, g) {
			t.Fatalf("%s: no snapshot due, though the journal changed since the last", today)
		}
		if _, err := shelf.Take(ctx, today, g, Keep, s.Backup); err != nil {
			t.Fatal(err)
		}
		addEntry(t, s, 100+i)
		g, _ = s.Generation(ctx)
		if shelf.Due(today, g) {
			t.Errorf("%s: a second snapshot is due the same day", today)
		}
	}
	list, err := shelf.List()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2026-11-28", "2026-11-27", "2026-11-26", "2026-11-25", "2026-11-24", "2026-11-23", "2026-11-22"}
	if !reflect.DeepEqual(days(list), want) {
		t.Errorf("kept %v, want %v", days(list), want)
	}
	if info, err := os.Stat(shelf.Dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("the snapshots' folder: %v, %v; want 0700", info.Mode().Perm(), err)
	}
	for _, snap := range list {
		info, err := os.Stat(snap.Path)
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, %v; want 0600", snap.Path, info.Mode().Perm(), err)
		}
	}
	copy, err := store.OpenExisting(list[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	defer copy.Close()
	// 5 to begin with, then two a day, the snapshot taken between them.
	if n, err := copy.Count(ctx, store.Filter{}); err != nil || n != 5+2*8+1 {
		t.Errorf("the newest snapshot holds %d entries (%v), want %d", n, err, 5+2*8+1)
	}
}

// TestNotDueWhenNothingChanged: a day with no change since the newest
// snapshot takes none, so a quiet week does not push out older states.
func TestNotDueWhenNothingChanged(t *testing.T) {
	dir := t.TempDir()
	s := journalAt(t, filepath.Join(dir, "journal.db"), 1)
	id, _ := s.Identity(ctx)
	shelf := For(filepath.Join(dir, "snapshots"), id, s.Path())
	g, _ := s.Generation(ctx)
	if _, err := shelf.Take(ctx, "2026-11-20", g, Keep, s.Backup); err != nil {
		t.Fatal(err)
	}
	// Reading, drafts and cached results are not changes.
	if err := s.SaveDraft(ctx, journal.Draft{Key: journal.NewDraftKey, Entry: journal.Entry{Title: "Half"}}, time.Now()); err != nil {
		t.Fatal(err)
	}
	g, _ = s.Generation(ctx)
	if shelf.Due("2026-11-21", g) {
		t.Error("a snapshot is due though the journal has not changed since the last")
	}
}

// TestJournalsDoNotShareSnapshots: two journals, and one journal copied to
// another path, each have their own shelf; a journal known only by its path
// (too damaged to say its identity) finds its own.
func TestJournalsDoNotShareSnapshots(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "snapshots")
	a := journalAt(t, filepath.Join(dir, "a", "journal.db"), 1)
	b := journalAt(t, filepath.Join(dir, "b", "journal.db"), 2)
	idA, _ := a.Identity(ctx)
	idB, _ := b.Identity(ctx)
	if idA == idB {
		t.Fatal("two new journals have one identity")
	}
	copyOfA := filepath.Join(dir, "c", "journal.db")
	shelves := map[string]bool{}
	for _, sh := range []Shelf{For(root, idA, a.Path()), For(root, idB, b.Path()), For(root, idA, copyOfA)} {
		if shelves[sh.Dir] {
			t.Errorf("%s is shared", sh.Dir)
		}
		shelves[sh.Dir] = true
	}
	for _, s := range []*store.Store{a, b} {
		id, _ := s.Identity(ctx)
		if _, err := For(root, id, s.Path()).Take(ctx, "2026-11-20", 1, Keep, s.Backup); err != nil {
			t.Fatal(err)
		}
	}
	found, err := OfPath(root, a.Path())
	if err != nil || len(found) != 1 || filepath.Base(filepath.Dir(found[0].Path)) != filepath.Base(For(root, idA, a.Path()).Dir) {
		t.Errorf("OfPath(a) = %v, %v; want a's one snapshot", found, err)
	}
	if found, _ := OfPath(root, copyOfA); len(found) != 0 {
		t.Errorf("OfPath(a copy never snapshotted) = %v, want none", found)
	}
}

// BenchmarkDue is what every command that opened the journal pays after
// it is done, once today's snapshot is taken: one folder read.
func BenchmarkDue(b *testing.B) {
	dir := b.TempDir()
	s := journalAt(b, filepath.Join(dir, "journal.db"), 10)
	id, _ := s.Identity(ctx)
	shelf := For(filepath.Join(dir, "snapshots"), id, s.Path())
	for i := range Keep {
		if _, err := shelf.Take(ctx, fmt.Sprintf("2026-11-%02d", 20+i), 1, Keep, s.Backup); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Identity(ctx); err != nil {
			b.Fatal(err)
		}
		g, err := s.Generation(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if shelf.Due("2026-11-26", g) {
			b.Fatal("due twice in a day")
		}
	}
}

// BenchmarkTake is the day's first command's extra time: a whole copy of a
// journal of 1,000 and 10,000 entries.
func BenchmarkTake(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			dir := b.TempDir()
			s := journalAt(b, filepath.Join(dir, "journal.db"), n)
			id, _ := s.Identity(ctx)
			shelf := For(filepath.Join(dir, "snapshots"), id, s.Path())
			i := 0
			for b.Loop() {
				i++
				if _, err := shelf.Take(ctx, Day(time.Date(2026, 1, 1, 0, 0, 0, 0, time.Local).AddDate(0, 0, i)), int64(i), Keep, s.Backup); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
