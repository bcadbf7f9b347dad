package cli

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/growth"
	"github.com/failup/failup/internal/journal"
)

// TestStatsByMonthIsTheLastTwelveMonths draws the twelve calendar months up
// to today's (apptest.Now, November 2026), as the growth screen does: a
// month without setbacks is an empty row, a busier month before them is left
// out and does not set the bars' scale, and the heading says the chart is of
// the last twelve months, so that the months before are not taken as lost.
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
	want := `By month, the last twelve months: December 2025 to November 2026
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

// A figure from one or two values says what it is from; from three or more
// it is an average, or what is typical.
func TestStatsSayHowFewAFigureIsFrom(t *testing.T) {
	bins := func(values ...int) []journal.Bin {
		var b []journal.Bin
		for _, v := range values {
			b = append(b, journal.Bin{Value: v, N: 1})
		}
		return b
	}
	for _, c := range []struct {
		name           string
		confidence     []journal.Bin
		after, change  []journal.Bin
		days           []journal.Bin
		want, notWants []string
	}{
		{"one", bins(4), bins(3), bins(-1), bins(0), []string{
			"  4 out of 10 when reflecting (from one rating); 3 at the check-in (from one rating).",
			"  On the one commitment where you rated both, it moved by -1.",
			"  You tried again once so far, the same day as the setback.",
			"  Of the 2 commitments you have checked in on, you tried again on 1.",
		}, []string{"average", "Typically", "%"}},
		{"one, no change", bins(4), bins(4), bins(0), bins(14), []string{
			"  On the one commitment where you rated both, it stayed the same.",
			"  You tried again once so far, 14 days after the setback.",
		}, []string{"average", "Typically", "+0"}},
		{"two", bins(4, 5), bins(3, 8), bins(-1, 3), bins(2, 4), []string{
			"  4.5 out of 10 when reflecting (from two ratings); 5.5 at the check-in (from two ratings).",
			"  On the two commitments where you rated both, it moved by +1.0 on average.",
			"  You tried again twice so far, 3 days after the setback on average.",
		}, []string{"Typically"}},
		{"two the same day", bins(4, 5), nil, nil, bins(0, 0), []string{
			"  You tried again twice so far, both times the same day as the setback.",
		}, []string{"Typically"}},
		{"three", bins(4, 5, 6), bins(3, 8, 7), bins(-1, 3, 1), bins(2, 4, 9), []string{
			"  5.0 out of 10 when reflecting; 6.0 at the check-in.",
			"  Where you rated both (3 commitments), it moved by +1.0 on average.",
			"  Typically 4 days from a setback to trying again.",
			"  Of the 4 commitments you have checked in on, you tried again on 3 (75%).",
		}, []string{"from one", "from two", "so far"}},
	} {
		st := growth.Summarize(journal.Tallies{FirstOn: "2026-01-05", LastOn: "2026-01-05",
			Months: []journal.Tally{{Key: "2026-01", N: 3}}, TriedAgain: len(c.days), NotTried: 1,
			Confidence: c.confidence, ConfidenceAfter: c.after, ConfidenceChange: c.change, DaysToTryAgain: c.days})
		var b strings.Builder
		writeStats(&b, st, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), 0)
		out := b.String()
		for _, want := range c.want {
			if !strings.Contains(out, want+"\n") {
				t.Errorf("%s: stats have no line %q:\n%s", c.name, want, out)
			}
		}
		for _, not := range c.notWants {
			if strings.Contains(out, not) {
				t.Errorf("%s: stats say %q:\n%s", c.name, not, out)
			}
		}
	}
}

// A theme's count is not put in brackets: a label may end in its own
// ("Lupe (my wife)"), and "Lupe (my wife) (21)" reads as a stutter.
func TestStatsThemeCountsAreNotBracketed(t *testing.T) {
	st := growth.Summarize(journal.Tallies{FirstOn: "2026-01-05", LastOn: "2026-01-05", Months: []journal.Tally{{Key: "2026-01", N: 3}}})
	st.Patterns = []growth.PatternCount{{Label: "Lupe (my wife)", Count: 21}, {Label: "store", Count: 14}}
	var b strings.Builder
	writeStats(&b, st, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), 80)
	out := b.String()
	for _, want := range []string{"  Lupe (my wife), in 21 entries\n", "  store, in 14 entries\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("stats have no line %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, ") (") {
		t.Errorf("stats put a count in brackets after a bracket:\n%s", out)
	}
}

// The commitments not tried again are counted without the kinds none are,
// those still to come first and "not this time" last; when every one was
// tried again, the line is left out.
func TestStatsLeaveOutWhatNoCommitmentIs(t *testing.T) {
	for _, c := range []struct {
		name      string
		tallies   journal.Tallies
		want, not string
	}{
		{"one coming up", journal.Tallies{Upcoming: 1}, "  1 coming up\n", "0 "},
		{"all kinds", journal.Tallies{NotTried: 2, SetAside: 1, Waiting: 3, Upcoming: 1},
			"  1 coming up · 3 waiting to hear how it went · 1 set aside · 2 not this time\n", "0 "},
		{"all tried again", journal.Tallies{TriedAgain: 2, DaysToTryAgain: []journal.Bin{{Value: 3, N: 2}}},
			"  Of the 2 commitments you have checked in on, you tried again on 2.\n", " · "},
	} {
		c.tallies.FirstOn, c.tallies.LastOn = "2026-01-05", "2026-01-05"
		c.tallies.Months = []journal.Tally{{Key: "2026-01", N: 3}}
		var b strings.Builder
		writeStats(&b, growth.Summarize(c.tallies), time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), 80)
		_, trying, _ := strings.Cut(b.String(), "Trying again\n")
		trying, _, _ = strings.Cut(trying, "\n\n")
		if !strings.Contains(trying+"\n", c.want) {
			t.Errorf("%s: trying again reads\n%s\nwant a line %q", c.name, trying, c.want)
		}
		if strings.Contains(trying, c.not) {
			t.Errorf("%s: trying again says %q:\n%s", c.name, c.not, trying)
		}
	}
}
