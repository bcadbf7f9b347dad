package store

import (
	"testing"

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
