package journal_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/failup/failup/internal/app/apptest"
	"github.com/failup/failup/internal/journal"
)

// TestDaysAsTyped reads every shared case the way a front-end does: the
// parser in the field's direction, then the field's rule.
func TestDaysAsTyped(t *testing.T) {
	for _, c := range apptest.Days {
		var d journal.Date
		var err error
		if c.Field == apptest.Happened {
			if d, err = journal.ParseDay(c.Typed, apptest.Today, journal.DayFirst); err == nil {
				err = journal.CheckHappened(d, apptest.Today)
			}
		} else {
			if d, err = journal.ParseDueDay(c.Typed, apptest.Today, journal.DayFirst); err == nil {
				err = journal.CheckDue(d, apptest.Today)
			}
		}
		switch {
		case c.Refused == "" && (err != nil || d != c.Want):
			t.Errorf("%v %q = %q, %v; want %q", c.Field, c.Typed, d, err, c.Want)
		case c.Refused != "" && (err == nil || !strings.Contains(err.Error(), c.Refused)):
			t.Errorf("%v %q = %q, %v; want refused as %q", c.Field, c.Typed, d, err, c.Refused)
		}
	}
}

func TestResolveDay(t *testing.T) {
	const friday = journal.Date("2026-11-27")
	for _, c := range []struct {
		typed string
		dir   journal.Direction
		today journal.Date
		want  journal.Date
	}{
		{"", journal.Back, friday, friday},
		{"  Yesterday ", journal.Ahead, friday, "2026-11-26"},
		{"in 10 days", journal.Back, friday, "2026-12-07"},
		{"1 day ago", journal.Ahead, friday, "2026-11-26"},
		{"friday", journal.Back, friday, "2026-11-20"},
		{"friday", journal.Ahead, friday, "2026-12-04"},
		{"sat", journal.Back, friday, "2026-11-21"},
		{"sat", journal.Ahead, friday, "2026-11-28"},
		{"last tuesday", journal.Ahead, friday, "2026-11-24"},
		{"next tuesday", journal.Back, friday, "2026-12-01"},
		{"three weeks ago", journal.Back, friday, "2026-11-06"},
		{"in a month", journal.Ahead, "2026-01-31", "2026-02-28"},
		{"last month", journal.Back, "2026-03-31", "2026-02-28"},
		{"in 1 year", journal.Ahead, "2028-02-29", "2029-02-28"},
		{"last year", journal.Back, friday, "2025-11-27"},
		{"2026-02-01", journal.Ahead, friday, "2026-02-01"},
	} {
		if got, err := journal.ResolveDay(c.typed, c.today, c.dir, journal.DayFirst); err != nil || got != c.want {
			t.Errorf("ResolveDay(%q, %s, %v) = %q, %v; want %q", c.typed, c.today, c.dir, got, err, c.want)
		}
	}
	for _, bad := range []string{"blah", "-3 days ago", "+3 days ago", "in -2 days", "2026-02-30", "in x days", "last", "next fortnight", "3 days"} {
		if d, err := journal.ResolveDay(bad, friday, journal.Back, journal.DayFirst); err == nil {
			t.Errorf("ResolveDay(%q) = %q, accepted", bad, d)
		}
	}
}

func TestSplitTags(t *testing.T) {
	for _, c := range apptest.Tags {
		if got := journal.SplitTags(c.Typed); !reflect.DeepEqual(got, c.Want) {
			t.Errorf("SplitTags(%q) = %q, want %q", c.Typed, got, c.Want)
		}
	}
}

