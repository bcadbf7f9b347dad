package app_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/failup/failup/internal/journal"
)

// What two entries share is said truly: the words both contain, never a
// title of address nor an everyday word, and a pattern both show as a
// pattern, not as words the new entry never wrote.
func TestSimilarSaysWhatBothEntriesTrulyShare(t *testing.T) {
	c, _ := newCore(t)
	write := func(title, on, cause string) journal.Entry {
		e := journal.Entry{Title: title, OccurredOn: journal.Date(on), PromptSet: journal.DefaultPromptSet,
			Answers: []journal.Answer{{Key: journal.KeyCause, Text: cause}}}
		if err := c.Create(ctx, &e); err != nil {
			t.Fatal(err)
		}
		return e
	}
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
	if !slices.Equal(a.Patterns, []string{"not getting my things ready beforehand"}) {
		t.Errorf("patterns %q, want the one both show", a.Patterns)
	}
}
