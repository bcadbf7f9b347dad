package tui

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

// seedPatterns writes a small journal where overcommitting recurs in varied
// words, a colleague keeps coming up, and the rest is one-off noise.
func seedPatterns(h *harness) {
	cause := func(title string, on journal.Date, text string) {
		h.seedEntry(journal.Entry{Title: title, OccurredOn: on, Confidence: ptr(4), Skills: []journal.Skill{"judgement"},
			Answers: []journal.Answer{{Key: "cause", Text: text}}})
	}
	cause("Missed the launch", "2025-11-10", "I said yes to three projects at once.")
	cause("Late on the report", "2026-01-14", "My plate was far too full that month.")
	cause("Dropped a ball", "2026-02-20", "I was triple-booked and overcommitted again.")
	cause("Planning went sideways", "2026-02-02", "In the meeting Marcus changed the plan and I froze.")
	cause("Talked over", "2026-03-06", "Once again Marcus spoke first and I never got my point in.")
	cause("Budget call", "2026-03-11", "On the call Marcus asked for numbers I did not have.")
	cause("Missed the bus", "2026-01-22", "The alarm did not go off.")
	cause("Burnt the bread", "2026-02-27", "The oven runs hot and I forgot the timer.")
	cause("Lost my keys", "2025-12-30", "They fell out of a torn pocket.")
	cause("Flat tyre", "2026-03-01", "A nail on the road.")
	h.run(h.model.top().Init())
}

func TestPatternsScreenAndATheme(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p")
	h.expectScreen("What keeps coming back", "saying yes to too much", "Marcus", "Setbacks over the last year",
		"Mon", "Skills  judgement 10", "Confidence")
	golden.RequireEqual(t, h.screen())

	h.press("enter")
	h.expectScreen("saying yes to too much", "3 entries from 10 Nov 2025 to 20 Feb 2026", "words you used: ",
		"Dropped a ball", "Late on the report", "Missed the launch")
	if strings.Contains(h.screen(), "lexicon") {
		t.Errorf("the screen names failup's insides:\n%s", h.screen())
	}
	if !strings.Contains(h.model.View().Content, h.model.c.Styles.Match.Render("triple-booked")) {
		t.Error("the words that made the theme are not highlighted")
	}
	if strings.Contains(h.screen(), nameThemeIs) {
		t.Errorf("a pattern's page says what a name's is:\n%s", h.screen())
	}
	h.press("enter")
	h.expectScreen("entry 3", "I was triple-booked and overcommitted again.")
}

// TestANameThemeIsNoOneToBlame: a person heading a list of setbacks can
// read as the one to blame; their page says it is not so.
func TestANameThemeIsNoOneToBlame(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p")
	for range 5 {
		if slices.ContainsFunc(strings.Split(h.screen(), "\n"), func(l string) bool {
			return strings.Contains(l, "› Marcus")
		}) {
			break
		}
		h.press("down")
	}
	h.press("enter")
	h.expectScreen("Marcus", "3 entries", nameThemeIs, "Talked over")
}

func TestLessonsByTheme(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	for _, id := range []int64{1, 3, 7} {
		e, _ := h.store.Get(ctx, id)
		e.Lesson = "Lesson of " + e.Title
		if err := h.store.Update(ctx, &e, fixedNow); err != nil {
			t.Fatal(err)
		}
	}
	h.run(h.model.top().Init())
	h.press("l")
	// As failup lessons groups them: a lesson whose entry shows no theme
	// goes under the theme whose lessons it reads most like.
	h.expectScreen("grouped by what keeps coming back", "saying yes to too much", "Lesson of Dropped a ball",
		"Lesson of Missed the bus", "Lesson of Missed the launch")
	l, err := h.model.c.Journal.(*app.Core).Lessons(ctx, app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Groups) != 1 || l.Groups[0].Heading != "saying yes to too much" || len(l.Groups[0].IDs) != 3 {
		t.Fatalf("failup lessons groups them otherwise: %+v", l.Groups)
	}
	if strings.Contains(h.screen(), "Other lessons") {
		t.Errorf("the screen has a group failup lessons has not:\n%s", h.screen())
	}
}

