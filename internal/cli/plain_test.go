package cli

import (
	"bufio"
	"strings"
	"testing"

	"github.com/failup/failup/internal/journal"
)

// Only yes or no answers "Continue it?"; anything else is asked again.
func TestOfferDraftTakesOnlyYesOrNo(t *testing.T) {
	for _, c := range []struct {
		typed string
		want  bool
		asked int
	}{
		{"y\n", true, 1},
		{"YES\n", true, 1},
		{"n\n", false, 1},
		{"no\n", false, 1},
		{"maybe\nsure\nn\n", false, 3},
		{"\nyes\n", true, 2},
		{"maybe\n", true, 2},
	} {
		var out strings.Builder
		got := offerDraft(bufio.NewReader(strings.NewReader(c.typed)), &out, journal.Draft{Entry: journal.Entry{Title: "Half written"}}, true)
		if got != c.want || strings.Count(out.String(), "> ") != c.asked {
			t.Errorf("typing %q: continue = %v, asked %d times, want %v, %d:\n%s", c.typed, got, strings.Count(out.String(), "> "), c.want, c.asked, out.String())
		}
	}
}
