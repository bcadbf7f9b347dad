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
