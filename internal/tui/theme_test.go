package tui

import (
	"strings"
	"testing"

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
