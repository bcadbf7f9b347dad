// Package chart draws small text charts: bars, sparklines and a calendar heat
// map, in characters that read well with or without colour.
package chart

import (
	"strings"
	"time"
)

// Bar is a horizontal bar of value out of top, at most width cells long; any
// value above zero shows at least a sliver.
func Bar(value, top float64, width int) string {
	if top <= 0 || value <= 0 || width <= 0 {
		return ""
	}
	eighths := int(value / top * float64(width*8))
	eighths = max(min(eighths, width*8), 1)
	partial := []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}
	return strings.Repeat("█", eighths/8) + partial[eighths%8]
}

var levels = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws values as a row of block heights on a scale up to top
// (the largest value when top is 0); zero is a blank.
func Sparkline(values []int, top int) string {
	if top <= 0 {
		for _, v := range values {
			top = max(top, v)
		}
	}
	out := make([]rune, len(values))
	for i, v := range values {
		switch {
		case top == 0 || v <= 0:
			out[i] = ' '
		default:
			out[i] = levels[max(min((v*len(levels)-1)/top, len(levels)-1), 0)]
		}
	}
	return string(out)
}

// Shade is one of five characters for a count, from none to the busiest:
// the cells of a heat map.
func Shade(count, top int) string {
	shades := []string{"·", "░", "▒", "▓", "█"}
	if count <= 0 || top <= 0 {
		return shades[0]
	}
	return shades[1+min((count-1)*4/top, 3)]
}

// Calendar draws a heat map of days: seven rows, a week from first (Monday
// to Sunday when first is Monday), and one column per week, the last column
// holding the week of end. count gives the count for a day (midnight UTC);
// days after end are blank.
func Calendar(count func(day time.Time) int, end time.Time, weeks int, first time.Weekday) []string {
	end = time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, time.UTC)
	weekBegan := end.AddDate(0, 0, -((int(end.Weekday()) - int(first) + 7) % 7))
	start := weekBegan.AddDate(0, 0, -7*(weeks-1))
	top := 0
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		top = max(top, count(d))
	}
	rows := make([]string, 7)
	for w := range weeks {
		for wd := range 7 {
			d := start.AddDate(0, 0, 7*w+wd)
			if d.After(end) {
				rows[wd] += " "
				continue
			}
			rows[wd] += Shade(count(d), top)
		}
	}
	return rows
}

// CalendarMonths is the line of month names that goes above Calendar's rows
// for the same end, weeks and first day: each name starts over the first week that
// begins in its month, and a name that would run into the next is left out.
func CalendarMonths(end time.Time, weeks int, first time.Weekday) string {
	end = time.Date(end.Year(), end.Month(), end.Day(), 0, 0, 0, 0, time.UTC)
	weekBegan := end.AddDate(0, 0, -((int(end.Weekday()) - int(first) + 7) % 7))
	start := weekBegan.AddDate(0, 0, -7*(weeks-1))
	line := []rune(strings.Repeat(" ", weeks))
	free := 0 // the first column a name may start at
	for w := range weeks {
		d := start.AddDate(0, 0, 7*w)
		if w > 0 && d.Month() == d.AddDate(0, 0, -7).Month() {
			continue
		}
		name := []rune(d.Format("Jan"))
		if w == 0 && d.Day() > 7 {
			continue // the first column holds the end of a month named off the chart
		}
		if w < free || w+len(name) > weeks {
			continue
		}
		copy(line[w:], name)
		free = w + len(name) + 1
	}
	return strings.TrimRight(string(line), " ")
}
