package tui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

// TestThemeSnippetDoesNotRepeatTheTitle: under an entry's title on a theme's
// page, the words that put it in the theme come from its answers when they
// are there too, and the opening of its first answer when they are only in
// the title, which is on the line above.
func TestThemeSnippetDoesNotRepeatTheTitle(t *testing.T) {
	s := NewStyles(true)
	e := journal.Entry{Title: "Second tablet", Answers: []journal.Answer{
		{Key: "cause", Text: "Two boxes on the counter at once."},
		{Key: "patterns", Text: "I handed over a second tablet without checking the first had gone."},
	}}
	title := insight.Hit{Field: insight.FieldTitle, Start: 0, End: len("Second tablet"), Term: "second tablet"}
	at := strings.Index(e.Answers[1].Text, "second tablet")
	answer := insight.Hit{Field: "patterns", Start: at, End: at + len("second tablet"), Term: "second tablet"}

	got := ansi.Strip(evidenceSnippet(s, e, insight.Evidence{Hits: []insight.Hit{title, answer}}, 60))
	if !strings.Contains(got, "handed over a second tablet") {
		t.Errorf("with a hit in an answer too: %q", got)
	}
	got = ansi.Strip(evidenceSnippet(s, e, insight.Evidence{Hits: []insight.Hit{title}}, 60))
	if got != "Two boxes on the counter at once." {
		t.Errorf("with the hit only in the title: %q", got)
	}
}

// TestThemePagePagesAndEnds: on a theme's page, pgdn shows the next page of
// its entries, the cursor as many rows on, pgup the page before, and
// home/end the first or the last, as the other lists do.
func TestThemePagePagesAndEnds(t *testing.T) {
	h := newHarness(t, StartHome)
	var ev []insight.Evidence
	for i := range 20 {
		h.seed(fmt.Sprintf("Setback %d", i+1))
		ev = append(ev, insight.Evidence{EntryID: int64(i + 1)})
	}
	s := newThemeScreen(h.model.c, insight.Theme{Label: "running late", Count: 20})
	send := func(msg tea.Msg) {
		for _, cmd := s.Update(msg); cmd != nil; {
			msg := cmd()
			if msg == nil {
				return
			}
			_, cmd = s.Update(msg)
		}
	}
	expect := func(after, cursor, first, gone string) {
		t.Helper()
		view := ansi.Strip(s.View())
		if !strings.Contains(view, "› ") || !strings.Contains(view[strings.Index(view, "› "):], cursor+"\n") ||
			!strings.Contains(view, first+"\n") || gone != "" && strings.Contains(view, gone+"\n") {
			t.Errorf("after %s, the cursor is not on %q with %q on screen and %q gone:\n%s", after, cursor, first, gone, view)
		}
	}
	send(themeEvidenceMsg{evidence: ev})
	shown := s.visible()
	expect("opening", "Setback 20", "Setback 20", "")
	send(keyPress("pgdown"))
	expect("pgdn", fmt.Sprint("Setback ", 20-shown), fmt.Sprint("Setback ", 20-shown), "Setback 20")
	send(keyPress("end"))
	expect("end", "Setback 1", "Setback 1", "Setback 20")
	send(keyPress("pgup"))
	expect("pgup", fmt.Sprint("Setback ", 1+shown), fmt.Sprint("Setback ", 1+shown), "Setback 1")
	send(keyPress("home"))
	expect("home", "Setback 20", "Setback 20", "Setback 1")
	names := func(b key.Binding) bool { return b.Help().Key == "pgup/pgdn" || b.Help().Key == "home/end" }
	if help := s.Help().FullHelp()[0]; len(slices.DeleteFunc(slices.Clone(help), names)) != len(help)-2 {
		t.Errorf("the help does not name pgup/pgdn and home/end: %v", help)
	}
}
