package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/journal"
)

func (h *harness) seedEntry(e journal.Entry) journal.Entry {
	h.t.Helper()
	if err := e.Complete(fixedNow, h.model.c.Prompts.Question); err != nil {
		h.t.Fatal(err)
	}
	if err := h.store.Create(ctx, &e); err != nil {
		h.t.Fatal(err)
	}
	return e
}

func ptr[T any](v T) *T { return &v }

func TestBrowseListsFiltersAndPages(t *testing.T) {
	h := newHarness(t, StartHome)
	for i := range 45 {
		tags := []string{"work"}
		if i%5 == 0 {
			tags = []string{"family"}
		}
		h.seedEntry(journal.Entry{Title: fmt.Sprintf("Setback number %02d", i+1), Tags: tags,
			OccurredOn: journal.Date("2026-01-01").AddDays(i), Severity: ptr(i%5 + 1)})
	}
	h.run(h.model.top().Init())
	h.press("b")
	h.expectScreen("browse · 45 entries", "› 14 Feb 2026  Setback number 45", "1–17 of 45")
	golden.RequireEqual(t, h.screen())

	// Moving past the page loads the next one from the journal.
	for range 20 {
		h.press("down")
	}
	h.expectScreen("› 25 Jan 2026  Setback number 25", "5–21 of 45")
	h.press("end")
	h.expectScreen("› 01 Jan 2026  Setback number 01", "29–45 of 45")

	// Typing filters by tag or title.
	h.typeText("family")
	h.expectScreen("browse · 9 entries", "Setback number 46"[:15], "1–9 of 9")
	if strings.Contains(h.screen(), "Setback number 45") {
		t.Fatal("the filter let a work entry through")
	}
	h.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	h.typeText("number 07")
	h.expectScreen("browse · 1 entry", "Setback number 07")
}

func TestSearchHighlightsAndOpens(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Missed the launch", OccurredOn: "2026-02-01",
		Answers: []journal.Answer{{Key: "cause", Text: "I said yes to three projects and the deadline slipped quietly."}}})
	h.seedEntry(journal.Entry{Title: "Quiet week", OccurredOn: "2026-02-08"})
	h.run(h.model.top().Init())
	h.press("/")
	h.expectScreen("search ›")
	h.typeText("deadlines")
	h.expectScreen("Missed the launch", "the deadline slipped")
	if strings.Contains(h.screen(), "Quiet week") {
		t.Fatal("search shows an entry that does not match")
	}
	golden.RequireEqual(t, h.screen())
	h.press("enter")
	h.expectScreen("entry 1", "What caused this setback?", "I said yes to three projects")
	h.press("esc")
	h.expectScreen("search ›", "Missed the launch")
}

