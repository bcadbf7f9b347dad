package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

func seed(t *testing.T, s *Store, entries ...journal.Entry) {
	t.Helper()
	for i := range entries {
		e := &entries[i]
		if e.UID == "" {
			e.UID = fmt.Sprintf("uid-%d-%s", i, e.Title)
		}
		if e.CreatedAt.IsZero() {
			e.CreatedAt = time.Date(2026, 1, 1, 0, 0, i, 0, time.UTC)
			e.UpdatedAt = e.CreatedAt
		}
		if e.PromptSet == "" {
			e.PromptSet = journal.DefaultPromptSet
		}
		if err := s.Create(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
}

func titles(entries []journal.Entry) string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Title)
	}
	return strings.Join(out, ",")
}

func TestListFilters(t *testing.T) {
	s := openTemp(t)
	seed(t, s,
		journal.Entry{Title: "a", OccurredOn: "2026-01-05", Tags: []string{"Work", "launch"}, Skills: []journal.Skill{"judgement"}},
		journal.Entry{Title: "b", OccurredOn: "2026-02-05", Tags: []string{"work"}},
		journal.Entry{Title: "c", OccurredOn: "2026-03-05", Tags: []string{"family"}, Skills: []journal.Skill{"judgement", "resilience"}},
		journal.Entry{Title: "d 100%_done", OccurredOn: "2026-03-05"},
	)
	cases := []struct {
		name string
		f    Filter
		want string
	}{
		{"all, newest first, same day by created_at", Filter{}, "d 100%_done,c,b,a"},
		{"since", Filter{Since: "2026-02-05"}, "d 100%_done,c,b"},
		{"until", Filter{Until: "2026-02-05"}, "b,a"},
		{"range", Filter{Since: "2026-02-01", Until: "2026-02-28"}, "b"},
		{"tag, any case", Filter{Tags: []string{"WORK"}}, "b,a"},
		{"every tag must match", Filter{Tags: []string{"work", "launch"}}, "a"},
		{"skill", Filter{Skill: "judgement"}, "c,a"},
		{"text in a title", Filter{Text: "100%_"}, "d 100%_done"},
		{"text is literal, not a pattern", Filter{Text: "%"}, "d 100%_done"},
		{"text in a tag", Filter{Text: "fam"}, "c"},
		{"limit", Filter{Limit: 2}, "d 100%_done,c"},
		{"offset", Filter{Limit: 2, Offset: 2}, "b,a"},
		{"offset without limit", Filter{Offset: 3}, "a"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := s.List(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			if titles(got) != c.want {
				t.Errorf("List = %s, want %s", titles(got), c.want)
			}
			n, err := s.Count(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			if c.f.Limit == 0 && c.f.Offset == 0 && n != len(got) {
				t.Errorf("Count = %d, List has %d", n, len(got))
			}
		})
	}
	tags, err := s.Tags(ctx)
	if err != nil || len(tags) != 3 || tags[0].Count != 2 {
		t.Fatalf("Tags = %+v %v", tags, err)
	}
}

func TestSearchRanksAndNeverFails(t *testing.T) {
	s := openTemp(t)
	seed(t, s,
		journal.Entry{Title: "A quiet week", OccurredOn: "2026-01-01", Answers: []journal.Answer{{Key: "cause", Question: "q", Text: "The deadline was mentioned once."}}},
		journal.Entry{Title: "Missed the deadline", OccurredOn: "2025-01-01"},
		journal.Entry{Title: "Overcommitted", OccurredOn: "2026-02-01", Lesson: "Say no sooner.",
			Answers: []journal.Answer{{Key: "cause", Question: "q", Text: "I said yes to everything."}}},
	)
	hits, err := s.Search(ctx, "deadlines", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Title != "Missed the deadline" {
		t.Fatalf("title matches should rank first: %+v", hits)
	}
	if !strings.Contains(hits[1].Snippet, MatchStart+"deadline"+MatchEnd) {
		t.Errorf("snippet does not mark the match: %q", hits[1].Snippet)
	}
	if hits, _ := s.Search(ctx, `"said yes"`, 10); len(hits) != 1 || hits[0].Title != "Overcommitted" {
		t.Errorf("phrase search = %+v", hits)
	}
	if hits, _ := s.Search(ctx, `"yes said"`, 10); len(hits) != 0 {
		t.Errorf("a phrase matched out of order: %+v", hits)
	}
	if hits, _ := s.Search(ctx, "sooner", 10); len(hits) != 1 {
		t.Errorf("lessons are not searched: %+v", hits)
	}
	for _, q := range []string{`"`, `*`, `:`, `-`, `(`, `NEAR`, `NEAR(a b)`, `a OR b`, `title:x`, `^x`, `a AND`, `"""`, "\x00", `{x}`, `+`} {
		if _, err := s.Search(ctx, q, 5); err != nil {
			t.Errorf("Search(%q) = %v", q, err)
		}
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	s := openTemp(t)
	seed(t, s, journal.Entry{UID: "kept", Title: "Already here", OccurredOn: "2026-01-01"})
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	entry := func(uid, title string) journal.Entry {
		return journal.Entry{UID: uid, Title: title, OccurredOn: "2026-01-02", PromptSet: "four-questions", CreatedAt: base, UpdatedAt: base}
	}
	added, skipped, err := s.Import(ctx, []journal.Entry{entry("kept", "dup"), entry("n1", "New"), entry("n1", "Same uid twice")})
	if err != nil || added != 1 || skipped != 2 {
		t.Fatalf("Import = %d added, %d skipped, %v", added, skipped, err)
	}
	bad := entry("n2", "Bad")
	bad.Severity = ptr(9) // the schema's CHECK refuses it
	if _, _, err := s.Import(ctx, []journal.Entry{entry("n3", "Fine"), bad}); err == nil {
		t.Fatal("an invalid entry was imported")
	}
	if n, _ := s.Count(ctx, Filter{}); n != 2 {
		t.Fatalf("a failed import left %d entries, want 2", n)
	}
}