// TestPatternsCountsKeepTheirColumn: counts of a large journal stay in their
// column, the header's "times" above them.
func TestPatternsCountsKeepTheirColumn(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seed("One entry, so the menu leads on")
	h.run(h.model.top().Init())
	h.press("p")
	report := insight.Report{Themes: []insight.Theme{
		{Label: "saying yes to too much", Count: 42588, Monthly: make([]int, 12)},
		{Label: "Marcus", Count: 7, Monthly: make([]int, 12)},
	}}
	h.send(patternsReadMsg{report: report})
	lines := strings.Split(h.screen(), "\n")
	var rows []string
	for _, l := range lines {
		if strings.Contains(l, "saying yes") || strings.Contains(l, "Marcus") || strings.Contains(l, "times") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 3 || !regexp.MustCompile(`saying yes to too much +42588  `).MatchString(rows[1]) || !strings.Contains(rows[2], "     7") {
		t.Fatalf("the counts leave their column:\n%s", strings.Join(rows, "\n"))
	}
	end := func(line, word string) int { return lipgloss.Width(line[:strings.Index(line, word)+len(word)]) }
	if end(rows[0], "times") != end(rows[1], "42588") {
		t.Errorf("“times” ends at %d, the counts at %d:\n%s", end(rows[0], "times"), end(rows[1], "42588"), strings.Join(rows, "\n"))
	}
}

// TestPatternsListSaysWhenThereIsMore: a list longer than the window says
// there is more below until its last theme shows.
func TestPatternsListSaysWhenThereIsMore(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seed("One entry, so the menu leads on")
	h.run(h.model.top().Init())
	h.press("p")
	var themes []insight.Theme
	for i := range 12 {
		themes = append(themes, insight.Theme{Label: fmt.Sprintf("theme %d", i+1), Count: 20 - i, Monthly: make([]int, 12)})
	}
	h.send(patternsReadMsg{report: insight.Report{Themes: themes}})
	if !strings.Contains(h.screen(), "↓ for more") {
		t.Fatalf("a list cut short does not say so:\n%s", h.screen())
	}
	for range themes {
		h.press("down")
	}
	h.expectScreen("› theme 12", "of 12 themes")
	if strings.Contains(h.screen(), "for more") {
		t.Errorf("the end of the list says there is more:\n%s", h.screen())
	}
}

// TestPatternsListPagesAndEnds: pgup/pgdn move the list a page at a time
// and home/end to its first or last theme, as the other lists do.
func TestPatternsListPagesAndEnds(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seed("One entry, so the menu leads on")
	h.run(h.model.top().Init())
	h.press("p")
	var themes []insight.Theme
	for i := range 30 {
		themes = append(themes, insight.Theme{Label: fmt.Sprintf("theme %d", i+1), Count: 40 - i, Monthly: make([]int, 12)})
	}
	h.send(patternsReadMsg{report: insight.Report{Themes: themes}})
	shown := 0
	for _, l := range strings.Split(h.screen(), "\n") {
		if strings.Contains(l, "theme ") && !strings.Contains(l, "themes") {
			shown++
		}
	}
	h.press("pgdown")
	h.expectScreen(fmt.Sprintf("› theme %d ", shown+1))
	h.press("end")
	h.expectScreen("› theme 30 ", "of 30 themes")
	h.press("pgup")
	h.expectScreen(fmt.Sprintf("› theme %d ", 30-shown))
	h.press("home")
	h.expectScreen("› theme 1 ", "1–")
	h.press("?")
	h.expectScreen("pgup/pgdn", "home/end")
}

// TestPatternsSayTheirOrder: the list says once that the strongest themes
// come first, as failup patterns does (the counts are not in order): in the
// heading, or on a narrow window in the line under the list, never on a row
// of its own.
func TestPatternsSayTheirOrder(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seed("One entry, so the menu leads on")
	h.run(h.model.top().Init())
	h.press("p")
	var themes []insight.Theme
	for i := range 12 {
		themes = append(themes, insight.Theme{Label: fmt.Sprintf("theme %d", i+1), Count: 5 + i%3, Monthly: make([]int, 12), Trend: insight.TrendRising})
	}
	h.send(patternsReadMsg{report: insight.Report{Themes: themes}})
	for _, size := range windowSizes {
		h.resize(size.w, size.h)
		screen := h.screen()
		if n := strings.Count(screen, "strongest first"); n != 1 {
			t.Errorf("at %dx%d the order is said %d times:\n%s", size.w, size.h, n, screen)
		}
		h.expectFits()
		if size.w >= 80 && !strings.Contains(screen, "What keeps coming back, strongest first") {
			t.Errorf("at %dx%d the heading does not say the order:\n%s", size.w, size.h, screen)
		}
	}
	h.resize(80, 24)
	h.send(patternsReadMsg{report: insight.Report{Themes: themes[:1]}})
	if strings.Contains(h.screen(), "strongest") {
		t.Errorf("one theme is said to be in an order:\n%s", h.screen())
	}
}

// TestPatternsLabelsGetRoomFirst: the labels of a real journal's themes,
// up to forty characters, read whole on their rows at 80 columns.
func TestPatternsLabelsGetRoomFirst(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seed("One entry, so the menu leads on")
	h.run(h.model.top().Init())
	h.press("p")
	trends := []insight.Trend{insight.TrendSteady, insight.TrendRising, insight.TrendFading}
	var themes []insight.Theme
	for i, label := range []string{
		"Reynolds (my boss)", "reacting in the heat of the moment", "putting things off", "finding feedback hard to hear",
		"things slipping through the cracks", "not keeping people in the loop", "putting off a hard conversation",
		"saying yes before I check what I have on", "Imani", "putting my own health last", "going in underprepared", "Marcus",
	} {
		monthly := make([]int, 12)
		monthly[i] = 1 + i%3
		themes = append(themes, insight.Theme{Key: "t" + label, Label: label, Count: 5 + (i*7)%8, Monthly: monthly, Trend: trends[i%3]})
	}
	h.send(patternsReadMsg{report: insight.Report{Themes: themes}})
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			h.resize(size.w, size.h)
			h.press("home")
			for range themes {
				h.press("up")
			}
			golden.RequireEqual(t, h.screen())
			for i, th := range themes {
				if i > 0 {
					h.press("down")
				}
				if !strings.Contains(h.screen(), "› "+th.Label+" ") {
					t.Errorf("at %dx%d, “%s” (%d characters) is cut:\n%s", size.w, size.h, th.Label, len(th.Label), h.screen())
				}
				h.expectFits()
			}
		})
	}
}

