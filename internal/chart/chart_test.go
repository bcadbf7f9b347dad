package chart

import (
	"testing"
	"time"
)

func TestBar(t *testing.T) {
	cases := []struct {
		v, top float64
		w      int
		want   string
	}{
		{10, 10, 4, "████"},
		{5, 10, 4, "██"},
		{1, 100, 4, "▏"},
		{0, 10, 4, ""},
		{3, 8, 1, "▍"},
		{20, 10, 3, "███"},
	}
	for _, c := range cases {
		if got := Bar(c.v, c.top, c.w); got != c.want {
			t.Errorf("Bar(%v, %v, %d) = %q, want %q", c.v, c.top, c.w, got, c.want)
		}
	}
}

func TestSparkline(t *testing.T) {
	if got := Sparkline([]int{0, 1, 2, 4, 8}, 0); got != " ▁▂▄█" {
		t.Errorf("Sparkline = %q", got)
	}
	if got := Sparkline([]int{1, 5, 10}, 10); got != "▁▄█" {
		t.Errorf("Sparkline on a scale of ten = %q", got)
	}
	if got := Sparkline([]int{0, 0}, 0); got != "  " {
		t.Errorf("all zero = %q", got)
	}
}

func TestShade(t *testing.T) {
	got := ""
	for _, n := range []int{0, 1, 3, 5, 8} {
		got += Shade(n, 8)
	}
	if got != "·░▒▓█" {
		t.Errorf("shades = %q", got)
	}
}

func TestCalendar(t *testing.T) {
	end := time.Date(2026, 3, 18, 0, 0, 0, 0, time.UTC) // a Wednesday
	counts := map[string]int{"2026-03-16": 1, "2026-03-18": 4, "2026-03-09": 2}
	rows := Calendar(func(d time.Time) int { return counts[d.Format("2006-01-02")] }, end, 3, time.Monday)
	want := []string{
		"·▒░", // Mondays: 2 Mar, 9 Mar (2 of 4), 16 Mar (1 of 4)
		"···",
		"··█", // Wednesday 18 March, the busiest
		"·· ", // Thursday 19 March is after the end
		"·· ",
		"·· ",
		"·· ",
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
	rows = Calendar(func(d time.Time) int { return counts[d.Format("2006-01-02")] }, end, 3, time.Sunday)
	want = []string{
		"···", // Sundays: 1, 8 and 15 March
		"·▒░", // Mondays
		"···",
		"··█", // Wednesday 18 March
		"·· ",
		"·· ",
		"·· ",
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("from Sunday: row %d = %q, want %q", i, rows[i], want[i])
		}
	}
}

func TestCalendarMonths(t *testing.T) {
	end := time.Date(2026, 3, 18, 0, 0, 0, 0, time.UTC)
	// Ten weeks from the week of 12 January: February's first Monday is in
	// column 3, March's in column 7; January began before the chart.
	if got := CalendarMonths(end, 10, time.Monday); got != "   Feb Mar" {
		t.Errorf("ten weeks: %q", got)
	}
	// A name that would run past the last column is left out.
	if got := CalendarMonths(time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC), 9, time.Monday); got != "   Feb" {
		t.Errorf("nine weeks: %q", got)
	}
	// The first column is named when its Monday is its month's first.
	if got := CalendarMonths(time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC), 8, time.Monday); got != "Jan Feb" {
		t.Errorf("from 5 January: %q", got)
	}
}
