package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/journal"
)

// windowSizes are the windows every screen is drawn for: the smallest that
// is drawn whole, a classic terminal, a larger one and a wide one.
var windowSizes = []struct{ w, h int }{{60, 20}, {80, 24}, {100, 32}, {200, 50}}

// resize tells the program the window is now w by ht cells.
func (h *harness) resize(w, ht int) { h.send(tea.WindowSizeMsg{Width: w, Height: ht}) }

// expectFits fails when a line of the screen is wider than the window or
// the screen is taller than it: nothing drawn is cut by the terminal.
func (h *harness) expectFits() {
	h.t.Helper()
	c := h.model.c
	lines := strings.Split(h.screen(), "\n")
	if len(lines) > c.Height {
		h.t.Errorf("%d lines in a window %d high:\n%s", len(lines), c.Height, h.screen())
	}
	for _, l := range lines {
		if lipgloss.Width(l) > c.Width {
			h.t.Errorf("a line %d wide in a window %d wide:\n%s", lipgloss.Width(l), c.Width, l)
		}
	}
}

// TestListTitlesGetRoomFirst: a list's titles have the room they need
// before the tags do, so they read whole when the row has room; a long one
// is cut to leave the tags theirs when the title still reads, and the tags
// give way first on a narrow window.
func TestListTitlesGetRoomFirst(t *testing.T) {
	h := newHarness(t, StartHome)
	long := "Blanked on a question in the teaching post interview before the panel"
	h.seedEntry(journal.Entry{Title: long, OccurredOn: "2026-03-02", Tags: []string{"interview", "career", "public-speaking"}, Severity: ptr(4)})
	h.seedEntry(journal.Entry{Title: "Paid a late fee on the rent", OccurredOn: "2026-03-01", Tags: []string{"money"}})
	h.run(h.model.top().Init())
	h.press("b")
	for _, size := range windowSizes {
		h.resize(size.w, size.h)
		h.expectFits()
		row := ""
		for _, l := range strings.Split(h.screen(), "\n") {
			if strings.Contains(l, "02 Mar 2026") {
				row = l
			}
		}
		switch {
		case size.w >= 200 && !strings.Contains(row, long+"  interview, career, public-speaking  ●●●●"):
			t.Errorf("at %d columns the title or tags are cut: %q", size.w, row)
		case size.w == 100 && !strings.Contains(row, "Blanked on a question in the teaching post intervie…  interview, career, …  ●●●●"):
			t.Errorf("at %d columns the title does not leave the tags their room: %q", size.w, row)
		case size.w == 60 && !strings.Contains(row, "Blanked on a question in the teac…  ●●●●"):
			t.Errorf("at 60 columns the title does not have the room first: %q", row)
		}
		if size.w == 60 {
			golden.RequireEqual(t, h.screen())
		}
	}
}

// TestLongListsSayThereIsMore: the lessons and the things to try say,
// quietly, when there is more above or below what is shown, and the chosen
// one stays on screen.
func TestLongListsSayThereIsMore(t *testing.T) {
	h := newHarness(t, StartHome)
	for i := range 12 {
		on := journal.Date("2026-01-01").AddDays(i)
		h.seedEntry(journal.Entry{Title: fmt.Sprintf("Setback %02d", i+1), OccurredOn: on, Lesson: fmt.Sprintf("Lesson %02d", i+1),
			Followup: &journal.Followup{Commitment: fmt.Sprintf("Try %02d", i+1), DueOn: on.AddDays(14)}})
	}
	h.run(h.model.top().Init())
	for _, list := range []struct{ key, first, last string }{{"l", "Lesson 12", "Lesson 01"}, {"f", "Try 01", "Try 12"}} {
		h.press(list.key)
		h.expectScreen(list.first, "↓ more")
		if strings.Contains(h.screen(), "↑ more") || strings.Contains(h.screen(), list.last) {
			t.Errorf("%s: at the top the list says there is more above, or shows its last:\n%s", list.key, h.screen())
		}
		for range 11 {
			h.press("down")
		}
		h.expectScreen("› ", list.last, "↑ more")
		if strings.Contains(h.screen(), "↓ more") {
			t.Errorf("%s: at the bottom the list says there is more below:\n%s", list.key, h.screen())
		}
		h.expectFits()
		t.Run(list.key, func(t *testing.T) { golden.RequireEqual(t, h.screen()) })
		h.press("esc")
	}
}