// TestPatternsTrendReadsWhole: a theme's trend reads whole at every window
// size; on the narrowest the labels give way.
func TestPatternsTrendReadsWhole(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seed("One entry, so the menu leads on")
	h.run(h.model.top().Init())
	h.press("p")
	report := insight.Report{Themes: []insight.Theme{
		{Label: "notice it most at the end of a long week when I have nothing left", Count: 105, Monthly: make([]int, 12), Trend: insight.TrendRising},
		{Label: "holding out for perfect", Count: 12, Monthly: make([]int, 12), Trend: insight.TrendFading},
	}}
	h.send(patternsReadMsg{report: report})
	for _, size := range windowSizes {
		h.resize(size.w, size.h)
		h.expectScreen("↑ more lately", "↓ less lately", "holding out for")
		h.expectFits()
		if size.w == 60 {
			golden.RequireEqual(t, h.screen())
		}
	}
}

// TestThemeEntryDeletedSince: a pattern's page whose entry is deleted while
// it is open says so in its place.
func TestThemeEntryDeletedSince(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p")
	h.expectScreen("What keeps coming back", "saying yes to too much")
	h.press("enter")
	h.expectScreen("3 entries from 10 Nov 2025 to 20 Feb 2026", "Missed the launch")
	if err := h.store.Delete(ctx, 3); err != nil {
		t.Fatal(err)
	}
	h.run(h.model.top().Init())
	h.expectScreen("no longer in the journal", "Missed the launch")
}

