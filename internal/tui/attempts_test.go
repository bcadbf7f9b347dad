package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/journal"
)

// TestEntryShowsItsAttempts: an entry written after a check-in names the
// attempt before it and the one after, the entry read marked.
func TestEntryShowsItsAttempts(t *testing.T) {
	h := newHarness(t, StartHome)
	first := h.seedEntry(journal.Entry{Title: "Froze in the interview", OccurredOn: "2026-01-05",
		Followup: &journal.Followup{Commitment: "Practise out loud", DueOn: "2026-01-19"}})
	second := h.seedEntry(journal.Entry{Title: "Tried again: Froze in the interview", OccurredOn: "2026-02-05", FollowsUID: first.UID})
	h.seedEntry(journal.Entry{Title: "Tried once more", OccurredOn: "2026-03-05", FollowsUID: second.UID})
	h.seedEntry(journal.Entry{Title: "Flat tyre", OccurredOn: "2026-03-06"})
	h.resize(80, 32)
	h.run(h.model.top().Init())
	h.press("b", "down", "down", "enter")
	h.expectScreen("entry 2", "Attempts at this", "1. 5 Jan 2026  Froze in the interview",
		"› 2. 5 Feb 2026  Tried again: Froze in the interview  this one", "3. 5 Mar 2026  Tried once more")
	golden.RequireEqual(t, h.screen())

	h.press("esc", "up", "up", "enter") // Flat tyre is in no chain
	h.expectScreen("entry 4", "Flat tyre")
	if s := h.screen(); strings.Contains(s, "Attempts") {
		t.Errorf("an entry in no chain shows attempts:\n%s", s)
	}
}
