package journal

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar day written YYYY-MM-DD. Its zero value means "no date".
// Dates in that form sort correctly as strings, which the store relies on.
type Date string

const dateLayout = "2006-01-02"

// ParseDate accepts only real days in YYYY-MM-DD form: 2026-02-30 is an error.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return "", fmt.Errorf("%q is not a date; use YYYY-MM-DD, like %s", s, Today())
	}
	if t.Year() < 1 {
		return "", fmt.Errorf("%q is not a date: there was no year 0; use YYYY-MM-DD, like %s", s, Today())
	}
	return Date(t.Format(dateLayout)), nil
}

// Today is the local calendar day: a setback happens in the person's own day.
func Today() Date { return DateOf(time.Now()) }

// DateOf is the calendar day of t in t's location.
func DateOf(t time.Time) Date { return Date(t.Format(dateLayout)) }

// Time is midnight UTC at the start of d.
func (d Date) Time() time.Time {
	t, _ := time.Parse(dateLayout, string(d))
	return t
}

// AddDays returns the date n days after d (before, for negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// DaysUntil counts whole days from d to other (negative when other is earlier).
func (d Date) DaysUntil(other Date) int {
	return int(other.Time().Sub(d.Time()).Hours() / 24)
}

func (d Date) String() string { return string(d) }

func (d Date) IsZero() bool { return d == "" }

func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a date must be a string like %q", Today())
	}
	if s == "" {
		*d = ""
		return nil
	}
	parsed, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

// MarshalJSON writes the zero Date as null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(d))
}
