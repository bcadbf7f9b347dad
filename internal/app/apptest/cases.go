// Package apptest holds the cases every front-end is tested against, so that
// the command line, the line-by-line prompts and the full-screen interface
// are held to one behaviour.
package apptest

import (
	"time"

	"github.com/failup/failup/internal/journal"
)

// Now is the moment the cases are written for: noon UTC on Friday 27
// November 2026.
var Now = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// Today is Now's day.
const Today journal.Date = "2026-11-27"

// Field is where a day is typed.
type Field int

const (
	// Happened is the day of a setback: words resolve back from today.
	Happened Field = iota
	// Due is the day a commitment is asked about: words resolve ahead.
	Due
)

// DayCase is a day as typed into a field, and what failup makes of it:
// Want, or, when it is refused, a phrase of the reason (Refused).
type DayCase struct {
	Field   Field
	Typed   string
	Want    journal.Date
	Refused string
}

// Phrases of the reasons a day is refused.
const (
	Unreadable = "not a date I can read"
	Impossible = "not a day on the calendar"
	NotYet     = "hasn't come yet"
	Passed     = "has passed"
)

// Days are the typed days every front-end must read alike, as of Today.
var Days = []DayCase{
	{Happened, "today", Today, ""},
	{Happened, "yesterday", "2026-11-26", ""},
	{Happened, "3 days ago", "2026-11-24", ""},
	{Happened, "a week ago", "2026-11-20", ""},
	{Happened, "2 weeks ago", "2026-11-13", ""},
	{Happened, "last month", "2026-10-27", ""},
	{Happened, "friday", "2026-11-20", ""},
	{Happened, "Fri", "2026-11-20", ""},
	{Happened, "last friday", "2026-11-20", ""},
	{Happened, "monday", "2026-11-23", ""},
	{Happened, "2026-11-01", "2026-11-01", ""},
	{Happened, "tomorrow", "", NotYet},
	{Happened, "next friday", "", NotYet},
	{Happened, "in 2 days", "", NotYet},
	{Happened, "2026-02-30", "", Unreadable},
	{Happened, "the day before", "", Unreadable},
	{Happened, "26 nov", "2026-11-26", ""},
	{Happened, "Nov 26", "2026-11-26", ""},
	{Happened, "26/11", "2026-11-26", ""},
	{Happened, "11/26", "2026-11-26", ""},
	{Happened, "26th November", "2026-11-26", ""},
	{Happened, "28 nov", "2025-11-28", ""},
	{Happened, "the 28th", "2026-10-28", ""},
	{Happened, "the 27th", Today, ""},
	{Happened, "28th of November, 2025", "2025-11-28", ""},
	{Happened, "3/4", "2026-04-03", ""},
	{Happened, "28 nov 2026", "", NotYet},
	{Happened, "31 feb", "", Impossible},

	{Due, "today", Today, ""},
	{Due, "tomorrow", "2026-11-28", ""},
	{Due, "friday", "2026-12-04", ""},
	{Due, "next friday", "2026-12-04", ""},
	{Due, "monday", "2026-11-30", ""},
	{Due, "in 3 days", "2026-11-30", ""},
	{Due, "in 2 weeks", "2026-12-11", ""},
	{Due, "next week", "2026-12-04", ""},
	{Due, "next month", "2026-12-27", ""},
	{Due, "2026-12-10", "2026-12-10", ""},
	{Due, "yesterday", "", Passed},
	{Due, "last friday", "", Passed},
	{Due, "2026-11-01", "", Passed},
	{Due, "in x days", "", Unreadable},
	{Due, "28 nov", "2026-11-28", ""},
	{Due, "26 nov", "2027-11-26", ""},
	{Due, "the 28th", "2026-11-28", ""},
	{Due, "3/4", "2027-04-03", ""},
	{Due, "26 nov 2026", "", Passed},
	{Due, "31/4", "", Impossible},
}

// TagCase is tags as typed into one line, and the tags saved.
type TagCase struct {
	Typed string
	Want  []string
}

// Tags are typed tag lines every front-end must split alike: by commas,
// trimmed, empty ones and repeats (in any case) dropped.
var Tags = []TagCase{
	{"work", []string{"work"}},
	{"work, launch", []string{"work", "launch"}},
	{" work ,, launch ,", []string{"work", "launch"}},
	{"Work, work, WORK", []string{"Work"}},
	{"deep work, 1:1s", []string{"deep work", "1:1s"}},
	{"", nil},
}
