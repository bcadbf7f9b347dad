package export

import (
	"cmp"
	"io"
	"iter"
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
	plan, entries := planLessons(groups)
	return writeLessons(w, plan, func(g int) iter.Seq2[journal.Entry, error] {
		return func(yield func(journal.Entry, error) bool) {
			for _, e := range entries[g] {
				if !yield(e, nil) {
					return
				}
			}
		}
	}, opt)
}

// A LessonPlan is the lessons page laid out before it is written: the
// period its heading names, and each group's heading and the ids of its
// entries, in the order they are written. Kept, it lets the page be written
// as its entries are read, a few at a time.
type LessonPlan struct {
	First, Last journal.Date
	Groups      []PlannedGroup
}

// PlannedGroup is a group of a LessonPlan. Heading is "" for a lone group
// with no label, which has no heading of its own.
type PlannedGroup struct {
	Heading string
	IDs     []int64
}

// PlanLessons lays out the lessons page Lessons writes for groups.
func PlanLessons(groups []Group) LessonPlan {
	plan, _ := planLessons(groups)
	return plan
}

// planLessons is PlanLessons, with each planned group's entries.
func planLessons(groups []Group) (LessonPlan, [][]journal.Entry) {
	var plan LessonPlan
	var planned [][]journal.Entry
	for _, g := range groups {
		for _, e := range g.Entries {
			if plan.First.IsZero() || e.OccurredOn < plan.First {
				plan.First = e.OccurredOn
			}
			plan.Last = max(plan.Last, e.OccurredOn)
		}
		entries := withLessons(g.Entries)
		if len(entries) == 0 {
			continue
		}
		pg := PlannedGroup{IDs: make([]int64, len(entries))}
		if len(groups) > 1 || inline(g.Label) != "" {
			pg.Heading = cmp.Or(inline(g.Label), insight.OtherLessons)
		}
		for i, e := range entries {
			pg.IDs[i] = e.ID
		}
		plan.Groups = append(plan.Groups, pg)
		planned = append(planned, entries)
	}
	return plan, planned
}

// LessonsFrom writes the lessons page plan lays out, reading each group's
// entries with read as they are written, so that a whole journal is never
// held in memory. It stops at the first error read yields, and reads no
// further once w has refused what was written (a preview that has all it
// shows, a full disk).
func LessonsFrom(w io.Writer, plan LessonPlan, read func(ids []int64) iter.Seq2[journal.Entry, error], opt Options) error {
	return writeLessons(w, plan, func(g int) iter.Seq2[journal.Entry, error] { return read(plan.Groups[g].IDs) }, opt)
}

// writeLessons writes the lessons page plan lays out, reading the entries
// of its group g with read.
func writeLessons(w io.Writer, plan LessonPlan, read func(g int) iter.Seq2[journal.Entry, error], opt Options) error {
	p := newPage(w)
	p.heading(1, "Lessons learned")
	p.note(span(opt, plan.First, plan.Last))
	written := false
	for i, g := range plan.Groups {
		headed := false
		for e, err := range read(i) {
			if err != nil {
				return err
			}
			if block(e.LessonOrDifferently()) == "" {
				continue
			}
			if !headed && g.Heading != "" {
				p.heading(2, g.Heading)
			}
			headed, written = true, true
			p.heading(3, title(e))
			p.note(humanDate(e.OccurredOn), tagList(e.Tags))
			p.add(block(e.LessonOrDifferently()))
			p.add(followup(e.Followup))
			if err := p.err(); err != nil {
				return err
			}
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
