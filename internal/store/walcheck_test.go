package store

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

// TestEveryWriteMovesTheStamp checks that entries, drafts and cached
// results each move the stamp on, and that the stamp's bytes are the ones
// checkWAL looks for.
func TestEveryWriteMovesTheStamp(t *testing.T) {
	s := openTemp(t)
	writes := func() stamp {
		t.Helper()
		var mark []byte
		var n int64
		if err := s.db.QueryRow("SELECT mark, writes FROM journal_stamp").Scan(&mark, &n); err != nil {
			t.Fatal(err)
		}
		rest, ok := bytes.CutPrefix(mark, stampMagic)
		st, parsed := parseStamp(rest)
		if !ok || !parsed || len(rest) != stampIDLen+stampWritesLen || st.writes != n {
			t.Fatalf("the stamp's mark is %x (writes %d)", mark, n)
		}
		return st
	}
	first := writes()
	now := time.Now()
	steps := map[string]func() error{
		"an entry": func() error {
			e := journal.Entry{Title: "Stamped", Answers: []journal.Answer{{Key: journal.KeyCause, Text: "A write."}}}
			return s.Create(ctx, &e)
		},
		"a draft":        func() error { return s.SaveDraft(ctx, journal.Draft{Key: "new"}, now) },
		"a cached value": func() error { s.Cached(ctx, "x", "1", func() ([]byte, error) { return []byte("{}"), nil }); return nil },
	}
	last := first
	for name, write := range steps {
		if err := write(); err != nil {
			t.Fatal(err)
		}
		got := writes()
		if got.writes <= last.writes || got.id != first.id {
			t.Errorf("after %s the stamp is %+v, was %+v", name, got, last)
		}
		last = got
	}
	if _, err := s.db.Exec("PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		t.Fatal(err)
	}
	if own, ok := journalStamp(s.Path()); !ok || own.id != first.id || own.writes != last.writes {
		t.Errorf("the journal file's own stamp reads %+v, %v", own, ok)
	}
	if err := checkWAL(s.Path()); err != nil {
		t.Errorf("the journal's own -wal is refused: %v", err)
	}
	if info, err := os.Stat(s.Path() + "-wal"); err != nil || info.Size() == 0 {
		t.Fatalf("no -wal to check: %v", err)
	}
}
