package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/failup/failup/internal/journal"
)

// TestLineBreaksSurviveRendering renders exports with a CommonMark renderer:
// a line the person ended with a line break is still a line of its own,
// and the hard breaks show nothing anywhere else.
func TestLineBreaksSurviveRendering(t *testing.T) {
	e := launch()
	var entry, lessons bytes.Buffer
	if err := Entry(&entry, e); err != nil {
		t.Fatal(err)
	}
	if err := Lessons(&lessons, ByMonth([]journal.Entry{e}), Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	for name, md := range map[string]string{"entry": entry.String(), "lessons": lessons.String()} {
		var html bytes.Buffer
		if err := goldmark.Convert([]byte(md), &html); err != nil {
			t.Fatal(err)
		}
		got := html.String()
		for _, want := range []string{
			"Ask for help at the first sign of slipping.<br>\nEven when it feels small.",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: the rendered export lacks %q:\n%s", name, want, got)
			}
		}
		if name == "entry" {
			for _, want := range []string{
				"I stayed calm and <em>owned it</em> in the retro.<br>\nI said what went wrong before anyone asked.",
				"<li>saying yes by reflex</li>\n<li>hiding bad news</li>",
			} {
				if !strings.Contains(got, want) {
					t.Errorf("%s: the rendered export lacks %q:\n%s", name, want, got)
				}
			}
		}
		if strings.Contains(got, `\`) {
			t.Errorf("%s: a backslash shows in the rendered export:\n%s", name, got)
		}
	}
}
