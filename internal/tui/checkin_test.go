package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

// seedCommitments adds an entry due three days ago and one due next week.
func seedCommitments(h *harness) {
	h.seedEntry(journal.Entry{Title: "Quiet in the meeting", OccurredOn: "2026-02-28", Confidence: ptr(3),
		Followup: &journal.Followup{Commitment: "Speak first in standup", DueOn: "2026-03-11"}})
	h.seedEntry(journal.Entry{Title: "Late report", OccurredOn: "2026-03-01",
		Followup: &journal.Followup{Commitment: "Ask for a review early", DueOn: "2026-03-20"}})
	h.run(h.model.top().Init())
}

func TestHomeLeadsWithWhatIsDue(t *testing.T) {
	h := newHarness(t, StartHome)
	seedCommitments(h)
	h.expectScreen("You said you would", "Speak first in standup", "due 3 days ago", "c check in", "s ask me later")
	golden.RequireEqual(t, h.screen())
}

// TestHomeAsksHowItWentWhole keeps the question about a commitment long past
// in one piece at 80 columns: a long title and a long month leave no room
// for it beside the day, so it goes on a line of its own rather than "how
// did it" on one line and "go?" on the next.
func TestHomeAsksHowItWentWhole(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Froze when the panel asked about pay", OccurredOn: "2025-09-03",
		Followup: &journal.Followup{Commitment: "Say my number first", DueOn: "2025-09-30"}})
	h.run(h.model.top().Init())
	h.expectScreen("Say my number first", "3 Sep 2025")
	if !strings.Contains(strings.ToLower(h.screen()), "how did it go?") {
		t.Fatalf("the question is broken in two:\n%s", h.screen())
	}
	golden.RequireEqual(t, h.screen())
}

func TestCheckInYesThenReflectAgain(t *testing.T) {
	h := newHarness(t, StartHome)
	seedCommitments(h)
	h.press("c")
	h.expectScreen("Did you try again?", "[yes]", "(it was 3 when you wrote it)")
	golden.RequireEqual(t, h.screen())
	h.press("enter")
	h.typeText("I spoke first. My voice shook.")
	h.press("tab", "6", "enter")
	h.expectScreen("Noted. Trying again is how confidence grows.")
	if strings.Contains(h.screen(), "didn't go the way you hoped") {
		t.Fatalf("after a yes the screen supposes it went badly:\n%s", h.screen())
	}
	e, _ := h.store.Get(ctx, 1)
	f := e.Followup
	if f.CheckedInAt == nil || f.TriedAgain == nil || !*f.TriedAgain || *f.Outcome != "I spoke first. My voice shook." || *f.ConfidenceAfter != 6 {
		t.Fatalf("check-in saved %+v", f)
	}

	// r starts a reflection linked to the first: a chain of attempts.
	h.press("r")
	h.expectScreen("Tried again: Quiet in the meeting")
	h.press("ctrl+s", "y")
	second, err := h.store.Get(ctx, 3)
	if err != nil || second.FollowsUID != e.UID {
		t.Fatalf("the new reflection does not follow the first: %+v %v", second, err)
	}
}

func TestSnoozeAndDropFromHome(t *testing.T) {
	h := newHarness(t, StartHome)
	seedCommitments(h)
	h.press("s")
	h.expectScreen("Ask me again", "[in a week]")
	h.press("right", "enter")
	h.expectScreen("failup will ask again on 2026-03-28, Saturday 28 March.")
	h.press("enter")
	e, _ := h.store.Get(ctx, 1)
	if e.Followup.DueOn != "2026-03-28" || e.Followup.CheckedInAt != nil {
		t.Fatalf("snooze saved %+v", e.Followup)
	}
	if h.screen() == "" || strings.Contains(h.screen(), "You said you would") {
		t.Fatalf("nothing should be due after the snooze:\n%s", h.screen())
	}

	// Bring it back, then set it aside.
	if err := h.store.Snooze(ctx, 1, "2026-03-01", fixedNow); err != nil {
		t.Fatal(err)
	}
	h.run(h.model.top().Init())
	h.press("x")
	h.expectScreen("Set it aside for good?")
	h.press("y")
	h.expectScreen("Set it aside. It won't be asked about again.")
	e, _ = h.store.Get(ctx, 1)
	if e.Followup.Status("2026-03-14") != journal.StatusDropped {
		t.Fatalf("drop saved %+v", e.Followup)
	}
	if open, _ := h.store.Commitments(ctx, store.CommitmentFilter{Open: true}); len(open) != 1 {
		t.Fatalf("open commitments %+v", open)
	}
}

