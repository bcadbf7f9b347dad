package store

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/searchquery"
)

// searchJournal is a small journal whose entries say the same things in
// different word forms.
func searchJournal(t *testing.T) *Store {
	t.Helper()
	s := openTemp(t)
	answer := func(text string) []journal.Answer { return []journal.Answer{{Key: "cause", Question: "q", Text: text}} }
	seed(t, s,
		journal.Entry{Title: "Rough night before the demo", OccurredOn: "2026-03-01", Answers: answer("I slept badly and rushed the slides."),
			Tags: []string{"work"}, Skills: []journal.Skill{"resilience"}},
		journal.Entry{Title: "Review went sideways", OccurredOn: "2026-04-01", Answers: answer("Priya's comments made me defensive."),
			Lesson: "Defensiveness costs me the feedback.", Tags: []string{"work", "feedback"}},
		journal.Entry{Title: "Skipped the gym", OccurredOn: "2026-05-01", Answers: answer("Sleeping in again."),
			Followup: &journal.Followup{Commitment: "Set two alarms", DueOn: "2026-05-08"}, Tags: []string{"health"}},
		journal.Entry{Title: "Missed the train", OccurredOn: "2026-06-01", Answers: answer("The deadline moved and I did not defend the plan."),
			Skills: []journal.Skill{"communication"}},
	)
	return s
}

// find searches as the search screen does: the last word, unless a space
// follows it, may begin longer ones.
func find(t *testing.T, s *Store, query string) []string {
	t.Helper()
	r, err := s.Find(ctx, Request{Query: searchquery.ParseTyped(query), Today: "2026-06-15", Pattern: func(name string) ([]int64, error) {
		if name == "sleep" {
			return []int64{1, 3}, nil
		}
		return nil, fmt.Errorf("no pattern %s", name)
	}})
	if err != nil {
		t.Fatalf("Find(%q): %v", query, err)
	}
	var got []string
	for _, h := range r.Hits {
		got = append(got, h.Title)
	}
	return got
}

func expect(t *testing.T, s *Store, query string, want ...string) {
	t.Helper()
	got := find(t, s, query)
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("search %q found %q, want %q", query, got, want)
	}
}

const (
	night  = "Rough night before the demo"
	review = "Review went sideways"
	gym    = "Skipped the gym"
	train  = "Missed the train"
)

func TestSearchFindsWordForms(t *testing.T) {
	s := searchJournal(t)
	expect(t, s, "sleep ", night, gym) // slept, sleeping
	expect(t, s, "sleeps ", night, gym)
	expect(t, s, "defend ", review, train) // defensive, defensiveness, defend
	expect(t, s, "defensiveness ", review, train)
	expect(t, s, "Priya ", review) // Priya's
	expect(t, s, "priya's ", review)
	expect(t, s, `"slept badly"`, night)
	expect(t, s, `"badly slept"`)
}

func TestSearchReadsTheLastWordAsItIsTyped(t *testing.T) {
	s := searchJournal(t)
	typing := "defensiveness"
	for n := 3; n <= len(typing); n++ {
		if got := find(t, s, typing[:n]); len(got) == 0 {
			t.Errorf("typing %q found nothing", typing[:n])
		}
	}
	expect(t, s, "Pri", review)
	expect(t, s, "sleepi", night, gym)
	expect(t, s, "Pri ") // a finished word is whole
	expect(t, s, "pri gym")
}

// A query written whole, as on the command line, reads its words whole, in
// any of their forms; word* is the start of longer ones. As typed, the last
// word begins only words that begin with what was typed.
func TestSearchReadsAWrittenQueryWhole(t *testing.T) {
	s := openTemp(t)
	seed(t, s,
		journal.Entry{Title: "Skipped breakfast", OccurredOn: "2026-01-01"},
		journal.Entry{Title: "Took no break", OccurredOn: "2026-01-02"},
		journal.Entry{Title: "The printer broke", OccurredOn: "2026-01-03"},
	)
	for q, want := range map[string][]string{
		"breaks":   {"The printer broke", "Took no break"},
		"break":    {"The printer broke", "Took no break"},
		"break*":   {"Skipped breakfast", "The printer broke", "Took no break"},
		"breakfa":  nil,
		"breakfa*": {"Skipped breakfast"},
	} {
		got := titlesOf(t, s, q, 0)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("search %q found %q, want %q", q, got, want)
		}
	}
	expect(t, s, "breaks", "Took no break", "The printer broke")
	expect(t, s, "break", "Skipped breakfast", "Took no break", "The printer broke")
}

