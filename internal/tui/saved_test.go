package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

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
// Rows are shown here with | between them.
func TestAlikeBecauseSaysWordsAndPatternsApart(t *testing.T) {
	for _, c := range []struct {
		a     app.Alike
		width int
		want  string
	}{
		{app.Alike{Words: []string{"colour", "label"}, Patterns: []string{"rushing to get it done"}}, 70, "both show “rushing to get it done” · both mention colour, label"},
		{app.Alike{Patterns: []string{"running late", "skipping the checks"}}, 70, "both show “running late” and “skipping the checks”"},
		{app.Alike{Words: []string{"a", "b", "c", "d", "e"}}, 70, "both mention a, b, c, d"},
		{app.Alike{}, 70, ""},
		// Too long for one row, the patterns and the words have a row each.
		{app.Alike{Words: []string{"colour", "labels", "checked"}, Patterns: []string{"running late", "skipping the checks"}}, 50, "both show “running late” and “skipping the checks” | both mention colour, labels, checked"},
		// Words give way before a pattern is cut.
		{app.Alike{Words: []string{"colour", "labels", "checked"}, Patterns: []string{"rushing to get it done", "running late", "skipping the checks"}}, 40, "both show “rushing to get it done” and | “running late” and “skipping the checks”"},
	} {
		if got := strings.Join(alikeRows(c.a, c.width, 2), " | "); got != c.want {
			t.Errorf("alikeRows(%+v) = %q, want %q", c.a, got, c.want)
		}
	}
}

// TestEarlierReflectionsReadWhole: what an earlier reflection shares goes on
// under itself rather than being cut, in at most two rows; when the entry
// saved and the window leave too little room (a long lesson, a date to be
// asked, a short window), one row each, so that every one still shows.
func TestEarlierReflectionsReadWhole(t *testing.T) {
	for _, c := range []struct {
		name   string
		lesson string
	}{
		{"short", ""},
		{"full", "Put the phone down at three and look at the clock: the school run comes first, whoever is calling, and Kylie can ring back."},
	} {
		h := newHarness(t, StartNew)
		h.typeText("Forgot to collect Noah from football")
		h.press("tab")
		if c.lesson != "" {
			for _, a := range fourAnswers {
				h.typeText(a)
				h.press("tab")
			}
			h.typeText(c.lesson)
		} else {
			h.typeText("I was on the phone and lost track of the time.")
		}
		h.press("ctrl+s", "y")
		saved, ok := h.model.top().(*savedScreen)
		if !ok {
			t.Fatalf("not on the saved screen:\n%s", h.screen())
		}
		h.send(similarFoundMsg{uid: saved.entry.UID, matches: []app.Alike{
			{OccurredOn: "2026-02-11", Title: "Late for Kylie's school concert", Patterns: []string{"running late", "things slipping through the cracks"}, Words: []string{"phone", "time", "track"}},
			{OccurredOn: "2026-01-20", Title: "Missed the dentist", Patterns: []string{"things slipping through the cracks"}, Words: []string{"phone"}},
			{OccurredOn: "2025-12-02", Title: "Left the oven on", Words: []string{"time"}},
		}})
		for _, size := range []struct{ w, h int }{{80, 24}, {120, 30}, {80, 20}} {
			t.Run(fmt.Sprintf("%s-%dx%d", c.name, size.w, size.h), func(t *testing.T) {
				h.t = t
				h.resize(size.w, size.h)
				h.expectFits()
				h.expectScreen("Left the oven on", "both mention time")
				if cut := c.name == "full" && size.h == 20; strings.Contains(h.screen(), "track") == cut {
					t.Errorf("the shared words read whole: %v, want %v:\n%s", !cut, cut, h.screen())
				}
				golden.RequireEqual(t, h.screen())
			})
		}
	}
}
