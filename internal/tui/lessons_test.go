package tui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
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
	// One blank line between lessons leaves room at 80x24 for a third month.
	h.expectScreen("grouped by month", "March 2026", "› Only an answer", "Ask sooner.", "February 2026", "Lesson number 3",
		"January 2026", "Lesson number 2")
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

// seedLessons writes n entries with a lesson, one a day from 1 November
// 2025, so that by month they fall under four headings.
func seedLessons(h *harness, n int) { seedLessonsFrom(h, "2025-11-01", n) }

// seedLessonsFrom writes n entries with a lesson, one a day from the day
// given.
func seedLessonsFrom(h *harness, from journal.Date, n int) {
	for i := range n {
		h.seedEntry(journal.Entry{Title: fmt.Sprintf("Setback %03d", i+1), OccurredOn: from.AddDays(i),
			Lesson: fmt.Sprintf("Lesson %03d.", i+1)})
	}
	h.run(h.model.top().Init())
}

// TestLessonsComeBackToTheLessonOpened: esc from a lesson's entry (or from
// the export) comes back to the same lesson, scrolled as it was, under
// either grouping, even past the first lessons read.
func TestLessonsComeBackToTheLessonOpened(t *testing.T) {
	h := newHarness(t, StartHome)
	seedLessons(h, 3*lessonsBatch+5)
	h.press("l")
	for _, grouping := range []string{"what keeps coming back", "month"} {
		if grouping == "month" {
			h.press("tab")
		}
		for range lessonsBatch + 7 {
			h.press("down")
		}
		h.press("up")
		before := h.screen()
		if !strings.Contains(before, "grouped by "+grouping) || !strings.Contains(before, "↑ more") {
			t.Fatalf("not scrolled:\n%s", before)
		}
		h.press("enter")
		h.expectScreen("entry ")
		h.press("esc")
		if got := h.screen(); got != before {
			t.Fatalf("grouped by %s, coming back from the entry moved the list:\n%s\nwas:\n%s", grouping, got, before)
		}
		h.press("e")
		h.expectScreen("export")
		h.press("esc")
		if got := h.screen(); got != before {
			t.Fatalf("grouped by %s, coming back from the export moved the list:\n%s\nwas:\n%s", grouping, got, before)
		}
	}
}

// TestLessonsComeBackAfterADelete: when the entry opened is deleted, the
// cursor comes back to the lesson that took its place.
func TestLessonsComeBackAfterADelete(t *testing.T) {
	h := newHarness(t, StartHome)
	seedLessons(h, 20)
	h.press("l", "tab", "down", "down", "down", "down", "down")
	h.expectScreen("› Setback 015")
	h.press("enter", "d", "y")
	h.expectScreen("grouped by month", "› Setback 014")
	if strings.Contains(h.screen(), "Setback 015  15 Nov") {
		t.Fatalf("the deleted entry's lesson is still listed:\n%s", h.screen())
	}
}

// TestLessonsPageAndEnds: pgdn and pgup move a screen of lessons (as many as
// the screen showed), end goes
// to the very last lesson, reading all the journal's, and home back to the
// first.
func TestLessonsPageAndEnds(t *testing.T) {
	h := newHarness(t, StartHome)
	n := 3*lessonsBatch + 5
	seedLessons(h, n)
	h.press("l", "tab")
	h.expectScreen("› Setback 095")
	h.press("pgdown")
	h.expectScreen("› Setback 091", "↑ more")
	h.press("pgdown")
	h.expectScreen("› Setback 086")
	h.press("pgup")
	h.expectScreen("› Setback 091")
	// On the way, the list says so; another key stops it there.
	_, cmd := h.model.Update(keyPress("end"))
	h.expectScreen("↓ reading on to the last lesson…")
	h.press("up")
	h.run(cmd)
	if strings.Contains(h.screen(), "Setback 001") || strings.Contains(h.screen(), "reading on") {
		t.Fatalf("a key pressed on the way to the last lesson did not stop it:\n%s", h.screen())
	}
	h.press("end")
	h.expectScreen("November 2025", "› Setback 001", "Lesson 001.", "↑ more")
	if strings.Contains(h.screen(), "↓ more") {
		t.Errorf("at the last lesson the list says there is more below:\n%s", h.screen())
	}
	if got := lessonsIn(h.model.top().(*lessonsScreen).rows); got != n {
		t.Errorf("end read %d lessons of %d", got, n)
	}
	h.press("up")
	h.expectScreen("› Setback 002")
	h.press("home")
	h.expectScreen("February 2026", "› Setback 095")
	if strings.Contains(h.screen(), "↑ more") {
		t.Errorf("at the first lesson the list says there is more above:\n%s", h.screen())
	}
	h.press("end", "pgdown")
	h.expectScreen("› Setback 001")
}