func TestSearchCoversEveryField(t *testing.T) {
	s := searchJournal(t)
	expect(t, s, "work", night, review) // tags
	expect(t, s, "resilience", night)   // skills
	expect(t, s, "alarms", gym)         // the commitment
	expect(t, s, "feedback", review)    // the lesson and a tag
	if err := s.RecordCheckIn(ctx, 3, CheckIn{TriedAgain: true, Outcome: "Woke up on the second alarm"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	expect(t, s, "woke", gym) // the outcome, written at check-in
}

func TestSearchRanksTitleAndLessonFirstThenRecent(t *testing.T) {
	s := openTemp(t)
	answer := func(text string) []journal.Answer { return []journal.Answer{{Key: "cause", Question: "q", Text: text}} }
	seed(t, s,
		journal.Entry{Title: "Old", OccurredOn: "2025-01-01", Answers: answer("A long answer that mentions the budget somewhere deep inside it.")},
		journal.Entry{Title: "Budget overrun", OccurredOn: "2024-01-01"},
		journal.Entry{Title: "Newer", OccurredOn: "2026-01-01", Answers: answer("A long answer that mentions the budget somewhere deep inside it.")},
		journal.Entry{Title: "Lesson", OccurredOn: "2023-01-01", Lesson: "Check the budget weekly."},
	)
	got := find(t, s, "budget")
	want := []string{"Budget overrun", "Lesson", "Newer", "Old"}
	if !slices.Equal(got, want) {
		t.Errorf("ranked %q, want %q", got, want)
	}
}

func TestSearchOperators(t *testing.T) {
	s := searchJournal(t)
	expect(t, s, "demo OR gym", night, gym)
	expect(t, s, "sleep -badly ", gym)
	expect(t, s, `sleep -"slept badly" `, gym)
	expect(t, s, "-sleep", review, train)
	expect(t, s, "tag:work", night, review)
	expect(t, s, "tag:WORK -priya", night)
	expect(t, s, "skill:resilience", night)
	expect(t, s, "skill:comm defend", train)
	expect(t, s, "after:2026-04-01", review, gym, train)
	expect(t, s, "before:2026-04-01", night)
	expect(t, s, `after:"30 days ago"`, train) // from 2026-06-15
	expect(t, s, "after:2026-03-15 before:2026-05-15 sleep", gym)
	expect(t, s, "pattern:sleep", night, gym)
	expect(t, s, "pattern:sleep tag:health", gym)

	for _, q := range []string{"after:someday", "skill:cooking", "pattern:nothing"} {
		_, err := s.Find(ctx, Request{Query: searchquery.Parse(q), Pattern: func(string) ([]int64, error) { return nil, &QueryError{Msg: "no such pattern"} }})
		if err == nil || strings.Contains(err.Error(), "SQL") {
			t.Errorf("Find(%q) = %v, want one sentence", q, err)
		}
	}
}

func TestSearchSnippetsMarkEveryForm(t *testing.T) {
	s := searchJournal(t)
	r, err := s.Find(ctx, Request{Query: searchquery.Parse("sleep defend")})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) != 0 {
		t.Fatalf("no entry has both: %+v", r.Hits)
	}
	r, err = s.Find(ctx, Request{Query: searchquery.Parse("sleep")})
	if err != nil || len(r.Hits) != 2 {
		t.Fatalf("Find = %+v, %v", r, err)
	}
	for _, h := range r.Hits {
		if !strings.Contains(h.Snippet, MatchStart+"slept"+MatchEnd) && !strings.Contains(h.Snippet, MatchStart+"Sleeping"+MatchEnd) {
			t.Errorf("snippet %q does not mark the word as written", h.Snippet)
		}
	}
	r, _ = s.Find(ctx, Request{Query: searchquery.Parse("priya")})
	if len(r.Hits) != 1 || !strings.Contains(r.Hits[0].Snippet, MatchStart+"Priya's"+MatchEnd) {
		t.Errorf("snippet = %+v", r.Hits)
	}
}

// The title is shown beside the snippet, so the snippet is never the
// title again: it shows the word where the rest of the entry has it, or,
// when only the title has it, how the entry goes on.
func TestSearchSnippetIsNotTheTitle(t *testing.T) {
	s := openTemp(t)
	answer := func(text string) []journal.Answer { return []journal.Answer{{Key: "cause", Question: "q", Text: text}} }
	seed(t, s,
		journal.Entry{Title: "Lowe's sign went up on Military", OccurredOn: "2026-01-01",
			Answers: answer("Drove past and there it is, big blue sign."), Lesson: "Worrying at night changes nothing."},
		journal.Entry{Title: "Trust the process", OccurredOn: "2026-01-02", Lesson: "Trust the process!", Answers: answer("I panicked at the first bad week.")},
	)
	for q, want := range map[string]string{
		"lowe sign": "Drove past and there it is, big blue " + MatchStart + "sign" + MatchEnd + ".",
		"military":  "Worrying at night changes nothing.",
		"trust":     "I panicked at the first bad week.",
	} {
		r, err := s.Find(ctx, Request{Query: searchquery.Parse(q)})
		if err != nil || len(r.Hits) != 1 {
			t.Fatalf("search %q: %+v, %v", q, r.Hits, err)
		}
		if r.Hits[0].Snippet != want {
			t.Errorf("search %q: snippet %q, want %q", q, r.Hits[0].Snippet, want)
		}
	}
	matched := &forms{exact: map[string]bool{"titl": true, "title": true}}
	if got := snippet(matched, "Title only", "", "", ""); got != "" {
		t.Errorf("an entry with only a title: snippet %q, want none", got)
	}
}

// A snippet keeps the quotation marks written at the start of a text and
// onto the words at its ends, with the words it shows.
func TestSearchSnippetsKeepQuotationMarks(t *testing.T) {
	s := openTemp(t)
	seed(t, s,
		journal.Entry{Title: "Sundowning", OccurredOn: "2026-01-01", Lesson: "'Just sundowning' isnt a call I get to make on my own."},
		journal.Entry{Title: "Long", OccurredOn: "2026-01-02",
			Lesson: "One two three four five six seven eight \u201cJust a big wobble\u201d she said, and I believed it then, I was (sure) of it."},
	)
	for q, want := range map[string]string{
		"sundowning": "'Just " + MatchStart + "sundowning" + MatchEnd + "' isnt a call I get to make on my own.",
		"wobble":     "…\u201cJust a big " + MatchStart + "wobble" + MatchEnd + "\u201d she said, and I believed it then, I was (sure)…",
	} {
		r, err := s.Find(ctx, Request{Query: searchquery.Parse(q + " ")})
		if err != nil || len(r.Hits) != 1 {
			t.Fatalf("search %q: %+v, %v", q, r.Hits, err)
		}
		if r.Hits[0].Snippet != want {
			t.Errorf("search %q: snippet %q, want %q", q, r.Hits[0].Snippet, want)
		}
	}
}

func TestSearchSuggestsWordsOfTheJournal(t *testing.T) {
	s := searchJournal(t)
	for q, want := range map[string]string{
		"pryia":            "priya",
		"deadlnie ":        "deadline",
		"defensive sleept": "", // the words do not meet in one entry
		"qqqqqq":           "",
		"rpiya":            "",               // three changes from priya: too far
		"grmy":             "",               // two from gym: too far for a short word
		"pruxa":            "",               // two changes in five letters: too far
		"tag:work slep ":   "slept tag:work", // as the journal writes it closest to what was typed
		"rushd":            "rushed",         // its form runs past rush, but rushed is one change away
		"gymm":             "gym",
		"demons":           "", // demo only begins it
		"planets":          "",
		"trainees ":        "",
		"worker ":          "",
		"pliant":           "", // two changes from plan: too far for a word of four letters
	} {
		r, err := s.Find(ctx, Request{Query: searchquery.Parse(q)})
		if err != nil || len(r.Hits) != 0 || r.Suggestion != want {
			t.Errorf("search %q: %d hits, suggestion %q (%v), want %q", q, len(r.Hits), r.Suggestion, err, want)
		}
	}
}

// When a search of several words finds nothing and no correction of them
// all would, it says which words no entry has, each with the word of the
// journal it is likely a slip for.
func TestSearchSaysWhichWordsNoEntryHas(t *testing.T) {
	s := openTemp(t)
	answer := func(text string) []journal.Answer { return []journal.Answer{{Key: "cause", Question: "q", Text: text}} }
	seed(t, s,
		journal.Entry{Title: "Ran out of pills", OccurredOn: "2026-01-01", Answers: answer("The prescription ran out on Sunday.")},
		journal.Entry{Title: "Forgot again", OccurredOn: "2026-01-02", Answers: answer("Did not refill the water jug either."), Tags: []string{"home"}},
	)
	for q, want := range map[string][]Unmatched{
		"presription refill":        {{Text: "presription", Suggestion: "prescription"}},
		"qqqqqq presription refill": {{Text: "qqqqqq"}, {Text: "presription", Suggestion: "prescription"}},
		"qqqqqq OR zzzzzz refill":   {{Text: "qqqqqq"}, {Text: "zzzzzz"}},
		"qqqqqq OR sunday refill":   nil, // each has entries; not one entry both
		`"refill the jug" sunday`:   {{Text: "refill the jug"}},
		"jugg* qqqqqq":              {{Text: "jugg*", Suggestion: "jug*"}, {Text: "qqqqqq"}},
		"presription tag:home":      {{Text: "presription", Suggestion: "prescription"}},
		"prescription refill":       nil, // both are in the journal, not in one entry
		"qqqqqq":                    nil, // one word: Widen says enough
	} {
		r, err := s.Find(ctx, Request{Query: searchquery.Parse(q)})
		if err != nil || len(r.Hits) != 0 || r.Suggestion != "" || !slices.Equal(r.Unmatched, want) {
			t.Errorf("search %q: %d hits, suggestion %q, unmatched %+v (%v); want unmatched %+v", q, len(r.Hits), r.Suggestion, r.Unmatched, err, want)
		}
	}
	// Only when nothing else is said: a query its corrections find is
	// suggested whole, and a query being typed may have a word not finished.
	r, err := s.Find(ctx, Request{Query: searchquery.Parse("presription ran")})
	if err != nil || r.Suggestion != "prescription ran" || r.Unmatched != nil {
		t.Errorf("presription ran: suggestion %q, unmatched %+v (%v)", r.Suggestion, r.Unmatched, err)
	}
	r, err = s.Find(ctx, Request{Query: searchquery.ParseTyped("qqqqqq refi"), Typing: true})
	if err != nil || r.Unmatched != nil {
		t.Errorf("qqqqqq refi, being typed: unmatched %+v (%v)", r.Unmatched, err)
	}
}

// A word is suggested as the journal writes it, capital and all, where a
// capital says something: not at the start of a sentence, nor in a tag.
func TestSearchSuggestsWordsAsWritten(t *testing.T) {
	s := openTemp(t)
	answer := func(text string) []journal.Answer { return []journal.Answer{{Key: "cause", Question: "q", Text: text}} }
	seed(t, s,
		journal.Entry{Title: "Short at the register", OccurredOn: "2026-01-01", Answers: answer("I asked Hector to count it again."), Tags: []string{"hector"}},
		journal.Entry{Title: "Keys", OccurredOn: "2026-01-02", Answers: answer("Gave the keys to Hector, then took them back."), Tags: []string{"hector"}},
		journal.Entry{Title: "Hector was right", OccurredOn: "2026-01-03", Answers: answer("Cricket on the radio all afternoon."), Tags: []string{"hector"}},
		journal.Entry{Title: "Lost The Cricket Match", OccurredOn: "2026-01-04", Answers: answer("We lost by three runs.")},
		journal.Entry{Title: "Late again", OccurredOn: "2026-01-05", Answers: answer("I told Fátima and Zoë's sister I was sorry.")},
	)
	for q, want := range map[string]string{
		"hecter":  "Hector",
		"Hecter":  "Hector",
		"crickit": "cricket", // its capital only starts a sentence, or a title in Title Case
		"fatma":   "Fátima",  // accents and all
		"zeo":     "Zoë",
	} {
		r, err := s.Find(ctx, Request{Query: searchquery.Parse(q)})
		if err != nil || r.Suggestion != want {
			t.Errorf("search %q: suggestion %q (%v), want %q", q, r.Suggestion, err, want)
		}
	}
}

// A suggestion is a word the person likely meant: a slip of the fingers
// from a word of their journal, as they write it, and never another word
// that only looks like the one typed.
func TestSearchSuggestsOnlyLikelyTypos(t *testing.T) {
	s := openTemp(t)
	answer := func(text string) []journal.Answer { return []journal.Answer{{Key: "cause", Question: "q", Text: text}} }
	seed(t, s,
		journal.Entry{Title: "Same mistake again", OccurredOn: "2026-01-01", Answers: answer("The score was lovely, better than since the single order.")},
		journal.Entry{Title: "Ordered too much", OccurredOn: "2026-01-02", Answers: answer("I ordered it the same way; the line was long.")},
		journal.Entry{Title: "Orders", OccurredOn: "2026-01-03", Answers: answer("Another order.")},
		journal.Entry{Title: "Shook", OccurredOn: "2026-01-04", Answers: answer("My hands would shake; the debit card was declined.")},
		journal.Entry{Title: "Cricket", OccurredOn: "2026-01-05", Answers: answer("Three wickets down before the doctor rang about the prescription.")},
	)
	for q, want := range map[string]string{
		// Words of their own, not typos of the journal's words.
		"shame":  "", // same: an h is no slip beside s or a; shake: see debt
		"scared": "", // score: a and o are far apart
		"bitter": "", // better
		"lonely": "", // lovely; line ("lone" and "line" are a key apart, the words are not)
		"fight":  "",
		// A word of everyday English is meant as written, however near a
		// word of the journal: shake (m is a key from k), debit.
		"debt": "",
		// Typos: swapped, missing, doubled, a key next to the right one.
		"smae":    "same",
		"socre":   "score",
		"sinle":   "single",
		"bettter": "better",
		"lovrly":  "lovely",
		"ordred":  "ordered", // as written nearest what was typed, not "order"
		// Slips of spelling: a vowel for another, a letter left out that
		// changes how the word is read ("presript", "prescrib").
		"crickit":     "cricket",
		"docter":      "doctor",
		"wickits":     "wickets",
		"presription": "prescription",
	} {
		r, err := s.Find(ctx, Request{Query: searchquery.Parse(q)})
		if err != nil || len(r.Hits) != 0 || r.Suggestion != want {
			t.Errorf("search %q: %d hits, suggestion %q (%v), want %q", q, len(r.Hits), r.Suggestion, err, want)
		}
	}
}

func TestTypoCost(t *testing.T) {
	for _, c := range []struct {
		typed, meant string
		want         int
	}{
		{"teh", "the", 1},     // swapped
		{"sleeo", "sleep", 1}, // o is next to p
		{"rushd", "rushed", 1},
		{"gymm", "gym", 1},     // doubled
		{"sleepo", "sleep", 1}, // o struck with p
		{"shame", "same", 2},   // h is nowhere near s or a
		{"scare", "score", 1},  // a vowel for a vowel: "scare" is everyday English, so never taken for a typo
		{"crickit", "cricket", 1},
		{"docter", "doctor", 1},
		{"bit", "bat", 2}, // in a short word a vowel for another is as often another word
		{"same", "same", 0},
		{"abcdefghijk", "abc", 4},
	} {
		if got := typoCost(c.typed, c.meant); got != c.want {
			t.Errorf("typoCost(%q, %q) = %d, want %d", c.typed, c.meant, got, c.want)
		}
	}
}

// FuzzSearchNeverFails runs whatever is typed against a real journal:
// nothing typed is an error from the search engine.
func FuzzSearchNeverFails(f *testing.F) {
	for _, q := range []string{`"`, `*`, `:`, `-`, `(`, `NEAR`, `NEAR(a b)`, `a OR b`, `title:x`, `^x`, `a AND`, `"""`, "\x00",
		`{x}`, `+`, `-"`, `OR`, `sleep OR`, `- OR -`, `tag:"`, `"a" "b`, `x*`, `'s`, `n't`, "a\u0301", `sleep -sleep`, `Pri`} {
		f.Add(q)
	}
	path := f.TempDir() + "/journal.db"
	s, err := Open(path)
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	now := time.Now()
	e := journal.Entry{UID: "u", Title: "Slept badly", OccurredOn: "2026-01-01", PromptSet: journal.DefaultPromptSet,
		CreatedAt: now, UpdatedAt: now, Tags: []string{"x"}}
	if err := s.Create(ctx, &e); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		parsed := searchquery.Parse(q)
		parsed.Before, parsed.After, parsed.Patterns, parsed.Skills = "", "", nil, nil // those refuse bad values on purpose
		if _, err := s.Find(ctx, Request{Query: parsed, Limit: 5}); err != nil {
			t.Errorf("Find(%q) = %v", q, err)
		}
	})
}

