package insight

import (
	"slices"
	"testing"

	"github.com/failup/failup/internal/journal"
)

func TestTrend(t *testing.T) {
	w := trendWindow{recent: 10, earlier: 30}
	tests := []struct {
		recent, earlier int
		want            Trend
	}{
		{5, 3, TrendRising},
		{3, 3, TrendRising},
		{1, 0, TrendSteady},
		{2, 0, TrendRising},
		{2, 6, TrendSteady},
		{1, 9, TrendFading},
		{0, 2, TrendFading},
		{0, 1, TrendSteady},
	}
	for _, tt := range tests {
		if got := w.trend(tt.recent, tt.earlier); got != tt.want {
			t.Errorf("trend(%d recent of 10, %d earlier of 30) = %s; want %s", tt.recent, tt.earlier, got, tt.want)
		}
	}
	if got := (trendWindow{recent: 4}).trend(4, 0); got != TrendSteady {
		t.Errorf("a journal with nothing before the window gave %s; want steady", got)
	}
}

func TestTrendWindowCountsShares(t *testing.T) {
	entries := []journal.Entry{{OccurredOn: "2025-01-10"}, {OccurredOn: "2026-01-01"}, {OccurredOn: "2026-06-30"}}
	w := newTrendWindow(entries, "2026-07-01")
	if w.recent != 2 || w.earlier != 1 {
		t.Errorf("window has %d recent and %d earlier; want 2 and 1", w.recent, w.earlier)
	}
}

func TestMonthsEnding(t *testing.T) {
	got := monthsEnding("2026-01-31", 3)
	if want := []string{"2025-11", "2025-12", "2026-01"}; !slices.Equal(got, want) {
		t.Errorf("monthsEnding = %v; want %v", got, want)
	}
}
