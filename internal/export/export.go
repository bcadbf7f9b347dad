// Package export writes journal entries out: the failup.v1 JSON document,
// Markdown to read or print, and one Markdown file per entry for
// note-taking apps. It works on plain journal values; choosing the entries
// is the caller's job.
package export

import (
	"time"

	"github.com/failup/failup/internal/journal"
)

// Options describe the document around the entries.
type Options struct {
	// Since and Until are the range the entries were chosen by, shown under
	// the title. An open end shows the entries' own first day, or for Until
	// the later of the last entry's day and Now's.
	Since, Until journal.Date
	// Now is when the export is made.
	Now time.Time
}

// span is the period a document covers, such as "3 January 2026 – 27
// November 2026", or "" when there is nothing to say.
func span(opt Options, first, last journal.Date) string {
	from, to := opt.Since, opt.Until
	if from.IsZero() {
		from = first
	}
	if to.IsZero() {
		to = last
	}
	if opt.Until.IsZero() && !opt.Now.IsZero() {
		to = max(to, journal.DateOf(opt.Now))
	}
	switch {
	case from.IsZero() && to.IsZero():
		return ""
	case from.IsZero():
		return "Up to " + humanDate(to)
	case to.IsZero(), from > to: // a period that starts after today is from its first day
		return "From " + humanDate(from)
	case from == to:
		return humanDate(from)
	}
	return humanDate(from) + " – " + humanDate(to)
}

// humanDate is a day as a person writes it: "14 March 2026". A value that
// is not a date is shown as it is.
func humanDate(d journal.Date) string {
	t, err := time.Parse("2006-01-02", string(d))
	if err != nil {
		return inline(string(d))
	}
	return t.Format("2 January 2006")
}

// humanDay is the day of t in the person's own time zone.
func humanDay(t time.Time) string { return humanDate(journal.DateOf(t.Local())) }