// TestSearchIndexUpgradesInPlace opens a journal whose index is the one
// before word forms: the index is rebuilt from the entries.
func TestSearchIndexUpgradesInPlace(t *testing.T) {
	path, db := rawJournal(t)
	for _, name := range []string{"0001_init", "0002_large_journals", "0003_cache_and_ids"} {
		body, err := migrationFiles.ReadFile("migrations/" + name + ".sql")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, string(body)); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO entries (id, uid, created_at, updated_at, occurred_on, title, prompt_set, lesson)
			VALUES (1, 'u1', '2026-01-01T00:00:00.000000000Z', '2026-01-01T00:00:00.000000000Z', '2026-01-01', 'Slept badly', 'four-questions', 'Go to bed.'),
			(2, 'u2', '2026-01-02T00:00:00.000000000Z', '2026-01-02T00:00:00.000000000Z', '2026-01-02', 'Froze', 'four-questions', '')`,
		`INSERT INTO answers VALUES (2, 0, 'cause', 'q', 'Priya''s question threw me.')`,
		`INSERT INTO tags VALUES (2, 0, 'work')`,
		`INSERT INTO entries_fts (rowid, title, answers, lesson) SELECT id, title, '', lesson FROM entries`,
		fmt.Sprintf("PRAGMA user_version = 3; PRAGMA application_id = %d", applicationID),
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	expect(t, s, "sleeping ", "Slept badly")
	expect(t, s, "priya ", "Froze")
	expect(t, s, "work", "Froze")
	if n, _ := s.Count(ctx, Filter{}); n != 2 {
		t.Errorf("the upgrade left %d entries, want 2", n)
	}
	h, err := s.Check(ctx)
	if err != nil || h.Unindexed != 0 || h.Stale != 0 || len(h.Integrity) != 0 {
		t.Errorf("Check after the upgrade = %+v, %v", h, err)
	}
}

func TestLikeFindsTheSameThingInOtherWordForms(t *testing.T) {
	s := searchJournal(t)
	now := time.Now()
	e := journal.Entry{UID: "new", Title: "Sleepless before the review", OccurredOn: "2026-06-10", PromptSet: journal.DefaultPromptSet,
		CreatedAt: now, UpdatedAt: now, Answers: []journal.Answer{{Key: "cause", Question: "q", Text: "Sleeping badly again; Priya's comments stung and I got defensive."}}}
	if err := s.Create(ctx, &e); err != nil {
		t.Fatal(err)
	}
	like, err := s.Like(ctx, e, 3)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range like {
		got = append(got, l.Title)
	}
	if len(got) == 0 || got[0] != review || slices.Contains(got, e.Title) {
		t.Errorf("Like = %q, want %q first (Priya's, defensive) and not the entry itself", got, review)
	}
	if !slices.Contains(got, night) {
		t.Errorf("Like = %q, want %q too (slept badly)", got, night)
	}
}

// A search that shows a few results ranks the rankedAtMost most recent
// matches, and shows what the whole ranking of them starts with: entries
// that match alike by the most recent first, and none left out at the cut
// because it scores the same as the last one shown.
func TestSearchWithALimitRanksTheMostRecentMatches(t *testing.T) {
	s := openTemp(t)
	answer := func(text string) []journal.Answer { return []journal.Answer{{Key: "cause", Question: "q", Text: text}} }
	var entries []journal.Entry
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	entry := func(title, text string) {
		entries = append(entries, journal.Entry{UID: fmt.Sprintf("uid-%d", len(entries)), Title: title,
			OccurredOn: journal.DateOf(day.AddDate(0, 0, 2000-len(entries))), Answers: answer(text),
			CreatedAt: day, UpdatedAt: day, PromptSet: journal.DefaultPromptSet})
	}
	// Each entry happened before the one written ahead of it, so the most
	// recent matches by day are the earliest written.
	entry("Budget first", "Nothing else.") // the best match, but written first
	for i := range 1300 {
		switch i % 5 {
		case 0, 1:
			entry(fmt.Sprintf("Plain %d", i), "The budget slipped again.")
		case 2, 3:
			entry(fmt.Sprintf("Budget %d", i), "The budget slipped again.")
		default:
			entry(fmt.Sprintf("Other %d", i), "Nothing to do with money.")
		}
	}
	if _, _, err := s.Import(ctx, journal.Each(entries)); err != nil {
		t.Fatal(err)
	}
	search := func(limit int) []Hit {
		r, err := s.Find(ctx, Request{Query: searchquery.Parse("budget"), Limit: limit})
		if err != nil {
			t.Fatal(err)
		}
		return r.Hits
	}
	all := search(0)
	if len(all) <= rankedAtMost || all[0].Title != "Budget first" {
		t.Fatalf("the whole ranking has %d results, starting %q", len(all), all[0].Title)
	}
	ids := make([]int64, len(all))
	for i, h := range all {
		ids[i] = h.ID
	}
	slices.Sort(ids)
	newest := ids[len(ids)-rankedAtMost]
	titles := func(hits []Hit, limit int) []string {
		var got []string
		for _, h := range hits {
			if h.ID >= newest && len(got) < limit {
				got = append(got, h.Title)
			}
		}
		return got
	}
	for _, limit := range []int{1, 5, 20} {
		if got, want := titles(search(limit), limit), titles(all, limit); !slices.Equal(got, want) {
			t.Errorf("limit %d: %q, want %q", limit, got, want)
		}
	}
	// The 40 matches written first after "Budget first" are past the most
	// recent rankedAtMost.
	if got := titles(search(2), 2); !slices.Equal(got, []string{"Budget 52", "Budget 53"}) {
		t.Errorf("equal matches are not newest first: %q", got)
	}
}

// A query searched at each key press gets no suggestion while its last word
// is too short to be read as a beginning: more letters are on their way.
func TestSearchAsTypedSuggestsOnlyForWordsOfThreeLetters(t *testing.T) {
	s := searchJournal(t)
	suggestion := func(query string, typing bool) string {
		t.Helper()
		parse := searchquery.Parse
		if typing {
			parse = searchquery.ParseTyped
		}
		r, err := s.Find(ctx, Request{Query: parse(query), Limit: 5, Typing: typing})
		if err != nil || len(r.Hits) != 0 {
			t.Fatalf("search %q: %d hits, %v", query, len(r.Hits), err)
		}
		return r.Suggestion
	}
	if got := suggestion("gm", false); got == "" {
		t.Fatal(`"gm" gets no suggestion even when it is not being typed`)
	}
	if got := suggestion("gm", true); got != "" {
		t.Errorf(`"gm", being typed, is corrected to %q`, got)
	}
	for _, query := range []string{"gm ", "deadlnie", "pryia"} { // a finished word, and words of three letters or more
		if got, want := suggestion(query, true), suggestion(query, false); got != want || got == "" {
			t.Errorf("%q, being typed, gets the suggestion %q, not %q", query, got, want)
		}
	}
}

// A search by patterns alone shows the newest entries of every pattern
// named, whether they are among the newest of the journal or long before
// them, and with other filters too.
func TestSearchByPatternsShowsTheirNewestEntries(t *testing.T) {
	s := openTemp(t)
	var entries []journal.Entry
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 600 {
		var tags []string
		if i%2 == 0 {
			tags = []string{"work"}
		}
		entries = append(entries, journal.Entry{UID: fmt.Sprintf("uid-%d", i), Title: fmt.Sprintf("Entry %d", i+1),
			OccurredOn: journal.DateOf(day.AddDate(0, 0, i)), Tags: tags, CreatedAt: day, UpdatedAt: day, PromptSet: journal.DefaultPromptSet})
	}
	if _, _, err := s.Import(ctx, journal.Each(entries)); err != nil {
		t.Fatal(err)
	}
	// Ids are given in no order, as a pattern's may be.
	sets := map[string][]int64{}
	for id := int64(600); id >= 1; id-- {
		if id%3 == 0 {
			sets["third"] = append(sets["third"], id) // throughout the journal
		}
		if id <= 200 {
			sets["early"] = append(sets["early"], id) // only the oldest
		}
		if id%7 == 0 {
			sets["seventh"] = append(sets["seventh"], id)
		}
	}
	search := func(query string, limit int) []int64 {
		t.Helper()
		r, err := s.Find(ctx, Request{Query: searchquery.Parse(query), Limit: limit, Pattern: func(name string) ([]int64, error) { return sets[name], nil }})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, h := range r.Hits {
			ids = append(ids, h.ID)
		}
		return ids
	}
	for query, newest := range map[string][]int64{
		"pattern:third":                   {600, 597, 594},
		"pattern:early":                   {200, 199, 198},
		"pattern:third pattern:seventh":   {588, 567, 546},
		"pattern:early tag:work":          {199, 197, 195},
		"pattern:third -entry":            nil,
		"pattern:early after:2020-01-10":  {200, 199, 198},
		"pattern:early before:2020-01-03": {2, 1},
	} {
		all := search(query, 0)
		for _, limit := range []int{1, 3, 40} {
			got := search(query, limit)
			if !slices.Equal(got, all[:min(limit, len(all))]) {
				t.Errorf("%s, limit %d: %v, not the start of %v", query, limit, got, all)
			}
		}
		if got := search(query, 3); !slices.Equal(got, newest) {
			t.Errorf("%s: %v, want %v", query, got, newest)
		}
	}
}

// The words suggestions are chosen from are kept, and follow the journal:
// a word written after a search is suggested by the next.
func TestSearchSuggestsWordsWrittenSince(t *testing.T) {
	s := openTemp(t)
	seed(t, s, journal.Entry{Title: "Skipped the gym", OccurredOn: "2026-02-08"})
	suggestion := func() string {
		t.Helper()
		r, err := s.Find(ctx, Request{Query: searchquery.Parse("gyms pryia"), Limit: 20})
		if err != nil || len(r.Hits) != 0 {
			t.Fatalf("%d hits, %v", len(r.Hits), err)
		}
		return r.Suggestion
	}
	if got := suggestion(); got != "" {
		t.Fatalf("before priya is written: %q", got)
	}
	seed(t, s, journal.Entry{Title: "Priya skipped the gym too", OccurredOn: "2026-02-09"})
	if got := suggestion(); got != "gyms priya" {
		t.Errorf("after priya is written: %q, want %q", got, "gyms priya")
	}
	if _, err := s.db.ExecContext(ctx, "UPDATE cache SET body = x'00ff' WHERE name LIKE 'search-words.%'"); err != nil {
		t.Fatal(err)
	}
	if got := suggestion(); got != "gyms priya" {
		t.Errorf("with the kept words damaged: %q, want %q", got, "gyms priya")
	}
}

// A phrase alone ranks the entries with it in the title or lesson first,
// then the others, each the most recent first, limited or not and with
// filters too.
func TestSearchRanksAPhraseByWhereItIsThenRecent(t *testing.T) {
	s := openTemp(t)
	answer := func(text string) []journal.Answer { return []journal.Answer{{Key: "cause", Question: "q", Text: text}} }
	seed(t, s,
		journal.Entry{Title: "Answer, older", OccurredOn: "2025-01-01", Answers: answer("It was the first sign of trouble."), Tags: []string{"work"}},
		journal.Entry{Title: "The first sign of trouble", OccurredOn: "2024-01-01"},
		journal.Entry{Title: "Answer, newest", OccurredOn: "2026-03-01", Answers: answer("Again the first sign of trouble, and again.")},
		journal.Entry{Title: "Lesson", OccurredOn: "2025-06-01", Lesson: "Act at the first sign of trouble.", Tags: []string{"work"}},
		journal.Entry{Title: "Words apart", OccurredOn: "2026-04-01", Answers: answer("The first trouble, a sign of more.")},
	)
	want := []string{"Lesson", "The first sign of trouble", "Answer, newest", "Answer, older"}
	for _, limit := range []int{0, 3, 20} {
		if got := titlesOf(t, s, `"first sign of trouble"`, limit); !slices.Equal(got, want[:min(len(want), limitOr(limit, len(want)))]) {
			t.Errorf("limit %d: %q, want %q", limit, got, want)
		}
	}
	if got := titlesOf(t, s, `"first sign of trouble" tag:work`, 20); !slices.Equal(got, []string{"Lesson", "Answer, older"}) {
		t.Errorf("with tag:work: %q", got)
	}
}

func limitOr(limit, all int) int {
	if limit <= 0 {
		return all
	}
	return limit
}

func titlesOf(t *testing.T, s *Store, query string, limit int) []string {
	t.Helper()
	r, err := s.Find(ctx, Request{Query: searchquery.Parse(query), Limit: limit})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range r.Hits {
		got = append(got, h.Title)
	}
	return got
}

// A query of thousands of letters is no typo: its spellings with a letter
// put back are not made (a fuzzed query of 5,000 took the search down).
func TestLeftOutOfAHugeWordIsNothing(t *testing.T) {
	if got := len(leftOut(strings.Repeat("k", 5000))); got != 0 {
		t.Errorf("leftOut of a 5,000-letter word made %d forms; want none", got)
	}
	if !leftOut("presription")["prescrib"] {
		t.Error(`leftOut("presription") lacks "prescrib", the form of prescription`)
	}
}

// SayUnmatched names the words no entry has, each with its likely
// did-you-mean, in one sentence.
func TestSayUnmatched(t *testing.T) {
	for _, c := range []struct {
		words []Unmatched
		want  string
	}{
		{[]Unmatched{{Text: "presription", Suggestion: "prescription"}}, `No entry has "presription"; did you mean "prescription"?`},
		{[]Unmatched{{Text: "zzq"}}, `No entry has "zzq".`},
		{[]Unmatched{{Text: "nite", Suggestion: "night"}, {Text: "zzq"}}, `No entry has "nite" (did you mean "night"?) or "zzq".`},
		{[]Unmatched{{Text: "a"}, {Text: "b"}, {Text: "c"}}, `No entry has "a", "b" or "c".`},
	} {
		if got := SayUnmatched(c.words, ""); got != c.want {
			t.Errorf("SayUnmatched(%v) = %q, want %q", c.words, got, c.want)
		}
	}
	// What may find more follows a word offered, which finds nothing either.
	widen := "Fewer words find more."
	if got, want := SayUnmatched([]Unmatched{{Text: "presription", Suggestion: "prescription"}}, widen), `No entry has "presription"; did you mean "prescription"? Fewer words find more.`; got != want {
		t.Errorf("with a word offered, SayUnmatched = %q, want %q", got, want)
	}
	if got, want := SayUnmatched([]Unmatched{{Text: "zzq"}, {Text: "qqz"}}, widen), `No entry has "zzq" or "qqz".`; got != want {
		t.Errorf("with no word offered, SayUnmatched = %q, want %q", got, want)
	}
}