func TestCheckInKeepsWordsAcrossCtrlC(t *testing.T) {
	h := newHarness(t, StartHome)
	seedCommitments(h)
	h.press("c", "enter")
	h.typeText("I spoke first, and then")
	h.press("ctrl+c")
	if got := h.model.Farewell(); !strings.Contains(got, "failup checkin 1 picks it up") {
		t.Fatalf("farewell %q", got)
	}

	again := newHarnessWith(t, h.store, Options{Start: StartCheckIn, EditID: 1})
	again.expectScreen("I spoke first, and then")
	again.press("tab")
	again.typeText(" it was fine.")
	again.press("tab", "7", "enter")
	e, _ := h.store.Get(ctx, 1)
	if *e.Followup.Outcome != "I spoke first, and then it was fine." || *e.Followup.ConfidenceAfter != 7 {
		t.Fatalf("check-in saved %+v", e.Followup)
	}
	if _, ok, _ := h.store.Draft(ctx, journal.CheckInKey(1)); ok {
		t.Fatal("the check-in's draft outlived the check-in")
	}

	// Checking in again starts from what was said before.
	third := newHarnessWith(t, h.store, Options{Start: StartCheckIn, EditID: 1})
	third.expectScreen("I spoke first, and then it was fine.", "7 of 10")
}

// TestNotYetKeepsWhatWasTyped: words typed about how it went, before
// choosing "not yet", wait for when failup asks again.
func TestNotYetKeepsWhatWasTyped(t *testing.T) {
	h := newHarness(t, StartHome)
	seedCommitments(h)
	h.press("c", "enter")
	h.typeText("Still slammed this week.")
	h.press("shift+tab", "right", "right", "enter")
	h.expectScreen("Ask me again")
	h.press("enter")
	h.expectScreen("failup will ask again on", "What you wrote is", "kept for then.")
	if e, _ := h.store.Get(ctx, 1); e.Followup.CheckedInAt != nil || e.Followup.Outcome != nil {
		t.Fatalf("not yet recorded an answer: %+v", e.Followup)
	}
	again := newHarnessWith(t, h.store, Options{Start: StartCheckIn, EditID: 1})
	again.expectScreen("[yes]", "Still slammed this week.")
}

// The things to try run as failup followups does: the most overdue first,
// then the soonest due.
func TestFollowupsMostOverdueFirst(t *testing.T) {
	h := newHarness(t, StartHome)
	seedCommitments(h)
	h.seedEntry(journal.Entry{Title: "Missed the gym", OccurredOn: "2026-02-20",
		Followup: &journal.Followup{Commitment: "Go on Monday", DueOn: "2026-03-03"}})
	h.seedEntry(journal.Entry{Title: "Forgot the call", OccurredOn: "2026-03-02",
		Followup: &journal.Followup{Commitment: "Set a reminder", DueOn: "2026-04-20"}})
	h.run(h.model.top().Init())
	h.press("f")
	h.expectScreen("Go on Monday")
	order := []string{"Go on Monday", "Speak first in standup", "Ask for a review early", "Set a reminder"}
	scr, at := h.screen(), -1
	for _, c := range order {
		i := strings.Index(scr, c)
		if i <= at {
			t.Fatalf("want %q after the ones before it in %q:\n%s", c, order, scr)
		}
		at = i
	}
}

// Not yet, said before the day, waits from the day it is due, not from today.
func TestNotYetBeforeTheDayMovesItLater(t *testing.T) {
	h := newHarness(t, StartHome)
	seedCommitments(h)
	h.press("f", "down", "enter")
	h.expectScreen("Did you try again?")
	h.press("right", "right", "enter")
	h.expectScreen("Ask me again", "[in a week]")
	h.press("enter")
	h.expectScreen("failup will ask again on 2026-03-27, Friday 27 March.")
	if e, _ := h.store.Get(ctx, 2); e.Followup.DueOn != "2026-03-27" {
		t.Fatalf("not yet saved %+v", e.Followup)
	}
}

// The check-in's box for what happened says when it holds more than it shows.
func TestCheckInOutcomeSaysThereIsMore(t *testing.T) {
	h := newHarness(t, StartHome)
	seedCommitments(h)
	h.press("c", "enter")
	h.typeText("one line")
	if strings.Contains(h.screen(), "more") {
		t.Fatalf("a box holding everything says there is more:\n%s", h.screen())
	}
	for i := range 6 {
		h.press("enter")
		h.typeText("line " + string(rune('a'+i)))
	}
	h.expectScreen("What happened?  ↑ more", "line f")
	for range 6 {
		h.press("up")
	}
	h.expectScreen("↓ more", "one line")
	if strings.Contains(h.screen(), "↑ more") {
		t.Fatalf("the box at its top says there is more above:\n%s", h.screen())
	}
}