// TestLessonsKeepTheirHeading: scrolled into a group, the list still says
// which group the lessons in view are in, at its top.
func TestLessonsKeepTheirHeading(t *testing.T) {
	h := newHarness(t, StartHome)
	seedLessons(h, 3*lessonsBatch+5)
	h.press("l", "tab")
	h.expectScreen("February 2026", "› Setback 095")
	for range 9 {
		h.press("down")
	}
	h.expectScreen("January 2026 · continued", "› Setback 086")
	golden.RequireEqual(t, h.screen())
	// Past the group, the next one's lessons come under their own heading.
	for range 31 {
		h.press("down")
	}
	h.expectScreen("› Setback 055")
	if !strings.Contains(h.screen(), "December 2025 · continued") {
		t.Errorf("the heading of the lessons in view is not kept:\n%s", h.screen())
	}
	// A window made smaller keeps the cursor's lesson in view.
	h.send(tea.WindowSizeMsg{Width: 80, Height: 20})
	h.expectScreen("› Setback 055")
	h.expectFits()
}

// TestLessonsStayWhileRead: while the lessons are read again, after tab or
// on coming back from an entry, the lessons already shown stay on the
// screen; it never says, even for a moment, that there are none.
func TestLessonsStayWhileRead(t *testing.T) {
	h := newHarness(t, StartHome)
	seedLessons(h, 5)
	h.press("l")
	// Each of these leaves the lessons screen reading its lessons again.
	for _, step := range []func() tea.Cmd{
		func() tea.Cmd { _, cmd := h.model.Update(keyPress("tab")); return cmd },
		func() tea.Cmd {
			h.press("enter")
			h.expectScreen("entry 5")
			h.model.Update(pop()) // its command reads the plan, sent here by hand
			plan, err := h.model.c.Journal.LessonPlan(ctx)
			if err != nil {
				t.Fatal(err)
			}
			_, cmd := h.model.Update(lessonsPlanMsg{plan: plan})
			return cmd
		},
	} {
		cmd := step()
		if s, ok := h.model.top().(*lessonsScreen); !ok || !s.reading {
			t.Fatal("the lessons are not being read again")
		}
		h.expectScreen("› Setback 005", "Lesson 005.")
		h.run(cmd)
		h.expectScreen("› Setback 005", "Lesson 005.")
	}
}

// TestListsNameTheirPageKeys: the full help of the lists that page names
// the keys that do.
func TestListsNameTheirPageKeys(t *testing.T) {
	h := newHarness(t, StartHome)
	seedLessons(h, 3)
	for _, list := range []string{"b", "l"} {
		h.press(list, "?")
		h.expectScreen("pgup/pgdn", "page", "home/end", "first/last")
		h.press("esc", "esc")
		h.expectScreen("home")
	}
}

// TestALessonUnderTwoHeadingsComesBackToItsRow: a lesson listed under two
// patterns, opened from its second place, comes back to that place, not to
// its first under another heading.
func TestALessonUnderTwoHeadingsComesBackToItsRow(t *testing.T) {
	h := newHarness(t, StartHome)
	lesson := func(title string, on journal.Date, cause string) {
		h.seedEntry(journal.Entry{Title: title, OccurredOn: on, Lesson: "Lesson of " + title + ".",
			Answers: []journal.Answer{{Key: "cause", Text: cause}}})
	}
	lesson("Missed the launch", "2025-11-10", "I said yes to three projects at once.")
	lesson("Late on the report", "2026-01-14", "My plate was far too full that month.")
	lesson("Planning went sideways", "2026-02-02", "In the meeting Marcus changed the plan and I froze.")
	lesson("Talked over", "2026-03-06", "Once again Marcus spoke first and I never got my point in.")
	lesson("Both at once", "2026-03-12", "Marcus asked and I said yes to three projects, overcommitted again.")
	h.run(h.model.top().Init())
	h.press("l")
	m := h.model.top().(*lessonsScreen)
	var at []int
	for i, r := range m.rows {
		if r.title == "Both at once" {
			at = append(at, i)
		}
	}
	if len(at) < 2 {
		t.Fatalf("the lesson is listed %d times; the test wants it under two headings:\n%s", len(at), h.screen())
	}
	for m.cursor < at[1] {
		h.press("down")
	}
	heading := m.rows[m.cursor].heading
	before := h.screen()
	h.press("enter")
	h.expectScreen("Both at once")
	h.press("esc")
	m = h.model.top().(*lessonsScreen)
	if m.cursor != at[1] || m.rows[m.cursor].heading != heading {
		t.Errorf("back from the lesson opened under %q, the cursor is on row %d under %q; want row %d:\n%s\nwas:\n%s",
			heading, m.cursor, m.rows[m.cursor].heading, at[1], h.screen(), before)
	}
}

