package store

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

func TestIDsAreNeverGivenTwice(t *testing.T) {
	s := openTemp(t)
	seed(t, s, journal.Entry{Title: "a", OccurredOn: "2026-01-01"}, journal.Entry{Title: "b", OccurredOn: "2026-01-02"})
	if err := s.Delete(ctx, 2); err != nil {
		t.Fatal(err)
	}
	e := journal.Entry{UID: "c", Title: "c", OccurredOn: "2026-01-03", PromptSet: journal.DefaultPromptSet}
	if err := s.Create(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if e.ID != 3 {
		t.Fatalf("the new entry got id %d, which a reminder may already name", e.ID)
	}
}

func TestCachedUntilTheJournalChanges(t *testing.T) {
	s := openTemp(t)
	seed(t, s, journal.Entry{Title: "a", OccurredOn: "2026-01-01"})
	builds := 0
	build := func() ([]byte, error) {
		builds++
		return []byte{byte(builds)}, nil
	}
	get := func(version string) byte {
		t.Helper()
		b, err := s.Cached(ctx, "report", version, build)
		if err != nil {
			t.Fatal(err)
		}
		return b[0]
	}
	if get("v") != 1 || get("v") != 1 {
		t.Fatal("a result was not kept")
	}
	if get("w") != 2 {
		t.Fatal("a new version did not rebuild")
	}
	e, _ := s.Get(ctx, 1)
	e.Title = "changed"
	if err := s.Update(ctx, &e, e.UpdatedAt); err != nil {
		t.Fatal(err)
	}
	if get("w") != 3 {
		t.Fatal("a change to an entry did not rebuild")
	}
	if err := s.Delete(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if get("w") != 4 {
		t.Fatal("a deletion did not rebuild")
	}
}

// A result made while another failup writes to the journal is returned at
// once, not kept: waiting for the journal would hold up a command that only
// reads. The journal waits as before for what must be written.
func TestCachedDoesNotWaitForAnotherWriter(t *testing.T) {
	s := openTemp(t)
	seed(t, s, journal.Entry{Title: "a", OccurredOn: "2026-01-01"})
	other, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	tx, err := other.db.BeginTx(ctx, nil) // holds the journal's write lock
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		body, err := s.Cached(ctx, "report", "v", func() ([]byte, error) { return []byte("made"), nil })
		if err == nil && string(body) != "made" {
			err = fmt.Errorf("Cached returned %q", body)
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second): // the journal's own wait is 30 s
		t.Fatal("Cached is waiting for the other writer")
	}
	at, err := s.Stamp(ctx, "v")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Kept(ctx, "report", at); ok || err != nil {
		t.Fatalf("kept while another writer held the journal (%v)", err)
	}
	written := make(chan error, 1)
	go func() {
		written <- s.Keep(ctx, at, "report", map[string][]byte{"report": []byte("kept")})
	}()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-written; err != nil {
		t.Fatalf("a write after the other writer finished: %v", err)
	}
}

func TestKeptInPartsUntilTheJournalChanges(t *testing.T) {
	s := openTemp(t)
	seed(t, s, journal.Entry{Title: "a", OccurredOn: "2026-01-01"})
	at, err := s.Stamp(ctx, "v")
	if err != nil {
		t.Fatal(err)
	}
	kept := func(name string, at Stamp) string {
		t.Helper()
		b, ok, err := s.Kept(ctx, name, at)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return "(none)"
		}
		return string(b)
	}
	parts := map[string][]byte{"report": []byte("whole"), "report.1": []byte("one"), "report.2": []byte("two"), "reports": []byte("other")}
	if err := s.Keep(ctx, at, "report", parts); err != nil {
		t.Fatal(err)
	}
	if kept("report", at) != "whole" || kept("report.2", at) != "two" {
		t.Fatal("a part was not kept")
	}
	if other, _ := s.Stamp(ctx, "w"); kept("report", other) != "(none)" {
		t.Fatal("a part was read under another version")
	}
	// Kept anew in fewer parts: none of the old ones is left, and another
	// result whose name only begins the same way is not touched.
	if err := s.Keep(ctx, at, "report", map[string][]byte{"report": []byte("again")}); err != nil {
		t.Fatal(err)
	}
	if kept("report", at) != "again" || kept("report.2", at) != "(none)" || kept("reports", at) != "other" {
		t.Fatalf("after keeping in fewer parts: %q %q %q", kept("report", at), kept("report.2", at), kept("reports", at))
	}
	e, _ := s.Get(ctx, 1)
	e.Title = "changed"
	if err := s.Update(ctx, &e, e.UpdatedAt); err != nil {
		t.Fatal(err)
	}
	now, _ := s.Stamp(ctx, "v")
	if now == at || kept("report", now) != "(none)" {
		t.Fatal("a part was read after the journal changed")
	}
}

func TestByIDKeepsTheOrderGiven(t *testing.T) {
	s := openTemp(t)
	var entries []journal.Entry
	for i := range 600 {
		entries = append(entries, journal.Entry{Title: fmt.Sprintf("e%d", i+1), OccurredOn: "2026-01-01",
			Tags: []string{"t"}, Answers: []journal.Answer{{Key: journal.KeyCause, Text: "why"}}})
	}
	seed(t, s, entries...)
	var ids []int64
	for id := int64(600); id >= 1; id -= 2 {
		ids = append(ids, id)
	}
	ids = append(ids, 9999, 3) // no such entry; then one from the start
	got, err := s.ByID(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 301 || got[0].ID != 600 || got[299].ID != 2 || got[300].ID != 3 {
		t.Fatalf("read %d entries, first %d", len(got), got[0].ID)
	}
	if got[0].Title != "e600" || len(got[0].Tags) != 1 || len(got[0].Answers) != 1 {
		t.Fatalf("an entry read without its children: %+v", got[0])
	}
}

func TestOldKeptResultsAreLetGo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"top-patterns", "pattern-names", "pattern-entries-1", "pattern-entries-12", "patterns", "patterns.entries"} {
		if _, err := s.db.ExecContext(ctx, "INSERT INTO cache (name, version, body) VALUES (?, 'v', x'00')", name); err != nil {
			t.Fatal(err)
		}
	}
	// As a journal written before the kept report's parts held them.
	if _, err := s.db.ExecContext(ctx, "PRAGMA user_version = 9"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var left []string
	rows, err := s.db.QueryContext(ctx, "SELECT name FROM cache ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var name string
		rows.Scan(&name)
		left = append(left, name)
	}
	if strings.Join(left, " ") != "patterns patterns.entries" {
		t.Fatalf("kept after the upgrade: %v", left)
	}
}
