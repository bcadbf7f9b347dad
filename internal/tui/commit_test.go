package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestTypingOnTheDueRowStartsTheDate: on the row of choices for when failup
// asks, typing a day picks a date and types it, rather than being dropped.
func TestTypingOnTheDueRowStartsTheDate(t *testing.T) {
	for _, chips := range []struct {
		name string
		keys []string
	}{
		{"on pick a date", []string{"right", "right"}},
		{"on in two weeks", nil},
	} {
		t.Run(chips.name, func(t *testing.T) {
			h := newHarness(t, StartNew)
			h.typeText("Missed the launch deadline")
			for !strings.Contains(h.screen(), "I will try") {
				h.press("tab")
			}
			h.typeText("Raise risks on Monday")
			h.press("down")
			h.press(chips.keys...)
			h.typeText("2026-04-01")
			h.expectScreen("[pick a date]", "2026-04-01", "on Wednesday 1 April 2026")
			if chips.keys != nil {
				golden.RequireEqual(t, h.screen())
			}
			h.press("ctrl+s", "y") // the questions are left unanswered
			e, err := h.store.Get(ctx, 1)
			if err != nil {
				t.Fatal(err)
			}
			if e.Followup == nil || e.Followup.DueOn != "2026-04-01" {
				t.Fatalf("saved %+v, want a commitment due 2026-04-01", e.Followup)
			}
		})
	}
}

// TestSkillsMoveTheWayTheGridLooks: ←/→ move across a row of skills and ↑/↓
// up and down a column, however many columns the window has room for, and
// the grid is never cut.
func TestSkillsMoveTheWayTheGridLooks(t *testing.T) {
	for _, c := range []struct {
		width int
		below string // what is below judgement's right-hand neighbour
	}{
		{80, "problem solving"},
		{60, "communication"},
	} {
		h := newHarness(t, StartNew)
		h.resize(c.width, 24)
		h.typeText("Missed the launch deadline")
		for !strings.Contains(h.screen(), "› e.g. family") {
			h.press("tab")
		}
		h.press("down") // from the tags to the skills
		h.expectScreen("› [ ] judgement")
		h.press("right")
		h.expectScreen("› [ ] emotional intelligence")
		h.press("down", "space")
		h.expectScreen("› [x] " + c.below)
		h.expectFits()
		if c.width == 60 {
			golden.RequireEqual(t, h.screen())
		}
		h.press("up", "left")
		h.expectScreen("› [ ] judgement")
		h.press("left", "up") // nothing to the left; above is the tags
		if !strings.Contains(h.screen(), "› e.g. family") {
			t.Errorf("at %d columns ↑ from the top row does not go back to the tags:\n%s", c.width, h.screen())
		}
	}
}

// TestSkillsAreLeftOnlyFromTheLastRow: ↓ from a skill with none below it
// goes to the last skill of the shorter row below (it left the grid past
// that row, to the next field); from the last row it goes on to the next
// field, as ↑ from the top row goes back to the tags, and the cursor shows
// there.
func TestSkillsAreLeftOnlyFromTheLastRow(t *testing.T) {
	for _, c := range []struct {
		width int
		keys  []string // to a skill with no skill below it
	}{
		{80, []string{"right", "right"}}, // resilience, above the end of the shorter row below
		{60, []string{"down", "right"}},  // communication
	} {
		h := newHarness(t, StartNew)
		h.resize(c.width, 24)
		h.typeText("Missed the launch deadline")
		for !strings.Contains(h.screen(), "› e.g. family") {
			h.press("tab")
		}
		h.press("down")
		h.press(c.keys...)
		h.press("down")
		h.expectScreen("› [ ] problem solving")
		h.press("down")
		h.expectScreen("› small ○ ○ ○ ○ ○ huge")
		if strings.Contains(h.screen(), "› [ ]") {
			t.Errorf("at %d columns the skills keep the cursor after ↓ from their last row:\n%s", c.width, h.screen())
		}
		h.press("up")
		h.expectScreen("› [ ] problem solving")
	}
}

// TestALongCommitmentShowsItsStartOnceLeft: a commitment longer than its
// field shows its beginning once the cursor leaves it, by tab or by ↓, as
// the title does; not the end where typing stopped.
func TestALongCommitmentShowsItsStartOnceLeft(t *testing.T) {
	for _, leave := range []string{"tab", "down"} {
		h := newHarness(t, StartNew)
		h.typeText("Forgot to collect Noah")
		for range 10 {
			h.press("tab")
		}
		h.expectScreen("I will try")
		h.typeText("Set an alarm on the phone for 30 minutes before every pick-up, and write it on the calendar too.")
		h.press(leave)
		h.expectScreen("› Set an alarm on the phone for 30 minutes before every pick-up, and writ…")
		if strings.Contains(h.screen(), "…30 minutes") {
			t.Errorf("leaving by %s, the commitment shows its end:\n%s", leave, h.screen())
		}
	}
}

// TestADayThatHasPassedStopsTheCommitmentStep: as a date on the first step,
// a day to ask that has passed is mended where it is typed, not found at
// the review.
func TestADayThatHasPassedStopsTheCommitmentStep(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Missed the launch deadline")
	for !strings.Contains(h.screen(), "I will try") {
		h.press("tab")
	}
	h.typeText("Raise risks on Monday")
	h.press("down", "right", "right")
	h.typeText("yesterday")
	h.expectScreen("That day has passed")
	h.press("tab")
	h.expectScreen("I will try", "The date above needs a look before going on.")
	h.press("ctrl+u")
	h.typeText("friday")
	h.press("tab")
	h.expectScreen("Press enter to save it.", "failup asks on 20 Mar 2026")
}