// everyLessonShown fails unless each lesson on the screen shows its text:
// none is drawn only placed, waiting to be read.
func everyLessonShown(h *harness) {
	h.t.Helper()
	for _, m := range regexp.MustCompile(`Setback (\d+)`).FindAllStringSubmatch(h.screen(), -1) {
		if !strings.Contains(h.screen(), "Lesson "+m[1]+".") {
			h.t.Fatalf("Setback %s is drawn without its lesson:\n%s", m[1], h.screen())
		}
	}
}

// TestLessonsEndReadsOnlyWhatItShows: end places every lesson it passes
// and reads only those near the screen; going back up, each lesson is read
// as it comes into view, and one opened comes back as it was.
func TestLessonsEndReadsOnlyWhatItShows(t *testing.T) {
	h := newHarness(t, StartHome)
	n := 200
	seedLessonsFrom(h, "2025-08-01", n)
	h.press("l")
	for _, grouping := range []string{"what keeps coming back", "month"} {
		if grouping == "month" {
			h.press("tab")
		}
		h.press("end")
		h.expectScreen("grouped by "+grouping, "› Setback 001", "Lesson 001.")
		m := h.model.top().(*lessonsScreen)
		unread := 0
		for _, r := range m.rows {
			if r.unread() {
				unread++
			}
		}
		if got := lessonsIn(m.rows); got != n || unread < n/3 {
			t.Fatalf("grouped by %s, end placed %d lessons of %d and read all but %d", grouping, got, n, unread)
		}
		for !strings.Contains(h.screen(), "› Setback 200") {
			h.press("pgup")
			everyLessonShown(h)
		}
		h.press("end", "up", "up")
		h.press("pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup", "pgup")
		before := h.screen()
		h.press("enter")
		h.expectScreen("entry ")
		h.press("esc")
		if got := h.screen(); got != before {
			t.Fatalf("grouped by %s, coming back from the entry moved the list:\n%s\nwas:\n%s", grouping, got, before)
		}
		everyLessonShown(h)
	}
}

