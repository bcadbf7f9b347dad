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

// A theme's entries are named as entries, by the ids show and list use; of
// many, the latest are said to be the latest so many, not left as bare
// numbers after "the latest".
func TestIDListNamesEntries(t *testing.T) {
	for _, c := range []struct {
		ids  []int64
		want string
	}{
		{[]int64{8, 16}, "in entries 8, 16"},
		{[]int64{3, 11, 17, 26}, "in 4 entries; the latest 3 are entries 11, 17, 26"},
	} {
		if got := idList(c.ids, 3); got != c.want {
			t.Errorf("idList(%v, 3) = %q, want %q", c.ids, got, c.want)
		}
	}
}
