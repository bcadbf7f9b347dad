package cli

import (
	"strings"
	"testing"

	"github.com/failup/failup/internal/insight"
)

// The first theme is the strongest, not always the most frequent: the bars
// are drawn against the largest count, and the order is said.
func TestWriteReportBarsAgainstTheLargestCount(t *testing.T) {
	r := insight.Report{EntriesAnalyzed: 20, Themes: []insight.Theme{
		{Label: "running late", Entries: []int64{1, 2, 3}, Count: 3, Key: "pattern:running-late"},
		{Label: "saying yes to too much", Entries: []int64{4, 5, 6, 7, 8, 9}, Count: 6, Key: "pattern:overcommitment"},
	}}
	var b strings.Builder
	writeReport(&b, r, map[int64]string{3: "Late", 9: "Yes"}, 0)
	out := b.String()
	for _, want := range []string{
		"\n" + themeOrder + "\n",
		" 1. running late  ██████ 3  (",
		" 2. saying yes to too much  ████████████ 6  (",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report has no %q:\n%s", want, out)
		}
	}
}
