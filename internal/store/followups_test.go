package store

import (
	"errors"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

func TestCommitmentsAndCheckIns(t *testing.T) {
	s := openTemp(t)
	now := time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
	seed(t, s,
		journal.Entry{Title: "late", OccurredOn: "2026-03-01", Followup: &journal.Followup{Commitment: "a", DueOn: "2026-03-10"}},
		journal.Entry{Title: "soon", OccurredOn: "2026-03-02", Followup: &journal.Followup{Commitment: "b", DueOn: "2026-03-20"}},
		journal.Entry{Title: "undated", OccurredOn: "2026-03-03", Followup: &journal.Followup{Commitment: "c"}},
		journal.Entry{Title: "none", OccurredOn: "2026-03-04"},
	)
	all, err := s.Commitments(ctx, CommitmentFilter{})
	if err != nil || len(all) != 3 || all[0].Title != "late" || all[2].Title != "undated" {
		t.Fatalf("Commitments = %+v %v", all, err)
	}
	if due, _ := s.Commitments(ctx, CommitmentFilter{Open: true, DueBy: "2026-03-14"}); len(due) != 1 || due[0].Title != "late" {
		t.Fatalf("due = %+v", due)
	}
	if latest, _ := s.Commitments(ctx, CommitmentFilter{Latest: true, Limit: 1}); len(latest) != 1 || latest[0].Title != "soon" {
		t.Fatalf("the latest due = %+v", latest)
	}
	if n, _ := s.CountCommitments(ctx, CommitmentFilter{Open: true}); n != 3 {
		t.Fatalf("%d open commitments", n)
	}

	if err := s.RecordCheckIn(ctx, 1, CheckIn{TriedAgain: true, Outcome: "went fine", ConfidenceAfter: ptr(8)}, now); err != nil {
		t.Fatal(err)
	}
	if err := s.Snooze(ctx, 2, "2026-04-01", now); err != nil {
		t.Fatal(err)
	}
	if err := s.Drop(ctx, 3, now); err != nil {
		t.Fatal(err)
	}
	open, _ := s.Commitments(ctx, CommitmentFilter{Open: true})
	if len(open) != 1 || open[0].Followup.DueOn != "2026-04-01" {
		t.Fatalf("open after changes = %+v", open)
	}
	e, _ := s.Get(ctx, 1)
	if f := e.Followup; !f.CheckedInAt.Equal(now) || !*f.TriedAgain || *f.Outcome != "went fine" || *f.ConfidenceAfter != 8 || !e.UpdatedAt.Equal(now) {
		t.Fatalf("check-in stored %+v, updated %v", f, e.UpdatedAt)
	}
	if err := s.Drop(ctx, 4, now); !errors.Is(err, ErrNoCommitment) {
		t.Fatalf("Drop without a commitment = %v", err)
	}
	if err := s.Snooze(ctx, 99, "2026-04-01", now); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Snooze of a missing entry = %v", err)
	}
}
