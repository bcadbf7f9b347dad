package export

import (
	"cmp"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

// Group is a heading in the lessons document, such as a recurring pattern
// or a month, and the entries whose lessons go under it.
type Group struct {
	Label   string
	Entries []journal.Entry
}

// Lessons writes the lessons learned: a title, the period covered, then
// each group with its lessons newest first (a lone group with no label
// under no heading of its own), each with its setback's title,
// day and tags, and the commitment and how it went where there is one.
// An entry's lesson is its Lesson, or else its "do differently" answer;
// entries with neither are left out.
func Lessons(w io.Writer, groups []Group, opt Options) error {
	p := newPage(w)
	p.heading(1, "Lessons learned")
	var all []journal.Entry
	for _, g := range groups {
		all = append(all, g.Entries...)
	}
	about := AboutEntries(all)
	p.note(span(opt, about.First, about.Last))
	written := false
	for _, g := range groups {
		entries := withLessons(g.Entries)
		if len(entries) == 0 {
			continue
		}
		written = true
		if len(groups) > 1 || inline(g.Label) != "" {
			p.heading(2, cmp.Or(inline(g.Label), insight.OtherLessons))
		}
		for _, e := range entries {
			p.heading(3, title(e))
			p.note(humanDate(e.OccurredOn), tagList(e.Tags))
			p.add(block(e.LessonOrDifferently()))
			p.add(followup(e.Followup))
		}
	}
	if !written {
		p.add(nothingYet)
	}
	return p.flush()
}

// withLessons is the entries that have a lesson, newest first.
func withLessons(entries []journal.Entry) []journal.Entry {
	var kept []journal.Entry
	for _, e := range entries {
		if block(e.LessonOrDifferently()) != "" {
			kept = append(kept, e)
		}
	}
	slices.SortStableFunc(kept, func(a, b journal.Entry) int {
		return strings.Compare(string(b.OccurredOn), string(a.OccurredOn))
	})
	return kept
}

// ByMonth groups entries by the month they happened in, newest month first,
// keeping their order within a month. It is the grouping to use until there
// are recurring patterns to group by.
func ByMonth(entries []journal.Entry) []Group {
	sorted := slices.Clone(entries)
	slices.SortStableFunc(sorted, func(a, b journal.Entry) int {
		return strings.Compare(monthKey(b.OccurredOn), monthKey(a.OccurredOn))
	})
	var groups []Group
	for _, e := range sorted {
		label := monthLabel(monthKey(e.OccurredOn))
		if n := len(groups); n > 0 && groups[n-1].Label == label {
			groups[n-1].Entries = append(groups[n-1].Entries, e)
		} else {
			groups = append(groups, Group{Label: label, Entries: []journal.Entry{e}})
		}
	}
	return groups
}

// monthKey is "2026-03" for a day in March 2026, or "" for what is not a date.
func monthKey(d journal.Date) string {
	if _, err := journal.ParseDate(string(d)); err != nil {
		return ""
	}
	return string(d[:7])
}

func monthLabel(key string) string {
	t, err := time.Parse("2006-01", key)
	if err != nil {
		return "Undated"
	}
	return t.Format("January 2006")
}