// TestAWaitForThePatternsSaysWhy: a screen that waits for the patterns, which
// a large journal finds afresh in seconds after a change, first says what it
// waits for, and after a while why.
func TestAWaitForThePatternsSaysWhy(t *testing.T) {
	h := newHarness(t, StartHome)
	c := h.model.c
	for _, s := range []screen{newPatternsScreen(c), newLessonsScreen(c), newThemeScreen(c, insight.Theme{Label: "Marcus"})} {
		if view := ansi.Strip(s.View()); strings.Contains(view, "looking across") || view == "" {
			t.Errorf("%s, at once: %q", s.Title(), view)
		}
		s.Update(stillWaitingMsg{})
		if view := ansi.Strip(s.View()); !strings.Contains(view, "looking across all your reflections") {
			t.Errorf("%s, after a while, does not say why it waits:\n%s", s.Title(), view)
		}
	}
}

// barCells counts the cells of a bar on a theme's row: the blocks between
// its label and its count.
var barCells = regexp.MustCompile(`^ *(?:› )?\S.*?  +([▏▎▍▌▋▊▉█]*) *(\d+)  `)

// TestPatternsRowsAgreeWithTheOrder: the themes come strongest first, not
// by count, so nothing on a row measures the count against the rows above:
// a bar that grew down the list read as mis-sorted. The count stays, as a
// number.
func TestPatternsRowsAgreeWithTheOrder(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seed("One entry, so the menu leads on")
	h.run(h.model.top().Init())
	h.press("p")
	h.send(patternsReadMsg{report: insight.Report{Themes: []insight.Theme{
		{Label: "running late", Count: 3, Monthly: make([]int, 12)},
		{Label: "saying yes to too much", Count: 6, Monthly: make([]int, 12)},
		{Label: "Marcus", Count: 2, Monthly: make([]int, 12)},
	}}})
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		h.resize(size.w, size.h)
		last, counts := -1, ""
		for _, l := range strings.Split(h.screen(), "\n") {
			m := barCells.FindStringSubmatch(l)
			if m == nil {
				continue
			}
			counts += m[2] + " "
			if bar := utf8.RuneCountInString(m[1]); last >= 0 && bar > last {
				t.Errorf("at %dx%d a row's bar outgrows the one above it, against the order:\n%s", size.w, size.h, h.screen())
			} else {
				last = bar
			}
		}
		if counts != "3 6 2 " {
			t.Errorf("at %dx%d the counts read %q, not 3 6 2:\n%s", size.w, size.h, counts, h.screen())
		}
	}
}

// TestALongLabelCostsOnlyItsRow: a label longer than its column goes on
// under itself, whole; the other rows keep their labels, counts and trends,
// and the list shows one row fewer at most.
func TestALongLabelCostsOnlyItsRow(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seed("One entry, so the menu leads on")
	h.run(h.model.top().Init())
	h.press("p")
	trends := []insight.Trend{insight.TrendSteady, insight.TrendRising, insight.TrendFading}
	var themes []insight.Theme
	for i, label := range []string{
		"Lupe", "running out of supplies or ordering too much", "Ray (my son)", "keeping the peace at my own cost",
		"Kim", "reacting in the heat of the moment", "running on empty", "Hector", "kitchen table",
	} {
		monthly := make([]int, 12)
		monthly[i] = 1
		themes = append(themes, insight.Theme{Key: "t" + label, Label: label, Count: 20 - i, Monthly: monthly, Trend: trends[i%3]})
	}
	shownOf := func(screen string) int {
		n := 0
		for _, th := range themes {
			if regexp.MustCompile(`(  |› )` + regexp.QuoteMeta(th.Label) + `  `).MatchString(screen) {
				n++
			}
		}
		return n
	}
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			h.resize(size.w, size.h)
			short := slices.Delete(slices.Clone(themes), 1, 2)
			h.send(patternsReadMsg{report: insight.Report{Themes: short}})
			without := shownOf(h.screen())
			h.send(patternsReadMsg{report: insight.Report{Themes: themes}})
			h.press("home")
			screen := h.screen()
			h.expectFits()
			if got := shownOf(screen) + 1; got < without-1 {
				t.Errorf("with the long label %d themes show, without it %d:\n%s", got, without, screen)
			}
			label := ""
			rows := strings.Split(screen, "\n")
			for i, l := range rows {
				if m := regexp.MustCompile(`^ +(running out.*?)  +\d`).FindStringSubmatch(l); m != nil {
					if label = m[1]; label != themes[1].Label {
						label += " " + strings.TrimSpace(rows[i+1])
					}
					break
				}
			}
			if label != themes[1].Label {
				t.Errorf("the long label does not read whole on its row:\n%s", screen)
			}
			for _, th := range themes {
				if th.Label == themes[1].Label || !strings.Contains(screen, " "+th.Label+" ") {
					continue
				}
				if !regexp.MustCompile(regexp.QuoteMeta(th.Label) + ` +` + strconv.Itoa(th.Count) + `  .*` + regexp.QuoteMeta(trendLabel(th.Trend))).MatchString(screen) {
					t.Errorf("%q lost its count or trend:\n%s", th.Label, screen)
				}
			}
			golden.RequireEqual(t, screen)
		})
	}
}

