package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/failup/failup/internal/journal"
)

// A tab in an answer is drawn as spaces: wrapping counts it as it is shown,
// and no letter is pushed out of sight.
func TestTabsInAnEntryAreShownAsSpaces(t *testing.T) {
	h := newHarness(t, StartHome)
	answer := "Tabs\tbetween\twords and a long line that wraps around the edge of the window"
	h.seedEntry(journal.Entry{Title: "Tabbed", OccurredOn: "2026-03-01",
		Answers: []journal.Answer{{Key: "cause", Text: answer}}})
	h.run(h.model.top().Init())
	h.send(tea.WindowSizeMsg{Width: 60, Height: 30})
	h.press("b", "enter")
	screen := h.screen()
	if strings.Contains(screen, "\t") {
		t.Fatalf("a tab reached the screen:\n%s", screen)
	}
	var shown []string
	for _, line := range strings.Split(screen, "\n") {
		if ansi.StringWidth(line) > 60 {
			t.Fatalf("a line runs past the window:\n%q", line)
		}
		shown = append(shown, strings.Fields(line)...)
	}
	text := strings.Join(shown, " ")
	if want := strings.Join(strings.Fields(answer), " "); !strings.Contains(text, want) {
		t.Fatalf("the answer lost letters: want %q in\n%s", want, screen)
	}
}
