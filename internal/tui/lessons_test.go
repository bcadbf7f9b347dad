package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/journal"
)

func TestLessonsScreen(t *testing.T) {
	h := newHarness(t, StartHome)
	for i, d := range []journal.Date{"2026-01-10", "2026-01-20", "2026-02-03", "2026-03-01"} {
		h.seedEntry(journal.Entry{Title: fmt.Sprintf("Setback %d", i+1), OccurredOn: d, Tags: []string{"work"},
			Lesson: fmt.Sprintf("Lesson number %d, written to be remembered.", i+1)})
	}
	h.seedEntry(journal.Entry{Title: "Only an answer", OccurredOn: "2026-03-02",
		Answers: []journal.Answer{{Key: "differently", Text: "Ask sooner."}}})
	h.seedEntry(journal.Entry{Title: "No lesson at all", OccurredOn: "2026-03-03"})
	h.run(h.model.top().Init())
	h.press("l")
	h.expectScreen("grouped by what keeps coming back", "Other lessons")
	h.press("tab")
	h.expectScreen("grouped by month", "March 2026", "› Only an answer", "Ask sooner.", "February 2026", "Lesson number 3")
	golden.RequireEqual(t, h.screen())
	if strings.Contains(h.screen(), "No lesson at all") {
		t.Fatal("an entry without a lesson is listed")
	}
	h.press("down", "down", "enter")
	h.expectScreen("entry 3", "Setback 3")
}

// TestLessonsReadOnAsYouScroll: the screen opens with the first lessons
// and reads more as the cursor nears them, to the very last.
func TestLessonsReadOnAsYouScroll(t *testing.T) {
	h := newHarness(t, StartHome)
	n := 3*lessonsBatch + 5
	for i := range n {
		h.seedEntry(journal.Entry{Title: fmt.Sprintf("Setback %03d", i+1), OccurredOn: journal.Date("2025-11-01").AddDays(i),
			Lesson: fmt.Sprintf("Lesson %03d.", i+1)})
	}
	h.run(h.model.top().Init())
	h.press("l")
	h.expectScreen("grouped by what keeps coming back", "Other lessons", fmt.Sprintf("Lesson %03d.", n))
	if got := len(h.model.top().(*lessonsScreen).rows); got >= n {
		t.Fatalf("the screen read %d rows before any scrolling", got)
	}
	for range n - 1 {
		h.press("down")
	}
	h.expectScreen("› Setback 001", "Lesson 001.")
	h.press("tab")
	h.expectScreen("grouped by month", fmt.Sprintf("› Setback %03d", n))
}

func TestALongTitleLeavesTheDayWhole(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Tried the masterclass silk press on Monique without practising it first", OccurredOn: "2026-02-19",
		Tags: []string{"clients", "technique", "practice"}, Lesson: "Practise on a head first."})
	h.run(h.model.top().Init())
	h.press("l")
	h.expectScreen("19 Feb 2026")
}
