package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

// saysKeysOnce fails when a prompt's keys are said twice: the help line
// says them, and nothing over it again.
func saysKeysOnce(t *testing.T, screen string) {
	t.Helper()
	if strings.Count(screen, "enter") != 1 || strings.Count(screen, "esc") != 1 {
		t.Errorf("the keys are said more than once:\n%s", screen)
	}
}

func TestCorrectingPatterns(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p")
	h.expectScreen("› saying yes to too much", "Marcus", "r rename")

	// Rename: the field starts with the name as it is.
	h.press("r")
	h.expectScreen("new name › saying yes to too much", "enter save • esc keep it")
	saysKeysOnce(t, h.screen())
	if !h.model.top().Typing() {
		t.Fatal("renaming does not take typing: ? and q would not reach the field")
	}
	h.press("ctrl+u")
	h.typeText("my yeses")
	golden.RequireEqual(t, h.screen())
	h.press("enter")
	h.expectScreen("“saying yes to too much” is now “my yeses”; r renames it again.", "› my yeses")

	// Dismiss, and take it back.
	h.press("d")
	h.expectScreen("Dismissed “my yeses”: not a pattern for you. u takes it back.", "› Marcus")
	if strings.Contains(h.screen(), "my yeses  ") {
		t.Errorf("the dismissed theme is still listed:\n%s", h.screen())
	}
	h.press("u")
	h.expectScreen("“my yeses” is back among your patterns.", "my yeses")

	// Merge Marcus into the theme under the cursor, picked from the others.
	h.press("m")
	h.expectScreen("Merge which theme into “my yeses”?", "› Marcus", "enter merges · esc keeps them apart")
	if strings.Contains(h.screen(), "What keeps coming back") {
		t.Errorf("while the merge picker lists the themes, the list is drawn squeezed above it:\n%s", h.screen())
	}
	h.press("enter")
	h.expectScreen("Merged “Marcus” into “my yeses”.", "› my yeses")
	if strings.Contains(h.screen(), "Marcus  ") {
		t.Errorf("the theme merged in is still listed on its own:\n%s", h.screen())
	}
	h.press("u")
	h.expectScreen("“Marcus” is a theme of its own again.", "Marcus")

	// On a pattern's page: take the entry under the cursor out, and add words.
	h.press("enter")
	h.expectScreen("my yeses", "3 entries from", "x take entry out")
	h.press("x")
	h.expectScreen("Took entry 3 out of “my yeses”.", "2 entries from")
	h.press("w")
	h.expectScreen("words › words that mean this to you, with commas between")
	saysKeysOnce(t, h.screen())
	h.typeText("alarm, timer")
	h.press("enter")
	h.expectScreen("Entries that use “alarm” and “timer” now join “my yeses”.", "4 entries from", "Missed the bus", "Burnt the bread")

	// A mistake says so, and changes nothing; an empty name changes nothing.
	h.press("w")
	h.typeText("*")
	h.press("enter")
	h.expectScreen("“*” has no words to look for.", "4 entries from")
	h.press("r", "ctrl+u", "enter")
	h.expectScreen("4 entries from")

	list, err := h.store.Corrections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[journal.CorrectionKind]int{}
	for _, k := range list {
		kinds[k.Kind]++
	}
	if want := map[journal.CorrectionKind]int{journal.CorrectRename: 1, journal.CorrectRemove: 1, journal.CorrectWords: 2}; len(kinds) != len(want) ||
		kinds[journal.CorrectRename] != 1 || kinds[journal.CorrectRemove] != 1 || kinds[journal.CorrectWords] != 2 {
		t.Errorf("corrections kept: %v; want %v", kinds, want)
	}
}

func TestDismissingTheLastThemeCanBeTakenBack(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p", "d", "d")
	h.expectScreen("Dismissed “Marcus”", "Nothing recurs yet")
	h.press("u")
	h.expectScreen("“Marcus” is back among your patterns.", "› Marcus")
}