func TestDetailEditAndDelete(t *testing.T) {
	h := newHarness(t, StartHome)
	checked := fixedNow
	h.seedEntry(journal.Entry{Title: "Froze in the interview", OccurredOn: "2026-03-02", Tags: []string{"work", "interview"},
		Answers: []journal.Answer{
			{Key: "cause", Text: "I blanked on the design question."},
			{Key: "patterns", Text: "Cramming the night before."},
			{Key: "differently", Text: "Practise out loud."},
			{Key: "strengths", Text: "I recovered."}},
		Lesson: "Practice beats cramming.", Skills: []journal.Skill{"resilience"}, Severity: ptr(3), Confidence: ptr(4),
		Followup: &journal.Followup{Commitment: "Mock interview with Sam", DueOn: "2026-03-10",
			CheckedInAt: &checked, TriedAgain: ptr(true), Outcome: ptr("Much calmer."), ConfidenceAfter: ptr(7)}})
	h.run(h.model.top().Init())
	h.press("b", "enter")
	h.expectScreen("Froze in the interview", "Monday 2 Mar 2026", "Practice beats cramming.", "resilience", "↓ more")
	golden.RequireEqual(t, h.screen())
	h.press("pgdown")
	h.expectScreen("Mock interview with Sam", "tried again", "confidence 7 of 10", "Much calmer.")
	h.press("pgup")

	// e opens the guided flow prefilled; saving comes back to the entry.
	h.press("e")
	h.expectScreen("editing entry 1", "Froze in the interview")
	h.press("tab")
	h.typeText(" Again.")
	h.press("ctrl+s")
	h.expectScreen("Updated")
	h.press("enter")
	h.expectScreen("entry 1", "I blanked on the design question. Again.")
	e, _ := h.store.Get(ctx, 1)
	if e.Followup == nil || e.Followup.CheckedInAt == nil || *e.Followup.Outcome != "Much calmer." {
		t.Fatalf("editing lost the check-in: %+v", e.Followup)
	}

	// d asks first; anything but y keeps it.
	h.press("d")
	h.expectScreen("Delete this entry for good?")
	t.Run("confirm-delete", func(t *testing.T) { golden.RequireEqual(t, h.screen()) })
	h.press("n")
	if n, _ := h.store.Count(ctx, storeFilter()); n != 1 {
		t.Fatal("declining deleted the entry")
	}
	h.press("d", "y")
	h.expectScreen("browse · 0 entries", "Deleted “Froze in the interview”.")
	t.Run("deleted", func(t *testing.T) { golden.RequireEqual(t, h.screen()) })
	h.press("down")
	if strings.Contains(h.screen(), "Deleted") {
		t.Fatalf("the notice outlived the next key:\n%s", h.screen())
	}
	if n, _ := h.store.Count(ctx, storeFilter()); n != 0 {
		t.Fatal("the entry is still there")
	}
}

func TestEscapeSequencesAreNotDrawn(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Innocent\x1b]0;owned\x07 title\x1b[2J", OccurredOn: "2026-02-01",
		Tags:    []string{"a\x1b[31mred"},
		Answers: []journal.Answer{{Key: "cause", Text: "text \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\ and \x9b2J"}}})
	h.run(h.model.top().Init())
	for _, keys := range [][]string{{}, {"b"}, {"enter"}} {
		h.press(keys...)
		raw := h.model.View().Content
		for _, bad := range []string{"]0;", "owned", "[2J", "evil", "]8;", "\x9b", "\x07"} {
			if strings.Contains(raw, bad) {
				t.Fatalf("after %v the screen contains %q:\n%q", keys, bad, raw)
			}
		}
	}
	h.expectScreen("Innocent title", "text link and")
}

// TestBrowsePagesMoveTheView: pgdn shows the next page of entries, or of
// what a search found, the cursor as many rows on, and pgup the page
// before, as the other lists do.
func TestBrowsePagesMoveTheView(t *testing.T) {
	h := newHarness(t, StartHome)
	for i := range 45 {
		h.seedEntry(journal.Entry{Title: fmt.Sprintf("Setback number %02d", i+1), OccurredOn: journal.Date("2026-01-01").AddDays(i),
			Answers: []journal.Answer{{Key: "cause", Text: "The kettle boiled over."}}})
	}
	h.run(h.model.top().Init())
	h.press("b")
	h.expectScreen("› 14 Feb 2026  Setback number 45", "1–17 of 45")
	h.press("pgdown")
	h.expectScreen("› 28 Jan 2026  Setback number 28", "18–34 of 45")
	h.press("down", "pgup")
	h.expectScreen("› 13 Feb 2026  Setback number 44", "1–17 of 45")

	h.press("esc", "/")
	h.typeText("kettle")
	h.expectScreen("› ")
	shown := strings.Count(h.screen(), "Setback number")
	h.press("pgdown")
	rows := strings.Split(h.screen(), "\n")
	first := slices.IndexFunc(rows, func(l string) bool { return strings.Contains(l, "Setback number") })
	if first < 0 || !strings.HasPrefix(strings.TrimSpace(rows[first]), "›") || strings.Count(h.screen(), "Setback number") != shown {
		t.Errorf("pgdn on %d hits does not show the next %d, the cursor on the first:\n%s", 45, shown, h.screen())
	}
}
