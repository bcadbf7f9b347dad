package strftime

import (
	"strings"
	"testing"
	"time"
)

func TestLayout(t *testing.T) {
	at := time.Date(2024, 3, 9, 21, 5, 7, 0, time.UTC)
	for format, want := range map[string]string{
		"%Y-%m-%d %H:%M":     "2024-03-09 21:05",
		"%F %r":              "2024-03-09 09:05:07 PM",
		"%d %B %Y, %I:%M %p": "09 March 2024, 09:05 PM",
		"%a %e %b":           "Sat  9 Mar",
		"%%%Y":               "%2024",
	} {
		layout, err := Layout(format)
		if err != nil {
			t.Fatalf("%q: %v", format, err)
		}
		if got := at.Format(layout); got != want {
			t.Errorf("%q wrote %q, want %q", format, got, want)
		}
		if back, err := time.Parse(layout, want); strings.Contains(format, "%Y") && (err != nil || back.Format(layout) != want) {
			t.Errorf("%q does not read back %q: %v", format, want, err)
		}
	}
	for format, want := range map[string]string{"%Q": "uses %Q", "%Y%": "ends with a lone %", "%d of 1 %B": "take as part of a date", "Mon %d": "take as part"} {
		if _, err := Layout(format); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", format, err, want)
		}
	}
}

func TestMonthFirst(t *testing.T) {
	for format, want := range map[string]bool{
		"%m/%d/%Y": true, "%b %d, %Y": true, "%A, %B %e": true, "%D": true, "%%d %m/%d": true,
		"%d/%m/%Y": false, "%d %B %Y": false, "%a %e %b": false, "%Y-%m-%d": false, "%F": false, "%y/%m/%d": false, "%H:%M": false,
	} {
		if got := MonthFirst(format); got != want {
			t.Errorf("MonthFirst(%q) = %v, want %v", format, got, want)
		}
	}
}
