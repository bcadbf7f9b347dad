package export

import (
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

// PlannedGroup is a group of a LessonPlan. Heading is its heading as
// written, not yet Markdown: "" for a lone group with no label, which has no
// heading of its own. Days are the days of the entries IDs names, newest
// first.
type PlannedGroup struct {
	Heading string
	IDs     []int64
	Days    []journal.Date
}

// planLessons lays out the lessons page for groups, with each planned
// group's entries.
func planLessons(groups []Group) (LessonPlan, [][]journal.Entry) {
	var plan LessonPlan
	var planned [][]journal.Entry
	for _, g := range groups {
		for _, e := range g.Entries {
			plan.widen(e.OccurredOn)
		}
		entries := withLessons(g.Entries)
		if len(entries) == 0 {
			continue
		}
		pg := PlannedGroup{Heading: heading(g.Label, len(groups))}
		for _, e := range entries {
			pg.add(e.ID, e.OccurredOn)
		}
		plan.Groups = append(plan.Groups, pg)
		planned = append(planned, entries)
	}
	return plan, planned
}

// heading is the heading of a group labelled label among n groups.
func heading(label string, n int) string {
	switch {
	case inline(label) != "":
		return label
	case n > 1:
		return insight.OtherLessons
	}
	return ""
}

func (p *LessonPlan) widen(day journal.Date) {
	if p.First.IsZero() || day < p.First {
		p.First = day
	}
	p.Last = max(p.Last, day)
}

func (g *PlannedGroup) add(id int64, day journal.Date) {
	g.IDs = append(g.IDs, id)
	g.Days = append(g.Days, day)
}

// LessonReading is what laying out the lessons page keeps of entries'
// lessons: read before the themes are known, so that reading them can go on
// while the themes are found.
type LessonReading struct {
	placer  *insight.LessonPlacer
	lessons []readLesson
	plan    LessonPlan
}

type readLesson struct {
	id    int64
	day   journal.Date
	shown bool
}

// ReadLessons reads the lessons of entries, newest first, for Plan. It keeps
// of each entry only what placing its lesson needs, so a whole journal can
// be read through it.
func ReadLessons(entries iter.Seq2[journal.Entry, error]) (*LessonReading, error) {
	r := &LessonReading{placer: insight.NewLessonPlacer()}
	for e, err := range entries {
		if err != nil {
			return nil, err
		}
		l, ok := insight.LessonOf(e)
		if !ok {
			continue
		}
		r.placer.Add(l)
		r.lessons = append(r.lessons, readLesson{e.ID, e.OccurredOn, block(l.Text()) != ""})
		r.plan.widen(e.OccurredOn)
	}
	return r, nil
}

// Plan lays out the lessons page by the recurring patterns themes (a
// report's, in its order), as Lessons writes the groups of
// insight.LessonsByTheme.
func (r *LessonReading) Plan(themes []insight.Theme) LessonPlan {
	ids := make([][]int64, len(themes))
	for t, th := range themes {
		ids[t] = th.Entries
	}
	placed := r.placer.Place(ids)
	n := 0
	for _, at := range placed {
		if len(at) > 0 {
			n++
		}
	}
	plan := r.plan
	for t, at := range placed {
		label := insight.OtherLessons
		if t < len(themes) {
			label = themes[t].Label
		} else if n == 1 {
			label = ""
		}
		pg := PlannedGroup{Heading: heading(label, n)}
		for _, i := range at {
			if l := r.lessons[i]; l.shown {
				pg.add(l.id, l.day)
			}
		}
		if len(pg.IDs) > 0 {
			sortNewestFirst(&pg)
			plan.Groups = append(plan.Groups, pg)
		}
	}
	return plan
}

// sortNewestFirst orders g's entries by day, newest first, keeping the order
// of those of one day.
func sortNewestFirst(g *PlannedGroup) {
	order := make([]int, len(g.IDs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(string(g.Days[b]), string(g.Days[a])) })
	ids, days := slices.Clone(g.IDs), slices.Clone(g.Days)
	for i, k := range order {
		g.IDs[i], g.Days[i] = ids[k], days[k]
	}
}

// Within is the plan for the entries from since to until (either may be
// zero) that keep says to keep (nil keeps all): its groups keep their
// headings and order, and its period is theirs.
func (p LessonPlan) Within(since, until journal.Date, keep func(id int64) bool) LessonPlan {
	var out LessonPlan
	for _, g := range p.Groups {
		pg := PlannedGroup{Heading: g.Heading}
		for i, id := range g.IDs {
			day := g.Days[i]
			if (since.IsZero() || day >= since) && (until.IsZero() || day <= until) && (keep == nil || keep(id)) {
				pg.add(id, day)
				out.widen(day)
			}
		}
		if len(pg.IDs) > 0 {
			out.Groups = append(out.Groups, pg)
		}
	}
	return out
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
				p.heading(2, inline(g.Heading))
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
		p.add(noLessons)
	}
	return p.flush()
}

// noLessons is what a lessons page without a lesson says.
const noLessons = "No lessons here yet. Each reflection can end with one sentence to remember; they gather here."

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
