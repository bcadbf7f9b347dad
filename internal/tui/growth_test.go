package tui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/journal"
)

func TestGrowthScreen(t *testing.T) {
	h := newHarness(t, StartHome)
	checked := func(d journal.Date) *time.Time { t := d.Time().Add(9 * time.Hour); return &t }
	first := h.seedEntry(journal.Entry{Title: "Quiet in the meeting", OccurredOn: "2026-01-05", Confidence: ptr(3),
		Followup: &journal.Followup{Commitment: "Speak first", DueOn: "2026-01-19", CheckedInAt: checked("2026-01-20"), TriedAgain: ptr(true), ConfidenceAfter: ptr(6)}})
	h.seedEntry(journal.Entry{Title: "Tried again: Quiet in the meeting", OccurredOn: "2026-01-20", Confidence: ptr(5), FollowsUID: first.UID,
		Followup: &journal.Followup{Commitment: "Speak first again", DueOn: "2026-02-03", CheckedInAt: checked("2026-02-03"), TriedAgain: ptr(true), ConfidenceAfter: ptr(8)}})
	h.seedEntry(journal.Entry{Title: "Late report", OccurredOn: "2026-02-10", Confidence: ptr(4),
		Followup: &journal.Followup{Commitment: "Ask early", DueOn: "2026-02-24", CheckedInAt: checked("2026-02-25"), TriedAgain: ptr(false)}})
	h.seedEntry(journal.Entry{Title: "Missed the train", OccurredOn: "2026-03-10",
		Followup: &journal.Followup{Commitment: "Leave earlier", DueOn: "2026-03-24"}})
	h.run(h.model.top().Init())
	h.press("g")
	h.expectScreen("Trying again", "tried again on 2 of 3 checked in (67%)", "1 coming up · 1 not this time",
		"you tried again twice so far, 15 days after the setback on average",
		"Confidence", "when reflecting", "average 4.0", "at the check-in", "average 7.0, from two ratings",
		"+3.0 on average on the two commitments where you rated both",
		"Setbacks by month  January 2026 to March 2026", "Jan Feb Mar", "Chains of attempts", "Quiet in the meeting  2 attempts, confidence 3 → 5, 8 after")
	golden.RequireEqual(t, h.screen())
}

// A figure from one rating, one pair or one time of trying again says so,
// and is not given as an average or as typical.
func TestGrowthSaysAFigureIsFromOne(t *testing.T) {
	h := newHarness(t, StartHome)
	checked := func(d journal.Date) *time.Time { t := d.Time().Add(9 * time.Hour); return &t }
	h.seedEntry(journal.Entry{Title: "Quiet in the meeting", OccurredOn: "2026-01-05", Confidence: ptr(3),
		Followup: &journal.Followup{Commitment: "Speak first", DueOn: "2026-01-05", CheckedInAt: checked("2026-01-05"), TriedAgain: ptr(true), ConfidenceAfter: ptr(2)}})
	h.run(h.model.top().Init())
	h.press("g")
	h.expectScreen("tried again on 1 of 1 checked in", "you tried again once so far, the same day as the setback", "3, from one rating", "2, from one rating",
		"-1 on the one commitment where you rated both")
	if screen := h.screen(); strings.Contains(screen, "average") || strings.Contains(screen, "typically") || strings.Contains(screen, "%") {
		t.Errorf("a figure from one is given as an average or as typical:\n%s", screen)
	}
}

// TestGrowthFitsEveryWindow: on every window from 60 by 20 the growth
// screen is drawn whole, the chains that fit shown and the rest counted.
func TestGrowthFitsEveryWindow(t *testing.T) {
	h := newHarness(t, StartHome)
	checked := func(d journal.Date) *time.Time { t := d.Time().Add(9 * time.Hour); return &t }
	for i, title := range []string{"Skipped the doctor's appointment again", "Lost the club tennis final after leading",
		"Lost the bouldering competition after leading", "Froze in the interview"} {
		on := journal.Date("2026-01-05").AddDays(i)
		first := h.seedEntry(journal.Entry{Title: title, OccurredOn: on, Confidence: ptr(3),
			Followup: &journal.Followup{Commitment: "Try", DueOn: on.AddDays(14), CheckedInAt: checked(on.AddDays(14)), TriedAgain: ptr(true), ConfidenceAfter: ptr(6)}})
		h.seedEntry(journal.Entry{Title: "Tried again: " + title, OccurredOn: on.AddDays(15), Confidence: ptr(5), FollowsUID: first.UID,
			Followup: &journal.Followup{Commitment: "Try again", DueOn: on.AddDays(30), CheckedInAt: checked(on.AddDays(30)), TriedAgain: ptr(false), ConfidenceAfter: ptr(2)}})
	}
	h.run(h.model.top().Init())
	h.press("g")
	for _, size := range windowSizes {
		h.resize(size.w, size.h)
		h.expectScreen("tried again on 4 of 8 checked in (50%)", "Jan Feb Mar", "Chains of attempts", "more")
		h.expectFits()
		if size.w == 60 {
			golden.RequireEqual(t, h.screen())
		}
	}
}

// TestGrowthSaysWhatIsTrueOfCommitments: with no commitment at all the
// screen says so, as failup stats does, not that none has come due; with
// one not yet due, that none has come due. Confidence never rated at a
// check-in has no row of its own, a label with nothing beside it.
func TestGrowthSaysWhatIsTrueOfCommitments(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Quiet in the meeting", OccurredOn: "2026-01-05", Confidence: ptr(3)})
	h.run(h.model.top().Init())
	h.press("g")
	h.expectScreen("No commitments yet. A reflection can end with something to try next time.", "when reflecting")
	if screen := h.screen(); strings.Contains(screen, "come due") || strings.Contains(screen, "at the check-in") {
		t.Errorf("with no commitment and no check-in, the screen says:\n%s", screen)
	}
	h.press("esc")
	h.seedEntry(journal.Entry{Title: "Late report", OccurredOn: "2026-03-10",
		Followup: &journal.Followup{Commitment: "Ask early", DueOn: "2026-03-24"}})
	h.press("g")
	h.expectScreen("No commitment has come due yet. failup will ask how each one went.")
}
