package store

import (
	"slices"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

func TestAttempts(t *testing.T) {
	s := openTemp(t)
	add := func(title string, on journal.Date, follows string) journal.Entry {
		t.Helper()
		e := journal.Entry{Title: title, OccurredOn: on, FollowsUID: follows}
		if err := e.Complete(time.Now(), func(string, string) (string, bool) { return "", false }); err != nil {
			t.Fatal(err)
		}
		if err := s.Create(ctx, &e); err != nil {
			t.Fatal(err)
		}
		return e
	}
	first := add("Froze in the interview", "2026-01-05", "")
	second := add("Tried again: the interview", "2026-02-05", first.UID)
	third := add("Tried once more", "2026-03-05", second.UID)
	alone := add("Flat tyre", "2026-02-10", "")
	orphan := add("Follows an entry since deleted", "2026-02-11", "a-uid-no-entry-has")

	titles := func(es []journal.Entry) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Title)
		}
		return out
	}
	for _, from := range []journal.Entry{first, second, third} {
		got, err := s.Attempts(ctx, from.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{first.Title, second.Title, third.Title}; !slices.Equal(titles(got), want) {
			t.Errorf("from %q: %q, want %q", from.Title, titles(got), want)
		}
	}
	for _, e := range []journal.Entry{alone, orphan} {
		if got, err := s.Attempts(ctx, e.ID); err != nil || got != nil {
			t.Errorf("%q is in no chain, yet: %q, %v", e.Title, titles(got), err)
		}
	}
}
