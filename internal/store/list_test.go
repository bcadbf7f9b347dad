package store

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/gen"
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
		{"text in a tag, any case", Filter{Text: "LAUN"}, "a"},
		{"limit", Filter{Limit: 2}, "d 100%_done,c"},
		{"offset", Filter{Limit: 2, Offset: 2}, "b,a"},
		{"offset without limit", Filter{Offset: 3}, "a"},
		{"nothing", Filter{Since: "2027-01-01"}, ""},
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
			x, err := s.Extent(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			if c.f.Limit == 0 && c.f.Offset == 0 {
				want := Extent{Count: len(got)}
				if len(got) > 0 {
					want.First, want.Last = got[len(got)-1].OccurredOn, got[0].OccurredOn
				}
				if x != want {
					t.Errorf("Extent = %+v, want %+v", x, want)
				}
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
	added, skipped, err := s.Import(ctx, journal.Each([]journal.Entry{entry("kept", "dup"), entry("n1", "New"), entry("n1", "Same uid twice")}))
	if err != nil || added != 1 || skipped != 2 {
		t.Fatalf("Import = %d added, %d skipped, %v", added, skipped, err)
	}
	bad := entry("n2", "Bad")
	bad.Severity = ptr(9) // the schema's CHECK refuses it
	if _, _, err := s.Import(ctx, journal.Each([]journal.Entry{entry("n3", "Fine"), bad})); err == nil {
		t.Fatal("an invalid entry was imported")
	}
	if n, _ := s.Count(ctx, Filter{}); n != 2 {
		t.Fatalf("a failed import left %d entries, want 2", n)
	}
}

// manyEntries seeds n entries, one a day from 2020-01-01, each tagged
// "common", every hundredth also "rare", with an answer and a follow-up.
func manyEntries(t *testing.T, s *Store, n int) {
	t.Helper()
	entries := make([]journal.Entry, n)
	for i := range entries {
		tags := []string{"common"}
		if i%100 == 0 {
			tags = append(tags, "rare")
		}
		entries[i] = journal.Entry{
			Title: fmt.Sprintf("entry %d", i), OccurredOn: journal.Date("2020-01-01").AddDays(i), Tags: tags,
			Answers:  []journal.Answer{{Key: "cause", Question: "q", Text: fmt.Sprintf("answer %d", i)}},
			Followup: &journal.Followup{Commitment: fmt.Sprintf("try %d", i)},
		}
	}
	seed(t, s, entries...)
}

func TestTagFiltersGiveTheSameEntriesEitherWay(t *testing.T) {
	s := openTemp(t)
	manyEntries(t, s, 600)
	cases := []struct {
		f     Filter
		drive string // the tag looked up, if any, rather than walked to
		want  string // the titles of the first and last entries, and how many
	}{
		{Filter{Tags: []string{"rare"}, Limit: 3}, "rare", "entry 500..entry 300 (3)"},
		{Filter{Tags: []string{"common", "rare"}, Limit: 3, Offset: 2}, "rare", "entry 300..entry 100 (3)"},
		{Filter{Tags: []string{"COMMON"}, Limit: 3}, "", "entry 599..entry 597 (3)"},
		{Filter{Tags: []string{"common", "nowhere"}, Limit: 3}, "nowhere", "(0)"},
		{Filter{Tags: []string{"common"}}, "common", "entry 599..entry 0 (600)"},
		{Filter{Tags: []string{"common"}, Since: "2021-01-01", Limit: 2}, "", "entry 599..entry 598 (2)"},
	}
	for _, c := range cases {
		if drive, err := s.drivingTag(ctx, c.f); err != nil || drive != c.drive {
			t.Errorf("drivingTag(%+v) = %q, %v; want %q", c.f, drive, err, c.drive)
		}
		got, err := s.List(ctx, c.f)
		if err != nil {
			t.Fatal(err)
		}
		summary := fmt.Sprintf("(%d)", len(got))
		if len(got) > 0 {
			summary = got[0].Title + ".." + got[len(got)-1].Title + " " + summary
		}
		if summary != c.want {
			t.Errorf("List(%+v) = %s, want %s", c.f, summary, c.want)
		}
	}
	if n, err := s.Count(ctx, Filter{Tags: []string{"common", "rare"}}); err != nil || n != 6 {
		t.Errorf("Count = %d, %v; want 6", n, err)
	}
}

func TestEntriesComeWholeAcrossPages(t *testing.T) {
	s := openTemp(t)
	n := 2*pageSize + 7
	manyEntries(t, s, n)
	i := n
	for e, err := range s.Entries(ctx, Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		i--
		want := fmt.Sprintf("entry %d", i)
		if e.Title != want || len(e.Answers) != 1 || e.Answers[0].Text != fmt.Sprintf("answer %d", i) ||
			e.Followup == nil || e.Followup.Commitment != fmt.Sprintf("try %d", i) || e.Tags[0] != "common" {
			t.Fatalf("entry %d came as %+v", i, e)
		}
	}
	if i != 0 {
		t.Fatalf("%d entries were not yielded", i)
	}

	// Headlines leave out the answers and the follow-up, and stopping
	// early lets go of the journal.
	for e, err := range s.Headlines(ctx, Filter{Tags: []string{"rare"}}) {
		if err != nil || e.Title != fmt.Sprintf("entry %d", n-1-(n-1)%100) || len(e.Answers) != 0 || e.Followup != nil || len(e.Tags) != 2 {
			t.Fatalf("headline %+v, %v", e, err)
		}
		break
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// Each page of entries comes with its own answers, tags, skills and
// follow-ups, whether its entries' ids are close together (most of a journal
// read in order of days, with a few entries of other pages among them) or
// far apart (entries written long after their day).
func TestEntriesComeWholeWhateverTheirIDs(t *testing.T) {
	s := openTemp(t)
	entries := gen.Entries(3*pageSize, 3, "2026-11-27")
	// The last third's days are scattered among the others'.
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 2 * pageSize; i < len(entries); i++ {
		j := rng.IntN(i + 1)
		entries[i].OccurredOn, entries[j].OccurredOn = entries[j].OccurredOn, entries[i].OccurredOn
	}
	if _, _, err := s.Import(ctx, journal.Each(entries)); err != nil {
		t.Fatal(err)
	}
	byUID := map[string]journal.Entry{}
	for _, e := range entries {
		byUID[e.UID] = e
	}
	n := 0
	for got, err := range s.Entries(ctx, Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		want := byUID[got.UID]
		if !reflect.DeepEqual(got.Answers, want.Answers) || !slices.Equal(got.Tags, want.Tags) ||
			!slices.Equal(got.Skills, want.Skills) || (got.Followup == nil) != (want.Followup == nil) ||
			got.Followup != nil && got.Followup.Commitment != want.Followup.Commitment {
			t.Fatalf("entry %d came as %+v; want %+v", got.ID, got, want)
		}
	}
	if n != len(entries) {
		t.Fatalf("%d entries were yielded; want %d", n, len(entries))
	}
}

// The entries of a page share one allocation for their answers, but each
// entry's answers are its own to add to.
func TestAnEntrysAnswersAreItsOwn(t *testing.T) {
	s := openTemp(t)
	if _, _, err := s.Import(ctx, journal.Each(gen.Entries(5, 5, "2026-11-27"))); err != nil {
		t.Fatal(err)
	}
	entries, err := s.List(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	extra := journal.Answer{Key: "extra", Text: "added"}
	want := make([][]journal.Answer, len(entries))
	for i, e := range entries {
		want[i] = append(slices.Clone(e.Answers), extra)
	}
	for i := range entries {
		entries[i].Answers = append(entries[i].Answers, extra)
	}
	for i, e := range entries {
		if len(e.Answers) < 2 || !slices.Equal(e.Answers, want[i]) {
			t.Fatalf("entry %d's answers came to %+v; want %+v", i, e.Answers, want[i])
		}
	}
}

// Writings are the entries Entries yields, in the same order, with only
// what was written in them and when.
func TestWritingsAreWhatWasWrittenInTheEntries(t *testing.T) {
	s := openTemp(t)
	if _, _, err := s.Import(ctx, journal.Each(gen.Entries(2*pageSize+3, 4, "2026-11-27"))); err != nil {
		t.Fatal(err)
	}
	var want []journal.Entry
	for e, err := range s.Entries(ctx, Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		for i := range e.Answers {
			e.Answers[i].Question = ""
		}
		w := journal.Entry{ID: e.ID, UID: e.UID, OccurredOn: e.OccurredOn, Title: e.Title, Lesson: e.Lesson,
			Answers: e.Answers, Tags: e.Tags, Skills: e.Skills}
		if e.Followup != nil {
			w.Followup = &journal.Followup{Commitment: e.Followup.Commitment}
		}
		want = append(want, w)
	}
	var got []journal.Entry
	for e, err := range s.Writings(ctx, Filter{}) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, e)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("the writings of %d entries differ from their entries", len(want))
	}
}

func TestImportStopsAtBadInputAndIndexesWhatItAdds(t *testing.T) {
	s := openTemp(t)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	entry := func(uid string) journal.Entry {
		return journal.Entry{UID: uid, Title: "Imported " + uid, OccurredOn: "2026-01-02", PromptSet: "four-questions",
			CreatedAt: base, UpdatedAt: base, Lesson: "Breathe first.", Answers: []journal.Answer{
				{Key: "cause", Question: "q1", Text: "The projector failed."}, {Key: "patterns", Question: "q2", Text: "No backup plan."}}}
	}
	bad := errors.New("entry 2: title is empty")
	_, _, err := s.Import(ctx, func(yield func(journal.Entry, error) bool) {
		if yield(entry("a"), nil) {
			yield(journal.Entry{}, bad)
		}
	})
	if !errors.Is(err, bad) {
		t.Fatalf("Import = %v, want the input's error as it is", err)
	}
	if n, _ := s.Count(ctx, Filter{}); n != 0 {
		t.Fatalf("a failed import left %d entries", n)
	}

	created := entry("created")
	seed(t, s, created)
	if added, _, err := s.Import(ctx, journal.Each([]journal.Entry{entry("a"), entry("b")})); err != nil || added != 2 {
		t.Fatalf("Import added %d: %v", added, err)
	}
	if hits, err := s.Search(ctx, `"backup plan"`, 10); err != nil || len(hits) != 3 {
		t.Fatalf("Search after import = %+v, %v", hits, err)
	}
	// An imported entry is indexed exactly as one saved on its own.
	if _, err := s.db.ExecContext(ctx, "CREATE VIRTUAL TABLE temp.indexed USING fts5vocab(main, entries_fts, instance)"); err != nil {
		t.Fatal(err)
	}
	var distinct int
	if err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT words) FROM (
		SELECT group_concat(col || ' ' || offset || ' ' || term, ',' ORDER BY col, offset) AS words
		FROM temp.indexed WHERE col IN ('answers', 'lesson') GROUP BY doc)`).Scan(&distinct); err != nil || distinct != 1 {
		t.Fatalf("the index holds %d versions of the same text (%v)", distinct, err)
	}
}

func TestSearchRanksTheLatestMatchesOfACommonWord(t *testing.T) {
	s := openTemp(t)
	entries := make([]journal.Entry, rankedAtMost+100)
	for i := range entries {
		text := "tired again"
		if i == 10 {
			text = "tired tired tired, so tired" // the best match, but among the oldest
		}
		entries[i] = journal.Entry{Title: fmt.Sprint("day ", i), OccurredOn: "2026-01-01",
			Answers: []journal.Answer{{Key: "cause", Question: "q", Text: text}}}
	}
	seed(t, s, entries...)
	hits, err := s.Search(ctx, "tired", 20)
	if err != nil || len(hits) != 20 {
		t.Fatalf("Search = %d hits, %v", len(hits), err)
	}
	for _, h := range hits {
		if h.ID <= 100 {
			t.Fatalf("entry %d is older than the %d latest matches", h.ID, rankedAtMost)
		}
	}
	all, err := s.Search(ctx, "tired", 0)
	if err != nil || len(all) != len(entries) || all[0].ID != 11 {
		t.Fatalf("an unlimited search ranks every match, best first: %d hits, first %+v", len(all), all[0])
	}
}
