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
			if d, err = journal.ParseDay(c.Typed, apptest.Today); err == nil {
				err = journal.CheckHappened(d, apptest.Today)
			}
		} else {
			if d, err = journal.ParseDueDay(c.Typed, apptest.Today); err == nil {
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
		if got, err := journal.ResolveDay(c.typed, c.today, c.dir); err != nil || got != c.want {
			t.Errorf("ResolveDay(%q, %s, %v) = %q, %v; want %q", c.typed, c.today, c.dir, got, err, c.want)
		}
	}
	for _, bad := range []string{"blah", "-3 days ago", "+3 days ago", "in -2 days", "2026-02-30", "in x days", "last", "next fortnight", "3 days"} {
		if d, err := journal.ResolveDay(bad, friday, journal.Back); err == nil {
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