// TestTheCursorStaysOnTheThemeCorrected: once the themes are read again
// after a correction, the cursor is on the theme corrected wherever it now
// is, so the next key does not fall on its neighbour.
func TestTheCursorStaysOnTheThemeCorrected(t *testing.T) {
	h := newHarness(t, StartHome)
	m := newPatternsScreen(h.model.c)
	themes := func(keys ...string) patternsReadMsg {
		var r insight.Report
		for _, k := range keys {
			r.Themes = append(r.Themes, insight.Theme{Key: k, Label: k, Count: 3, Monthly: make([]int, 12)})
		}
		return patternsReadMsg{report: r}
	}
	m.Update(themes("a", "b", "c", "d"))
	m.cursor = 2
	// a was merged into c: c is now second.
	m.Update(correctedMsg{said: "Merged.", theme: "c"})
	m.Update(themes("b", "c", "d"))
	if m.cursor != 1 {
		t.Errorf("the cursor is on %q, not on the theme merged into", m.report.Themes[m.cursor].Key)
	}
	// c was dismissed: the cursor stays where it was, on what follows.
	m.Update(themes("a", "c", "d"))
	m.Update(correctedMsg{said: "Dismissed.", theme: "c"})
	m.Update(themes("a", "d"))
	if m.cursor != 1 {
		t.Errorf("after a dismissal the cursor is on %q, not on the theme that took its place", m.report.Themes[m.cursor].Key)
	}
}

// TestWhatAThemesPageSaidStaysOnIt: a correction made on a theme's page is
// said there; back on the list of patterns, it is not said again, nor can u
// take it back from there.
func TestWhatAThemesPageSaidStaysOnIt(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p", "enter", "x")
	h.expectScreen("Took entry 3 out of “saying yes to too much”. u takes it back.", "2 entries from")
	h.press("esc")
	h.expectScreen("What keeps coming back", "› saying yes to too much")
	if strings.Contains(h.screen(), "Took entry 3") {
		t.Errorf("the list says what was done on the theme's page:\n%s", h.screen())
	}
	h.press("u")
	h.expectCorrections(1, "u on the list took back what was done on the theme's page")
}

// TestUndoWithNothingToUndoSaysSo: u with nothing to take back says so, on
// the list and on a theme's page, and changes nothing; the bottom line does
// not offer it meanwhile.
func TestUndoWithNothingToUndoSaysSo(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p")
	h.expectScreen("› saying yes to too much")
	if strings.Contains(h.screen(), "undo") {
		t.Errorf("the bottom line offers u with nothing to undo:\n%s", h.screen())
	}
	h.press("u")
	h.expectScreen("Nothing to undo.", "› saying yes to too much")
	h.press("down")
	if strings.Contains(h.screen(), "Nothing to undo") {
		t.Errorf("what u said outlasts the next key:\n%s", h.screen())
	}
	h.press("enter", "u")
	h.expectScreen("Nothing to undo.", "3 entries from")
	h.expectCorrections(0, "u with nothing to undo")
}

func TestUndoOutlastsAMoveOfTheCursor(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p")
	h.expectScreen("› saying yes to too much")
	h.press("d")
	h.expectScreen("u takes it back")
	h.press("down", "up", "u")
	h.expectScreen("“saying yes to too much” is back among your patterns.")
	h.expectCorrections(0, "u after moving the cursor, the dismissal taken back")
}

// TestUndoTakesBackEachCorrectionInTurn: u takes back the corrections made
// on a screen one at a time, the latest first.
func TestUndoTakesBackEachCorrectionInTurn(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p", "enter")
	h.expectScreen("3 entries from")
	h.press("x")
	h.expectScreen("2 entries from")
	h.press("x")
	h.expectScreen("1 entry on", "u takes it back")
	h.expectCorrections(2, "two entries taken out")
	h.press("u")
	h.expectScreen("Put entry 2 back into “saying yes to too much”. u takes back the one before.", "2 entries from")
	h.expectCorrections(1, "u once")
	h.press("u")
	h.expectScreen("Put entry 3 back into “saying yes to too much”.", "3 entries from")
	if strings.Contains(h.screen(), "u takes") {
		t.Errorf("with nothing left to take back, u is still offered:\n%s", h.screen())
	}
	h.expectCorrections(0, "u twice")
	h.press("u")
	h.expectScreen("Nothing to undo.")
}

