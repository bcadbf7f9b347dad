package app_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
)

// What two entries share is said truly: the words both contain, never a
// title of address nor an everyday word, and a pattern both show as a
// pattern, not as words the new entry never wrote.
func TestSimilarSaysWhatBothEntriesTrulyShare(t *testing.T) {
	c, write := coreWithCauses(t)
	write("Wrong colour label", "2026-10-01",
		"Rushed the colour label for Mr Shah and left it by the door.")
	write("Burnt the bread", "2026-10-02", "Forgot the oven while the kettle boiled.")
	e := write("Label in the wrong colour again", "2026-11-01",
		"I cut corners: a colour label for Mr Patel by the door.")
	alike, err := c.Similar(ctx, e, 3)
	if err != nil || len(alike) != 1 {
		t.Fatalf("Similar = %+v, %v; want the earlier label", alike, err)
	}
	a := alike[0]
	for _, want := range []string{"colour", "label"} {
		if !slices.Contains(a.Words, want) {
			t.Errorf("words %q leave out %q", a.Words, want)
		}
	}
	for _, w := range a.Words {
		if w == "mr" || w == "door" || strings.Contains(w, " ") {
			t.Errorf("words %q say both mention %q", a.Words, w)
		}
	}
	if !slices.Equal(a.Patterns, []string{"not getting my things ready beforehand", "rushing to get it done"}) {
		t.Errorf("patterns %q, want the two both show", a.Patterns)
	}
}

// The day or the month two setbacks fell on is no reason they are alike:
// "both mention bags, monday, forgot, saturday" names the bags, not the days.
func TestSimilarLeavesOutDaysAndMonths(t *testing.T) {
	c, write := coreWithCauses(t)
	write("Forgot the gym bags", "2026-10-03",
		"On Saturday in October I forgot the gym bags, as on Mondays, and the Tuesday swim kit.")
	e := write("Gym bags forgotten again", "2026-11-02",
		"Monday, and on Saturday in October before it, I forgot the gym bags and the Tuesdays swim kit.")
	alike, err := c.Similar(ctx, e, 3)
	if err != nil || len(alike) != 1 {
		t.Fatalf("Similar = %+v, %v; want the earlier bags", alike, err)
	}
	words := alike[0].Words
	if !slices.Contains(words, "bags") {
		t.Errorf("words %q leave out %q", words, "bags")
	}
	for _, w := range words {
		if calendarWord(w) {
			t.Errorf("words %q say both mention %q", words, w)
		}
	}
}

func calendarWord(w string) bool {
	for _, name := range []string{"monday", "tuesday", "saturday", "october"} {
		if strings.HasPrefix(w, name) {
			return true
		}
	}
	return false
}

// coreWithCauses is a journal and a way to write an entry to it with only
// a title, a day and a cause.
func coreWithCauses(t *testing.T) (*app.Core, func(title, on, cause string) journal.Entry) {
	c, _ := newCore(t)
	return c, func(title, on, cause string) journal.Entry {
		e := journal.Entry{Title: title, OccurredOn: journal.Date(on), PromptSet: journal.DefaultPromptSet,
			Answers: []journal.Answer{{Key: journal.KeyCause, Text: cause}}}
		if err := c.Create(ctx, &e); err != nil {
			t.Fatal(err)
		}
		return e
	}
}
