package store

import (
	"reflect"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

func TestSetbacksByDayAndConfidences(t *testing.T) {
	s := openTemp(t)
	due := journal.Date("2026-03-01")
	seed(t, s,
		journal.Entry{Title: "a", OccurredOn: "2025-12-31", Confidence: ptr(2), Followup: &journal.Followup{Commitment: "x", DueOn: due}},
		journal.Entry{Title: "b", OccurredOn: "2026-01-02", Confidence: ptr(5), Followup: &journal.Followup{Commitment: "y", DueOn: due}},
		journal.Entry{Title: "c", OccurredOn: "2026-01-02", Followup: &journal.Followup{Commitment: "z", DueOn: due}},
		journal.Entry{Title: "d", OccurredOn: "2026-01-05", Confidence: ptr(7)},
	)
	perDay, err := s.SetbacksByDay(ctx, "2026-01-01")
	if err != nil || !reflect.DeepEqual(perDay, map[journal.Date]int{"2026-01-02": 2, "2026-01-05": 1}) {
		t.Fatalf("SetbacksByDay = %v, %v", perDay, err)
	}
	// Check-ins out of the order of the entries; one without a rating.
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	for i, c := range []struct {
		id         int64
		confidence *int
	}{{3, ptr(9)}, {1, ptr(4)}, {2, nil}} {
		if err := s.RecordCheckIn(ctx, c.id, CheckIn{TriedAgain: true, ConfidenceAfter: c.confidence}, at.Add(time.Duration(i)*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	reflecting, checkIn, err := s.Confidences(ctx, 2)
	if err != nil || !reflect.DeepEqual(reflecting, []int{5, 7}) || !reflect.DeepEqual(checkIn, []int{9, 4}) {
		t.Fatalf("Confidences(2) = %v, %v, %v; want [5 7] [9 4]", reflecting, checkIn, err)
	}
}