// TestARenameIsNotOfferedToU: after a rename, u is not offered (r renames
// again), though an entry taken out before it can still be put back; what u
// takes back it names, by the theme's new name.
func TestARenameIsNotOfferedToU(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p", "enter", "x")
	h.expectScreen("Took entry 3 out of “saying yes to too much”. u takes it back.")
	h.press("r", "ctrl+u")
	h.typeText("my yeses")
	h.press("enter")
	h.expectScreen("“saying yes to too much” is now “my yeses”; r renames it again.")
	if strings.Contains(h.screen(), "u takes") {
		t.Errorf("after a rename, u is offered, though it cannot take a rename back:\n%s", h.screen())
	}
	h.press("u")
	h.expectScreen("Put entry 3 back into “my yeses”.", "3 entries from")
	if strings.Contains(h.screen(), "u takes") {
		t.Errorf("u is offered again, with only the rename left:\n%s", h.screen())
	}
}

func TestAnEmptyNameOrNoWordsSaySoAndChangeNothing(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p", "r", "ctrl+u", "enter")
	h.expectScreen("An empty name is no name: it is still “saying yes to too much”.")
	h.press("w", "enter")
	h.expectScreen("No words given, so nothing changed.")
	h.expectCorrections(0, "an empty name and no words")
}

func TestTakingOutTheLastEntryKeepsTheCursorInView(t *testing.T) {
	h := newHarness(t, StartHome)
	for i := range 14 {
		h.seedEntry(journal.Entry{Title: fmt.Sprintf("Yes number %d", i+1), OccurredOn: journal.Date(fmt.Sprintf("2026-02-%02d", i+1)),
			Answers: []journal.Answer{{Key: "cause", Text: "I said yes to too much again."}}})
	}
	h.run(h.model.top().Init())
	h.press("p", "enter")
	h.expectScreen("14 entries from")
	for range 13 {
		h.press("down")
	}
	h.expectScreen("› ")
	h.press("x")
	h.expectScreen("13 entries from", "› ")
}

func TestAThemePagesMessageComesUnderItsEntries(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p", "enter")
	h.expectScreen("3 entries from")
	h.press("x")
	h.expectScreen("u takes it back")
	screen := h.screen()
	if strings.Index(screen, "u takes it back") < strings.Index(screen, "2 entries from") {
		t.Errorf("the message is above the theme's entries, pushing them down:\n%s", screen)
	}
}

// TestBringingBackADismissedTheme: b lists the themes dismissed and brings
// one back as failup patterns restore does; u dismisses it again, and u
// once more takes back the dismissal made on the screen.
func TestBringingBackADismissedTheme(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p", "d")
	h.expectScreen("Dismissed “saying yes to too much”", "1 dismissed: b brings it back", "› Marcus")
	h.press("b")
	h.expectScreen("Bring back which theme?", "› saying yes to too much", "enter brings it back · esc leaves them dismissed")
	golden.RequireEqual(t, h.screen())
	h.press("esc")
	h.expectScreen("› Marcus", "1 dismissed")
	h.expectCorrections(1, "esc from the dismissed themes")

	h.press("b", "enter")
	h.expectScreen("Brought back “saying yes to too much”. u takes it back.",
		"› saying yes to too much")
	if strings.Contains(h.screen(), "dismissed:") {
		t.Errorf("the theme brought back is still counted as dismissed:\n%s", h.screen())
	}
	h.expectCorrections(0, "a theme brought back")

	h.press("u")
	h.expectScreen("“saying yes to too much” is dismissed again. u takes back the one before.", "1 dismissed: b brings it back", "› Marcus")
	list, err := h.store.Corrections(ctx)
	if err != nil || len(list) != 1 || list[0].Kind != journal.CorrectDismiss {
		t.Fatalf("u after bringing back keeps %+v (%v); want the dismissal", list, err)
	}
	h.press("u")
	h.expectScreen("“saying yes to too much” is back among your patterns.", "› saying yes to too much")
	h.expectCorrections(0, "the dismissal taken back too")
}

