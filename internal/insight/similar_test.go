package insight

import (
	"slices"
	"testing"

	"github.com/failup/failup/internal/journal"
)

func TestSimilarFindsThePastEntriesLikeANewOne(t *testing.T) {
	entries := readFixture(t, "noor.json")
	lab := readLabels(t, "noor.labels.json")
	marcus := setOf(lab.Themes["marcus"])
	target := journal.Entry{
		Title: "Design review went sideways",
		Answers: []journal.Answer{
			{Key: journal.KeyCause, Text: "Marcus rejected my proposal in the review and I said nothing."},
			{Key: journal.KeyPatterns, Text: "I go quiet when Marcus pushes."},
		},
	}
	matches := builtinLexicon(t).Similar(target, entries, 3)
	if len(matches) != 3 {
		t.Fatalf("got %d matches; want 3", len(matches))
	}
	for i, m := range matches {
		if !marcus[m.UID] {
			t.Errorf("match %d is %q, not one of the entries about Marcus", i, m.Title)
		}
		if i > 0 && m.Score > matches[i-1].Score {
			t.Errorf("matches are not best first: %v", matches)
		}
		if !slices.Contains(m.Words, "Marcus") {
			t.Errorf("match %q shares %v; want Marcus named, with his capital", m.Title, m.Words)
		}
	}
}

func TestSimilarSkipsTheTargetItself(t *testing.T) {
	entries := readFixture(t, "bea.json")
	for _, target := range []journal.Entry{entries[5], {ID: entries[5].ID, Title: entries[5].Title, Answers: entries[5].Answers}} {
		for _, m := range (Lexicon{}).Similar(target, entries, 5) {
			if m.ID == target.ID {
				t.Errorf("Similar returned the target (id %d) itself", m.ID)
			}
		}
	}
}

func TestSimilarWithLexiconLinksDifferentWords(t *testing.T) {
	past := []journal.Entry{
		{ID: 1, Title: "Calendar chaos", Answers: []journal.Answer{{Key: journal.KeyCause, Text: "I was triple-booked on Tuesday."}}},
		{ID: 2, Title: "Garden", Answers: []journal.Answer{{Key: journal.KeyCause, Text: "The tomatoes got blight on Tuesday."}}},
		{ID: 3, Title: "Dinner", Answers: []journal.Answer{{Key: journal.KeyCause, Text: "The oven broke before the guests came."}}},
	}
	target := journal.Entry{Title: "Again", Answers: []journal.Answer{{Key: journal.KeyCause, Text: "I said yes to too much."}}}
	if got := (Lexicon{}).Similar(target, past, 3); len(got) != 0 {
		t.Errorf("without a lexicon, words in common are needed; got %v", got)
	}
	got := builtinLexicon(t).Similar(target, past, 1)
	if len(got) != 1 || got[0].ID != 1 || !slices.Contains(got[0].Patterns, "saying yes to too much") {
		t.Errorf("with the lexicon got %+v; want entry 1, sharing the pattern", got)
	}
}

func TestSimilarWithNothingToCompare(t *testing.T) {
	target := journal.Entry{ID: 1, Title: "x"}
	for _, past := range [][]journal.Entry{nil, {target}} {
		if got := (Lexicon{}).Similar(target, past, 3); got == nil || len(got) != 0 {
			t.Errorf("Similar(%d past) = %#v; want an empty list", len(past), got)
		}
	}
}

// A pattern both entries show is named however many everyday words, days
// and titles they also share: those are left out before the words are cut
// to the few worth naming, not after.
func TestSimilarNamesThePatternAmidCommonWords(t *testing.T) {
	filler := "Mr Jones's, Monday and Tuesday and Wednesday, Thursday and Friday, in the morning, in March, by the door with the phone at dinner: "
	past := []journal.Entry{{ID: 1, Title: "Calendar chaos", Answers: []journal.Answer{{Key: journal.KeyCause, Text: filler + "I was triple-booked."}}}}
	target := journal.Entry{Title: "Again", Answers: []journal.Answer{{Key: journal.KeyCause, Text: filler + "I said yes to too much."}}}
	got := builtinLexicon(t).Similar(target, past, 1)
	if len(got) != 1 || !slices.Contains(got[0].Patterns, "saying yes to too much") {
		t.Fatalf("got %+v; want entry 1, sharing the pattern", got)
	}
	if !slices.Equal(got[0].Words, []string{"Jones"}) {
		t.Errorf("words %q; want only Jones, as written, without his possessive: no title, day, month, time of day nor everyday word", got[0].Words)
	}
}

// Who someone is is a reason two setbacks are alike: "the nurse" is not a
// title before a name.
func TestSimilarNamesTheNurse(t *testing.T) {
	past := []journal.Entry{{ID: 1, Title: "Wedding", Answers: []journal.Answer{{Key: journal.KeyCause, Text: "My sister and the nurse argued over the seating plan."}}}}
	target := journal.Entry{Title: "Again", Answers: []journal.Answer{{Key: journal.KeyCause, Text: "The nurse took my sister's side about the seating plan."}}}
	got := (Lexicon{}).Similar(target, past, 1)
	if len(got) != 1 || !slices.Contains(got[0].Words, "nurse") {
		t.Errorf("got %+v; want the nurse among the words both share", got)
	}
}
