package tui

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/journal"
)

// seed saves entries with the given titles, one day apart, oldest first.
func (h *harness) seed(titles ...string) {
	h.t.Helper()
	for i, title := range titles {
		e := journal.Entry{Title: title, OccurredOn: journal.Date("2026-03-01").AddDays(i), Tags: []string{"work"}}
		if err := e.Complete(fixedNow, func(string, string) (string, bool) { return "", false }); err != nil {
			h.t.Fatal(err)
		}
		if err := h.store.Create(ctx, &e); err != nil {
			h.t.Fatal(err)
		}
	}
}

func TestHomeEmpty(t *testing.T) {
	h := newHarness(t, StartHome)
	h.expectScreen("Reflect on a setback", "Your journal is empty")
	golden.RequireEqual(t, h.screen())
}

func TestHomeWithEntriesAndADraft(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seed("Missed the launch deadline", "Froze in the interview", "Snapped at my brother")
	d := journal.Draft{Key: journal.NewDraftKey, Entry: journal.Entry{Title: "Half written"}, Step: 2}
	if err := h.store.SaveDraft(ctx, d, fixedNow.Add(-5*time.Minute)); err != nil {
		t.Fatal(err)
	}
	h.run(h.model.top().Init())
	h.expectScreen("Continue “Half written”", "5 minutes ago", "Browse all 3", "Snapped at my brother", "n continue")
	golden.RequireEqual(t, h.screen())

	h.press("n")
	h.expectScreen("You have an unfinished reflection", "Half written")
	h.press("r")
	h.expectScreen("3 of 9")
	h.press("esc")
	h.expectScreen("Continue “Half written”")
}

func TestHomeStartsAReflectionAndComesBack(t *testing.T) {
	h := newHarness(t, StartHome)
	h.press("n")
	h.expectScreen("What happened?")
	h.typeText("Spilled the coffee")
	h.press("ctrl+s", "y")
	h.expectScreen("Saved")
	h.press("enter")
	h.expectScreen("Browse all 1", "Spilled the coffee")
}

// Esc means "back" everywhere else, so on home it must not drop the person
// out of failup; q and ctrl+c quit.
func TestHomeEscStaysQAndCtrlCQuit(t *testing.T) {
	for _, quitKey := range []string{"q", "ctrl+c"} {
		h := newHarness(t, StartHome)
		h.seed("Missed the launch deadline")
		h.run(h.model.top().Init())
		h.press("esc")
		if h.model.quitting {
			t.Fatal("esc on home quit failup")
		}
		h.expectScreen("Browse all 1")
		h.press(quitKey)
		if !h.model.quitting {
			t.Fatalf("%s on home did not quit", quitKey)
		}
	}
}
