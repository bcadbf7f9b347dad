package store

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

func TestCorrectionsAreKeptAndMoveTheGeneration(t *testing.T) {
	s := openTemp(t)
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	generation := func() (g int64) {
		if err := s.db.QueryRow("SELECT generation FROM journal_meta").Scan(&g); err != nil {
			t.Fatal(err)
		}
		return g
	}
	g0 := generation()
	rename := journal.NewCorrection(journal.CorrectRename, "name:marcus", "my manager", now)
	dismiss := journal.NewCorrection(journal.CorrectDismiss, "pattern:fatigue", "", now)
	if err := s.Correct(ctx, []journal.Correction{rename, dismiss}, nil); err != nil {
		t.Fatal(err)
	}
	if generation() == g0 {
		t.Error("a correction left the journal's generation as it was: kept patterns would not be made anew")
	}
	// Renaming again is the same correction, changed.
	again := journal.NewCorrection(journal.CorrectRename, "name:marcus", "Marcus at work", now.Add(time.Hour))
	if err := s.Correct(ctx, []journal.Correction{again}, []string{dismiss.UID}); err != nil {
		t.Fatal(err)
	}
	list, err := s.Corrections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].UID != rename.UID || list[0].Label != "Marcus at work" ||
		!list[0].CreatedAt.Equal(now) || !list[0].UpdatedAt.Equal(now.Add(time.Hour)) {
		t.Fatalf("corrections %+v; want the rename, renamed again, created at %s", list, now)
	}

	// An import adds what is new, keeps the later of two versions of one
	// correction, and skips the rest.
	older := rename
	n, err := s.ImportDocument(ctx, journal.Each(nil), func() []journal.Correction { return []journal.Correction{older, dismiss} })
	if err != nil {
		t.Fatal(err)
	}
	if n.CorrectionsAdded != 1 || n.CorrectionsSkipped != 1 {
		t.Errorf("import added %d and skipped %d; want the dismissal added and the older rename skipped", n.CorrectionsAdded, n.CorrectionsSkipped)
	}
	list, _ = s.Corrections(ctx)
	if len(list) != 2 || list[1].Label != "Marcus at work" {
		t.Errorf("after the import: %+v", list)
	}
}

func TestRescueKeepsCorrections(t *testing.T) {
	s := openTemp(t)
	e := fullEntry()
	if err := s.Create(ctx, &e); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	dismiss := journal.NewCorrection(journal.CorrectDismiss, "pattern:fatigue", "", now)
	if err := s.Correct(ctx, []journal.Correction{dismiss}, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	to := filepath.Join(t.TempDir(), "rescued.db")
	if _, err := Rescue(ctx, s.Path(), to); err != nil {
		t.Fatal(err)
	}
	rescued, err := Open(to)
	if err != nil {
		t.Fatal(err)
	}
	defer rescued.Close()
	list, err := rescued.Corrections(ctx)
	if err != nil || len(list) != 1 || list[0].UID != dismiss.UID {
		t.Errorf("rescued corrections %+v, %v; want the dismissal", list, err)
	}
}