// TestLessonsLeaveOutWhatWasDeletedSinceEnd: lessons deleted elsewhere after
// end placed them are left out as they come into view, and so is a heading
// left with none.
func TestLessonsLeaveOutWhatWasDeletedSinceEnd(t *testing.T) {
	h := newHarness(t, StartHome)
	n := 200
	seedLessonsFrom(h, "2025-08-01", n)
	h.press("l", "tab", "end")
	h.expectScreen("› Setback 001")
	// Setback 093 to 122 are November 2025's; 150 is in December.
	for _, id := range append([]int64{150}, seq(93, 122)...) {
		if e, err := h.store.Get(ctx, id); err != nil || e.Title != fmt.Sprintf("Setback %03d", id) {
			t.Fatalf("entry %d is %q, %v", id, e.Title, err)
		}
		if err := h.store.Delete(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	var seen strings.Builder
	for !strings.Contains(h.screen(), "› Setback 200") {
		h.press("pgup")
		everyLessonShown(h)
		seen.WriteString(h.screen())
	}
	for _, gone := range []string{"Setback 150", "Setback 100", "November 2025"} {
		if strings.Contains(seen.String(), gone) {
			t.Errorf("%s is still listed", gone)
		}
	}
	for _, still := range []string{"Setback 151", "Setback 149", "Setback 123", "Setback 092", "December 2025", "October 2025"} {
		if !strings.Contains(seen.String(), still) {
			t.Errorf("%s is not listed", still)
		}
	}
	if got := lessonsIn(h.model.top().(*lessonsScreen).rows); got != n-31 {
		t.Errorf("%d lessons listed, want %d", got, n-31)
	}
}

// seq is from, from+1, …, to.
func seq(from, to int64) []int64 {
	var s []int64
	for i := from; i <= to; i++ {
		s = append(s, i)
	}
	return s
}

// TestLessonsLeaveOneBlankLine: a lesson of one line and one of two are
// each followed by one blank line, no more.
func TestLessonsLeaveOneBlankLine(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Short one", OccurredOn: "2026-01-10", Lesson: "Ask sooner."})
	h.seedEntry(journal.Entry{Title: "Long one", OccurredOn: "2026-01-20",
		Lesson: strings.Repeat("Say what I need before the week runs out, and say it plainly. ", 4)})
	h.seedEntry(journal.Entry{Title: "Last one", OccurredOn: "2026-01-05", Lesson: "Rest first."})
	h.run(h.model.top().Init())
	h.press("l", "tab")
	h.expectScreen("› Long one", "Short one", "Last one")
	var got []string
	for _, line := range strings.Split(h.screen(), "\n") {
		switch line = strings.TrimSpace(line); {
		case line == "":
			got = append(got, "")
		case strings.Contains(line, " one  "):
			got = append(got, "title")
		case strings.Contains(line, "need") || strings.HasPrefix(line, "Ask") || strings.HasPrefix(line, "Rest"):
			got = append(got, "text")
		}
	}
	want := "title,text,text,,title,text,,title,text,"
	if g := strings.Join(got, ","); !strings.Contains(g, want) {
		t.Errorf("the lessons are spaced %q, want %q in it:\n%s", g, want, h.screen())
	}
}

// TestLessonsPageMovesTheView: pgdn shows the lessons after the last one on
// the screen, the cursor as many rows on, and pgup the page before, as the
// other lists do.
func TestLessonsPageMovesTheView(t *testing.T) {
	h, shown := thirtyLessons(t)
	first := shown()
	h.expectScreen("› Setback " + first[0])
	h.press("down", "pgdown")
	next := shown()
	if mustAtoi(t, next[0]) != mustAtoi(t, first[len(first)-1])-1 {
		t.Errorf("pgdn shows from Setback %s, not from the one after Setback %s:\n%s", next[0], first[len(first)-1], h.screen())
	}
	h.expectScreen("› Setback " + next[1])
	h.press("pgup")
	if again := shown(); again[0] != first[0] {
		t.Errorf("pgup does not show the first page again:\n%s", h.screen())
	}
	h.expectScreen("› Setback " + first[1])
}

// TestLessonsPageFromTheTopToTheEnd: pgdn with the cursor on the first
// lesson shows the page after it and none of this one again, and the last
// page is as full as the others, not a lesson or two over blank lines.
func TestLessonsPageFromTheTopToTheEnd(t *testing.T) {
	h, shown := thirtyLessons(t)
	first := shown()
	h.press("pgdown")
	next := shown()
	if mustAtoi(t, next[0]) != mustAtoi(t, first[len(first)-1])-1 {
		t.Errorf("pgdn from the first lesson shows from Setback %s, not from the one after Setback %s:\n%s", next[0], first[len(first)-1], h.screen())
	}
	h.expectScreen("› Setback " + next[0])
	for range 8 {
		h.press("pgdown")
	}
	if end := shown(); len(end) != len(first) || end[len(end)-1] != "01" {
		t.Errorf("the last page shows %d lessons, not %d ending with Setback 01:\n%s", len(end), len(first), h.screen())
	}
	h.expectScreen("› Setback 01")
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// thirtyLessons opens the lessons screen on thirty one-line lessons; shown
// reads the numbers of the setbacks on the screen, top first.
func thirtyLessons(t *testing.T) (h *harness, shown func() []string) {
	h = newHarness(t, StartHome)
	for i := range 30 {
		h.seedEntry(journal.Entry{Title: fmt.Sprintf("Setback %02d", 30-i), OccurredOn: journal.Date("2026-03-01").AddDays(-i),
			Lesson: fmt.Sprintf("Lesson number %d.", 30-i)})
	}
	h.run(h.model.top().Init())
	h.press("l")
	return h, func() []string {
		var titles []string
		for _, l := range strings.Split(h.screen(), "\n") {
			if f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(l), "›")); len(f) > 1 && f[0] == "Setback" {
				titles = append(titles, f[1])
			}
		}
		return titles
	}
}