// TestPatternsPageMovesTheView: pgdn shows the next page of themes, the
// cursor as many rows on, and pgup the page before, as the other lists do;
// with long labels on two lines too, every theme is on one page.
func TestPatternsPageMovesTheView(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seed("One entry, so the menu leads on")
	h.run(h.model.top().Init())
	h.press("p")
	var themes []insight.Theme
	for i := range 30 {
		themes = append(themes, insight.Theme{Label: fmt.Sprintf("theme %d", i+1), Count: 40 - i, Monthly: make([]int, 12), Trend: insight.TrendRising})
	}
	h.send(patternsReadMsg{report: insight.Report{Themes: themes}})
	h.expectScreen("› theme 1 ", "1–7 of 30 themes")
	h.press("pgdown")
	h.expectScreen("› theme 8 ", "8–14 of 30 themes")
	h.press("down", "pgdown")
	h.expectScreen("› theme 16 ", "15–21 of 30 themes")
	h.press("pgup")
	h.expectScreen("› theme 9 ", "8–14 of 30 themes")
	h.press("pgup", "pgup")
	h.expectScreen("› theme 1 ", "1–7 of 30 themes")

	for i := 2; i < 30; i += 4 {
		themes[i].Label = fmt.Sprintf("theme %d, whose label is long enough to go on under itself", i+1)
	}
	h.send(patternsReadMsg{report: insight.Report{Themes: themes}})
	seen := map[string]int{}
	for range 30 {
		for _, l := range strings.Split(h.screen(), "\n") {
			if f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(l), "› ")); len(f) > 1 && f[0] == "theme" {
				seen[strings.TrimSuffix(f[1], ",")]++
			}
		}
		if strings.Contains(h.screen(), "of 30 themes") && !strings.Contains(h.screen(), "for more") {
			break
		}
		h.press("pgdown")
		if !strings.Contains(h.screen(), "› theme") {
			t.Fatalf("the cursor is off the screen:\n%s", h.screen())
		}
	}
	for i := range 30 {
		if n := seen[strconv.Itoa(i+1)]; n == 0 || n > 1 && i < 20 {
			t.Errorf("theme %d was on %d pages", i+1, n)
		}
	}
}

// A label that wraps at its hyphen is whole, not cut: no line under the
// list repeats it.
func TestALabelWrappedAtAHyphenIsNotCut(t *testing.T) {
	label := "comparing myself at work and self-doubt creeping in"
	for width := 10; width <= 40; width++ {
		lines := labelLines(label, width, 3)
		if strings.Contains(strings.Join(lines, ""), "…") {
			continue
		}
		if labelCut(label, width, 3) {
			t.Errorf("at width %d the label reads whole as %q, yet is said to be cut", width, lines)
		}
	}
}