// TestBringingBackAThemeDismissedEarlier: a theme dismissed before (from the
// command line, say) is listed by the name the person gave it, and brought
// back leaves the journal as failup patterns restore does; u dismisses it
// again though no dismissal was made on the screen.
func TestBringingBackAThemeDismissedEarlier(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	j := h.model.c.Journal
	for _, in := range []app.CorrectionInput{
		{Kind: journal.CorrectRename, Theme: "Marcus", Label: "the Monday meeting"},
		{Kind: journal.CorrectDismiss, Theme: "the Monday meeting"},
	} {
		if _, err := j.Correct(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := h.store.Corrections(ctx)
	h.press("p")
	h.expectScreen("› saying yes to too much", "1 dismissed: b brings it back")
	h.press("?")
	h.expectScreen("b bring back a dismissed theme")
	h.press("esc", "b")
	h.expectScreen("› the Monday meeting")
	h.press("enter")
	h.expectScreen("Brought back “the Monday meeting”", "› the Monday meeting")
	list, _ := h.store.Corrections(ctx)
	if len(list) != 1 || list[0].Kind != journal.CorrectRename {
		t.Errorf("brought back, the journal keeps %+v; want the rename alone, as failup patterns restore leaves it", list)
	}
	h.press("u")
	h.expectScreen("“the Monday meeting” is dismissed again.", "1 dismissed")
	if after, _ := h.store.Corrections(ctx); len(after) != len(before) {
		t.Errorf("u keeps %+v; want the rename and the dismissal again", after)
	}
}

// TestManyDismissedThemesScroll: the themes to bring back scroll, the one
// chosen and the keys under them always in view.
func TestManyDismissedThemesScroll(t *testing.T) {
	h := newHarness(t, StartHome)
	m := newPatternsScreen(h.model.c)
	var list []app.DismissedTheme
	for i := range 40 {
		list = append(list, app.DismissedTheme{Key: fmt.Sprintf("name:t%d", i+1), Name: fmt.Sprintf("theme %d", i+1)})
	}
	m.Update(patternsReadMsg{dismissed: list})
	m.Update(tea.KeyPressMsg{Code: 'b', Text: "b"})
	for range 39 {
		m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	}
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "› theme 40") || !strings.Contains(view, "esc leaves them dismissed") ||
		lipgloss.Height(view) > h.model.c.BodyHeight() {
		t.Errorf("the last of 40 dismissed themes chosen, the picker (%d lines, %d fit) shows:\n%s", lipgloss.Height(view), h.model.c.BodyHeight(), view)
	}
	m.Update(keyPress("home"))
	if view := ansi.Strip(m.View()); !strings.Contains(view, "› theme 1\n") || !strings.Contains(view, "of 40 themes · ↓ for more") {
		t.Errorf("home does not go back to the first dismissed theme:\n%s", view)
	}
}

// TestTheHelpListsUndoAndBringBack: ? lists u on the list of patterns and
// on a theme's page, and b on the list, where it works, as docs/keys.md
// does, with nothing yet to take back or bring back (they say so).
func TestTheHelpListsUndoAndBringBack(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p", "?")
	h.expectScreen("u undo", "b bring back a dismissed theme")
	h.press("esc", "enter", "?")
	h.expectScreen("u undo", "x take entry out")
	if strings.Contains(h.screen(), "bring back") {
		t.Errorf("a theme's help offers b, which works on the list only:\n%s", h.screen())
	}
}

func TestNoThemeDismissedSaysSo(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p", "b")
	h.expectScreen("No theme is dismissed.", "› saying yes to too much")
	h.press("enter", "b")
	if strings.Contains(h.screen(), "No theme is dismissed") || strings.Contains(h.screen(), "Bring back") {
		t.Errorf("b on a theme's page answers:\n%s", h.screen())
	}
}

// expectCorrections fails the test unless the journal keeps n corrections.
func (h *harness) expectCorrections(n int, after string) {
	h.t.Helper()
	if list, err := h.store.Corrections(ctx); err != nil || len(list) != n {
		h.t.Errorf("%s: %d corrections kept (%v); want %d", after, len(list), err, n)
	}
}

// TestManyThemesToMergeScroll: with thirty themes, the ones to merge in
// scroll on the list and on a theme's page, the one chosen, a line saying
// which show, and the keys always in view; pgup/pgdn and home/end move as
// in the other lists.
func TestManyThemesToMergeScroll(t *testing.T) {
	h := newHarness(t, StartHome)
	c := h.model.c
	var themes []insight.Theme
	for i := range 30 {
		themes = append(themes, insight.Theme{Key: fmt.Sprintf("name:t%d", i+1), Label: fmt.Sprintf("theme %d", i+1), Count: 40 - i, Monthly: make([]int, 12)})
	}
	list := newPatternsScreen(c)
	list.Update(patternsReadMsg{report: insight.Report{Themes: themes}})
	for _, s := range []screen{list, newThemeScreen(c, themes[0])} {
		s.Update(keyPress("m"))
		s.Update(othersMsg{themes: themes[1:]})
		expect := func(after string, want ...string) {
			t.Helper()
			view := ansi.Strip(s.View())
			for _, w := range append(want, "enter merges · esc keeps them apart") {
				if !strings.Contains(view, w) {
					t.Errorf("%s, after %s, lacks %q (%d lines, %d fit):\n%s", s.Title(), after, w, lipgloss.Height(view), c.BodyHeight(), view)
				}
			}
			if lipgloss.Height(view) > c.BodyHeight() {
				t.Errorf("%s, after %s: %d lines, %d fit:\n%s", s.Title(), after, lipgloss.Height(view), c.BodyHeight(), view)
			}
		}
		expect("m", "› theme 2", "of 29 themes · ↓ for more")
		for range 28 {
			s.Update(keyPress("down"))
		}
		expect("↓ to the last", "› theme 30", "of 29 themes")
		s.Update(keyPress("home"))
		expect("home", "› theme 2", "1–")
		var page int
		fmt.Sscanf(ansi.Strip(s.View())[strings.Index(ansi.Strip(s.View()), "1–"):], "1–%d of 29", &page)
		s.Update(keyPress("pgdown"))
		expect("pgdn", fmt.Sprintf("› theme %d\n", page+2), fmt.Sprintf("%d–%d of 29 themes", min(page, 29-page)+1, min(2*page, 29)))
		s.Update(keyPress("end"))
		expect("end", "› theme 30")
		s.Update(keyPress("pgup"))
		s.Update(keyPress("pgup"))
		s.Update(keyPress("pgup"))
		expect("pgup", "› theme 2")
	}
}

// TestARenameShowsAtOnceOnTheThemesPage: the page's heading takes the new
// name as soon as it is saved, not once the patterns are read again (a
// second or so on a large journal).
func TestARenameShowsAtOnceOnTheThemesPage(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.press("p", "enter")
	page, ok := h.model.top().(*themeScreen)
	if !ok {
		t.Fatalf("not on a theme's page:\n%s", h.screen())
	}
	page.Update(correctedMsg{by: &page.fix, said: "renamed", theme: page.theme.Key, renamed: "my yeses"}) // its reread is not run
	if heading := page.viewHeading(80); !strings.HasPrefix(strings.TrimSpace(ansi.Strip(heading)), "my yeses") {
		t.Errorf("the heading after a rename:\n%s", ansi.Strip(heading))
	}
}
