package tui

import (
	"strings"
	"testing"

	"github.com/failup/failup/internal/app"
)

// Saving one reflection after another replaces the "Saved" screen each
// time: enter leaves at once, naming every entry saved.
func TestSeveralSavesOneScreenAndAFarewellNamingThemAll(t *testing.T) {
	h := newHarness(t, StartNew)
	for i, title := range []string{"First", "Second", "Third"} {
		if i > 0 {
			h.press("n")
		}
		h.expectScreen("What happened?")
		h.typeText(title)
		h.press("tab")
		h.typeText("Because.")
		h.press("ctrl+s", "y")
		h.expectScreen("Saved", title)
	}
	if n := len(h.model.stack); n != 1 {
		t.Fatalf("%d screens stacked after three saves, want 1", n)
	}
	h.press("enter")
	if !h.model.quitting {
		t.Fatalf("enter on the last Saved screen did not leave:\n%s", h.screen())
	}
	if got, want := h.model.Farewell(), "Saved as entries 1, 2 and 3."; got != want {
		t.Fatalf("farewell = %q, want %q", got, want)
	}
}

// Leaving a reflection started after a saved one names both what was saved
// and the draft kept.
func TestFarewellNamesTheSavedEntryAndTheDraft(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Saved one")
	h.press("tab")
	h.typeText("Because.")
	h.press("ctrl+s", "y", "n")
	h.typeText("Half done")
	h.press("esc")
	got := h.model.Farewell()
	if !strings.HasPrefix(got, "Saved as entry 1. ") || !strings.Contains(got, "kept as a draft") {
		t.Fatalf("farewell = %q", got)
	}
}

// The words both entries contain and the patterns both show are said apart,
// a shared pattern first: it is the strongest reason two setbacks are alike.
func TestAlikeBecauseSaysWordsAndPatternsApart(t *testing.T) {
	for _, c := range []struct {
		a    app.Alike
		want string
	}{
		{app.Alike{Words: []string{"colour", "label"}, Patterns: []string{"rushing to get it done"}}, "both show “rushing to get it done” · both mention colour, label"},
		{app.Alike{Patterns: []string{"running late", "skipping the checks"}}, "both show “running late” and “skipping the checks”"},
		{app.Alike{Words: []string{"a", "b", "c", "d", "e"}}, "both mention a, b, c, d"},
		{app.Alike{}, ""},
		// Words give way before a pattern is cut.
		{app.Alike{Words: []string{"colour", "labels", "checked"}, Patterns: []string{"rushing to get it done"}}, "both show “rushing to get it done” · both mention colour, labels"},
	} {
		if got := alikeBecause(c.a, 70); got != c.want {
			t.Errorf("alikeBecause(%+v) = %q, want %q", c.a, got, c.want)
		}
	}
}
