package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestStatsByMonthIsTheLastTwelveMonths draws the twelve calendar months up
// to today's (apptest.Now, November 2026), as the growth screen does: a
// month without setbacks is an empty row, a busier month before them is left
// out and does not set the bars' scale.
func TestStatsByMonthIsTheLastTwelveMonths(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal.db")
	var entries []string
	for day, n := range map[string]int{"2025-09-10": 8, "2026-01-05": 2, "2026-03-05": 1, "2026-11-02": 4} {
		for range n {
			entries = append(entries, `{"title": "Missed it", "occurred_on": "`+day+`"}`)
		}
	}
	export := `{"format": "failup.v1", "entries": [` + strings.Join(entries, ",") + `]}`
	if _, stderr, code := cliAt(db, export, "import", "-"); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	stdout, stderr, code := cliAt(db, "", "stats")
	if code != 0 {
		t.Fatalf("stats: %s", stderr)
	}
	want := `By month, December 2025 to November 2026
  2025-12                       0
  2026-01  ██████████           2
  2026-02                       0
  2026-03  █████                1
  2026-04                       0
  2026-05                       0
  2026-06                       0
  2026-07                       0
  2026-08                       0
  2026-09                       0
  2026-10                       0
  2026-11  ████████████████████ 4
`
	if !strings.Contains(stdout, want) {
		t.Errorf("stats drew\n%s\nwant its months as\n%s", stdout, want)
	}
}

// A journal begun within the last twelve months is counted from its first
// month, without empty months from before it began.
func TestStatsByMonthStartsWhenTheJournalBegan(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal.db")
	export := `{"format": "failup.v1", "entries": [{"title": "Missed it", "occurred_on": "2026-09-10"},
		{"title": "Missed it again", "occurred_on": "2026-11-02"}]}`
	if _, stderr, code := cliAt(db, export, "import", "-"); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	stdout, stderr, code := cliAt(db, "", "stats")
	if code != 0 {
		t.Fatalf("stats: %s", stderr)
	}
	want := `By month, September 2026 to November 2026
  2026-09  ████████████████████ 1
  2026-10                       0
  2026-11  ████████████████████ 1
`
	if !strings.Contains(stdout, want) {
		t.Errorf("stats drew\n%s\nwant its months as\n%s", stdout, want)
	}
}
