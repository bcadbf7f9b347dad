package insight

import "github.com/failup/failup/internal/journal"

const (
	// recentDays is the window "lately" means when judging a trend.
	recentDays = 182
	// monthsShown is how many months Theme.Monthly counts.
	monthsShown = 12
)

// trendWindow knows how many entries fall in the recent window and before
// it, so that a theme's share of each can be compared: a quiet month is not
// a fading pattern, only a smaller share of what was written is.
type trendWindow struct {
	since           journal.Date
	recent, earlier int
}

func newTrendWindow(entries []journal.Entry, today journal.Date) trendWindow {
	w := trendWindow{since: today.AddDays(-recentDays)}
	for i := range entries {
		e := &entries[i]
		if w.isRecent(e.OccurredOn) {
			w.recent++
		} else {
			w.earlier++
		}
	}
	return w
}

func (w trendWindow) isRecent(d journal.Date) bool { return d > w.since }

// trend compares a theme's share of recent entries with its share of earlier
// ones: half as much again is rising, half as much is fading.
func (w trendWindow) trend(recent, earlier int) Trend {
	if w.recent == 0 || w.earlier == 0 {
		return TrendSteady
	}
	nowShare := float64(recent) / float64(w.recent)
	beforeShare := float64(earlier) / float64(w.earlier)
	switch {
	case recent >= 2 && nowShare >= 1.5*beforeShare:
		return TrendRising
	case earlier >= 2 && nowShare <= 0.5*beforeShare:
		return TrendFading
	}
	return TrendSteady
}

// monthsEnding lists n months, oldest first, ending with today's month.
func monthsEnding(today journal.Date, n int) []string {
	if today.IsZero() {
		return nil
	}
	t := today.Time()
	first := t.AddDate(0, 1-n, 1-t.Day())
	months := make([]string, n)
	for i := range months {
		months[i] = first.AddDate(0, i, 0).Format("2006-01")
	}
	return months
}

func monthOf(d journal.Date) string {
	if len(d) < 7 {
		return ""
	}
	return string(d)[:7]
}