// TestTooSmallSaysSo: below 60 by 20 every screen but one being typed in
// says the same calm line, and comes back whole once the window is large
// enough again.
func TestTooSmallSaysSo(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seed("Missed the train")
	h.run(h.model.top().Init())
	for _, keys := range [][]string{nil, {"b"}, {"p"}, {"g"}, {"l"}} {
		h.press(keys...)
		for _, size := range []struct{ w, h int }{{59, 24}, {80, 19}, {30, 10}} {
			h.resize(size.w, size.h)
			h.expectScreen("This window is a little small")
			h.expectFits()
			if strings.Contains(h.screen(), "failup  ") {
				t.Errorf("%v at %dx%d: the screen is drawn cut:\n%s", keys, size.w, size.h, h.screen())
			}
		}
		if keys == nil {
			golden.RequireEqual(t, h.screen())
		}
		h.resize(60, 20)
		h.expectFits()
		if strings.Contains(h.screen(), "a little small") {
			t.Errorf("%v at 60x20 still asks for a bigger window:\n%s", keys, h.screen())
		}
		if keys != nil {
			h.press("esc")
		}
	}
	h.press("n") // a reflection keeps the words being typed in view
	h.typeText("Missed the bus")
	h.resize(50, 16)
	h.expectScreen("Missed the bus")
}

// TestLessonTitlesGetRoomFirst: on the lessons page too a title has the
// room it needs before its tags.
func TestLessonTitlesGetRoomFirst(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Argument with Keiko about the holidays", OccurredOn: "2026-03-01",
		Tags: []string{"communication", "family", "holidays"}, Lesson: "Tired me makes worse decisions."})
	h.run(h.model.top().Init())
	h.resize(60, 20)
	h.press("l")
	h.expectScreen("Argument with Keiko about the holidays  1 Mar 2026")
	h.expectFits()
}

// TestReviewFitsSixtyColumns: the last step of a reflection is drawn whole
// on a window of 60 by 20.
func TestReviewFitsSixtyColumns(t *testing.T) {
	h := newHarness(t, StartNew)
	h.resize(60, 20)
	h.typeText("Missed the launch deadline")
	for !strings.Contains(h.screen(), "9 of 9") {
		h.press("tab")
	}
	h.expectScreen("Press enter to save it.", "anything.")
	h.expectFits()
}

// TestCheckInFitsSixtyColumns: the check-in says whole where the
// commitment came from on a window of 60 by 20.
func TestCheckInFitsSixtyColumns(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Ran out of time in the language certificate exam", OccurredOn: "2026-02-01",
		Followup: &journal.Followup{Commitment: "Raise it with Maya the first day I am stuck", DueOn: "2026-02-20"}})
	h.run(h.model.top().Init())
	h.resize(60, 20)
	h.press("c")
	h.expectScreen("Did you try again?", "1 Feb 2026 · due", "days ago")
	h.expectFits()
}

// TestALongTitleLeavesTheTagsTheirRoom: one long title does not take the
// tags from every row of the home and browse lists at 80 columns; it is cut
// with … instead.
func TestALongTitleLeavesTheTagsTheirRoom(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Said no", OccurredOn: "2026-03-10", Tags: []string{"doyle", "pilot", "saying no"}, Severity: ptr(2)})
	h.seedEntry(journal.Entry{Title: "Missed the claims deadline", OccurredOn: "2026-03-11", Tags: []string{"admin", "money"}, Severity: ptr(3)})
	h.seedEntry(journal.Entry{Title: "Gave the wrong strength of warfarin to Mr Okafor and only caught it when his daughter phoned back",
		OccurredOn: "2026-03-12", Tags: []string{"dispensing", "near miss", "high risk drugs"}, Severity: ptr(4)})
	h.run(h.model.top().Init())
	for _, screen := range []string{"home", "browse"} {
		if screen == "browse" {
			h.press("b")
		}
		t.Run(screen, func(t *testing.T) { golden.RequireEqual(t, h.screen()) })
		h.expectFits()
		h.expectScreen("Said no", "doyle, pilot", "admin, money", "Gave the wrong strength of", "…", "dispensing")
	}
}