// TestCalendarDays reads days of the month as people write them, each as of
// a fixed today.
func TestCalendarDays(t *testing.T) {
	const (
		back, ahead = journal.Back, journal.Ahead
		dayFirst    = journal.DayFirst
		monthFirst  = journal.MonthFirst
	)
	for _, c := range []struct {
		typed string
		dir   journal.Direction
		order journal.Order
		today journal.Date
		want  journal.Date
	}{
		// The forms the pharmacist typed, on 1 December 2026.
		{"28 nov", back, dayFirst, "2026-12-01", "2026-11-28"},
		{"Nov 28", back, dayFirst, "2026-12-01", "2026-11-28"},
		{"28/11", back, dayFirst, "2026-12-01", "2026-11-28"},
		{"28th November", back, dayFirst, "2026-12-01", "2026-11-28"},
		{"the 28th", back, dayFirst, "2026-12-01", "2026-11-28"},
		// Either order, the words around, a year of 2 or 4 digits.
		{"November 28th, 2025", back, dayFirst, "2026-12-01", "2025-11-28"},
		{"the 28th of November", back, dayFirst, "2026-12-01", "2026-11-28"},
		{"1st Dec", back, dayFirst, "2026-12-01", "2026-12-01"},
		{"2nd sept", back, dayFirst, "2026-12-01", "2026-09-02"},
		{"23rd oct.", back, dayFirst, "2026-12-01", "2026-10-23"},
		{"3 March 24", back, dayFirst, "2026-12-01", "2024-03-03"},
		{"28 nov 2030", back, dayFirst, "2026-12-01", "2030-11-28"},
		{"28th", back, dayFirst, "2026-12-01", "2026-11-28"},
		// Numbers: only one reading, or the order's.
		{"11/28", back, dayFirst, "2026-12-01", "2026-11-28"},
		{"28/11", back, monthFirst, "2026-12-01", "2026-11-28"},
		{"3/4", back, dayFirst, "2026-12-01", "2026-04-03"},
		{"3/4", back, monthFirst, "2026-12-01", "2026-03-04"},
		{"03/04/2025", back, monthFirst, "2026-12-01", "2025-03-04"},
		{"28.11.26", back, dayFirst, "2026-12-01", "2026-11-28"},
		{"28-11", back, dayFirst, "2026-12-01", "2026-11-28"},
		// The year turning: 28 December typed on 2 January is last year's.
		{"28 dec", back, dayFirst, "2027-01-02", "2026-12-28"},
		{"28/12", back, dayFirst, "2027-01-02", "2026-12-28"},
		{"the 28th", back, dayFirst, "2027-01-02", "2026-12-28"},
		{"2 jan", ahead, dayFirst, "2026-12-28", "2027-01-02"},
		{"the 2nd", ahead, dayFirst, "2026-12-28", "2027-01-02"},
		// Today is a day not in the future, and not past.
		{"28 nov", back, dayFirst, "2026-11-28", "2026-11-28"},
		{"28 nov", ahead, dayFirst, "2026-11-28", "2026-11-28"},
		{"the 28th", back, dayFirst, "2026-11-28", "2026-11-28"},
		// Leap days: the latest 29 February, and months too short skipped.
		{"29 feb", back, dayFirst, "2026-12-01", "2024-02-29"},
		{"29 feb", back, dayFirst, "2028-03-01", "2028-02-29"},
		{"29 feb", ahead, dayFirst, "2026-12-01", "2028-02-29"},
		{"29/2/28", back, dayFirst, "2026-12-01", "2028-02-29"},
		{"the 31st", back, dayFirst, "2026-03-15", "2026-01-31"},
		{"the 30th", back, dayFirst, "2026-03-15", "2026-01-30"},
		{"the 31st", ahead, dayFirst, "2026-04-01", "2026-05-31"},
		// After its weekday, as failup writes a day back, or a weekday cut short.
		{"Saturday 28 November", back, dayFirst, "2026-12-01", "2026-11-28"},
		{"Sat, 28/11/2026", back, dayFirst, "2026-12-01", "2026-11-28"},
		{"Friday the 28th of November, 2025", back, dayFirst, "2026-12-01", "2025-11-28"},
		{"tues", back, dayFirst, "2026-12-02", "2026-12-01"},
		{"last thurs", back, dayFirst, "2026-12-02", "2026-11-26"},
		{"weds", ahead, dayFirst, "2026-12-01", "2026-12-02"},
	} {
		if got, err := journal.ResolveDay(c.typed, c.today, c.dir, c.order); err != nil || got != c.want {
			t.Errorf("ResolveDay(%q, %s, %v, %v) = %q, %v; want %q", c.typed, c.today, c.dir, c.order, got, err, c.want)
		}
	}
	for _, c := range []struct{ typed, want string }{
		{"31 feb", `"31 feb" is not a day on the calendar; February has 29 days at most`},
		{"30/2", `"30/2" is not a day on the calendar; February has 29 days at most`},
		{"31st April", `"31st April" is not a day on the calendar; April has 30 days at most`},
		{"29 feb 2026", `"29 feb 2026" is not a day on the calendar; February 2026 has 28 days`},
		{"29/02/2027", `"29/02/2027" is not a day on the calendar; February 2027 has 28 days`},
		{"32 jan", `"32 jan" is not a date I can read; use YYYY-MM-DD or words like "yesterday", "last friday" or "28 nov"`},
		{"28", `"28" is not a date I can read; use YYYY-MM-DD or words like "yesterday", "last friday" or "28 nov"`},
		{"13/13", `"13/13" is not a date I can read; use YYYY-MM-DD or words like "yesterday", "last friday" or "28 nov"`},
		{"Friday 28 November", `"Friday 28 November" does not add up: 28 November 2026 is a Saturday`},
	} {
		if d, err := journal.ParseDay(c.typed, "2026-12-01", journal.DayFirst); err == nil || err.Error() != c.want {
			t.Errorf("ParseDay(%q) = %q, %v; want %s", c.typed, d, err, c.want)
		}
	}
	for _, bad := range []string{"the", "nov", "nov 2026", "28 nov 202", "28 nov 2026 x", "0 nov", "the 0th", "the 32nd",
		"28//11", "/28/11", "28/11/", "0/11", "28/0", "+3/4", "-3/4", "3/4/-26", "123/4", "28 novx", "the 28 nov 26 x"} {
		if d, err := journal.ParseDay(bad, "2026-12-01", journal.DayFirst); err == nil {
			t.Errorf("ParseDay(%q) = %q, accepted", bad, d)
		}
	}
}
