package tui

import (
	"fmt"
	"testing"

	"github.com/failup/failup/internal/journal"
)

// TestListsComeBackWhereTheyWere: on every list, enter and then esc comes
// back to the row that was open, the list scrolled as it was.
func TestListsComeBackWhereTheyWere(t *testing.T) {
	h := newHarness(t, StartHome)
	for i := range 40 {
		on := journal.Date("2026-01-01").AddDays(i)
		cause := "I said yes to three projects at once and was overcommitted again."
		if i%2 == 1 {
			cause = "In the meeting Marcus changed the plan and I froze."
		}
		h.seedEntry(journal.Entry{Title: fmt.Sprintf("Setback %02d", i+1), OccurredOn: on, Lesson: fmt.Sprintf("Lesson %02d.", i+1),
			Answers:  []journal.Answer{{Key: "cause", Text: cause}},
			Followup: &journal.Followup{Commitment: fmt.Sprintf("Try %02d", i+1), DueOn: on.AddDays(90)}})
	}
	h.run(h.model.top().Init())
	down := func(n int) []string {
		keys := make([]string, n)
		for i := range keys {
			keys[i] = "down"
		}
		return keys
	}
	for _, list := range []struct {
		name       string
		open, move []string
		leave      []string // back to home
	}{
		{"home", nil, down(5), nil},
		{"browse", []string{"b"}, down(20), []string{"esc"}},
		{"search", []string{"/"}, down(10), []string{"esc"}},
		{"things to try", []string{"f"}, down(15), []string{"esc"}},
		{"patterns", []string{"p"}, down(1), []string{"esc"}},
		{"a pattern", []string{"p", "enter"}, down(12), []string{"esc", "esc"}},
		{"lessons", []string{"l"}, down(12), []string{"esc"}},
	} {
		h.press(list.open...)
		if list.name == "search" {
			h.typeText("setback")
		}
		h.press(list.move...)
		before := h.screen()
		h.press("enter")
		if h.screen() == before {
			t.Fatalf("%s: enter opened nothing:\n%s", list.name, before)
		}
		h.press("esc")
		if got := h.screen(); got != before {
			t.Errorf("%s: coming back moved the list:\n%s\nwas:\n%s", list.name, got, before)
		}
		h.press(list.leave...)
		h.expectScreen("home")
	}
}
