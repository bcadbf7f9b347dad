package tui

import (
	"cmp"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

// The lessons screen reads lessons a few screens at a time, as the person
// scrolls, so it opens as quickly on a hundred thousand entries as on ten.
// lessonsBatch is how many entries one read takes.
const lessonsBatch = 30

// endBatch is how many entries one read takes on the way to the last
// lesson, for end: fewer, longer reads than scrolling's.
const endBatch = 1000

// lessonRow is a group heading (id 0) or one lesson: what the screen shows of
// it, and nothing more, however far the person scrolls.
type lessonRow struct {
	heading string // a lesson's is its group's
	id      int64
	title   string
	day     string
	tags    string
	text    string
}

func newLessonRow(e journal.Entry, day string) lessonRow {
	return lessonRow{id: e.ID, title: e.Title, day: day, tags: strings.Join(e.Tags, ", "), text: e.LessonOrDifferently()}
}

// lessonSource is a group of lessons still to be read: a group's entries by
// id, in order, or, where ids is nil, the whole journal newest first.
type lessonSource struct {
	heading string // "" heads each lesson with its month
	ids     []int64
}

// lessonSources lays out the lessons by theme as the lessons page does:
// each recurring theme's, in the report's order, then those no theme
// covers. A lone group without a heading is the other lessons too.
func lessonSources(plan app.LessonPlan) []lessonSource {
	sources := make([]lessonSource, len(plan.Groups))
	for i, g := range plan.Groups {
		sources[i] = lessonSource{heading: cmp.Or(g.Heading, insight.OtherLessons), ids: g.IDs}
	}
	return sources
}

// byMonth is every lesson in the journal, newest first, under its month.
var byMonth = []lessonSource{{}}

// lessonsAt is where reading stopped: the source, the next id or journal
// offset within it, and the last heading written.
type lessonsAt struct {
	source, next int
	heading      string
}

type lessonsReadMsg struct {
	seq  int
	rows []lessonRow
	at   lessonsAt
	done bool // nothing is left to read
	err  error
}

// readLessons reads on from at until it has found want lessons or read all,
// taking as many entries at a time as it wants lessons (lessonsBatch at least).
func readLessons(c *Common, seq int, sources []lessonSource, at lessonsAt, want int) tea.Cmd {
	page := max(want, lessonsBatch)
	return func() tea.Msg {
		var rows []lessonRow
		found := 0
		for at.source < len(sources) && found < want {
			src := sources[at.source]
			entries, next, end, err := src.read(c, at.next, page)
			if err != nil {
				return lessonsReadMsg{seq: seq, err: err}
			}
			for _, e := range entries {
				if strings.TrimSpace(e.LessonOrDifferently()) == "" {
					continue
				}
				heading := src.heading
				if heading == "" {
					heading = monthHeading(e.OccurredOn)
				}
				if heading != at.heading {
					rows = append(rows, lessonRow{heading: heading})
					at.heading = heading
				}
				row := newLessonRow(e, c.day(e.OccurredOn, "2 Jan 2006"))
				row.heading = heading
				rows = append(rows, row)
				found++
			}
			at.next = next
			if end {
				at.source, at.next = at.source+1, 0
			}
		}
		return lessonsReadMsg{seq: seq, rows: rows, at: at, done: at.source >= len(sources)}
	}
}

// read reads up to page of the source's entries from next on: the next few
// of a theme's, or the next page of the journal.
func (src lessonSource) read(c *Common, next, page int) (entries []journal.Entry, after int, end bool, err error) {
	if src.ids == nil {
		entries, err = c.Journal.List(c.Ctx, app.Filter{Limit: page, Offset: next})
		return entries, next + len(entries), len(entries) < page, err
	}
	ids := src.ids[next:min(next+page, len(src.ids))]
	for e, err := range c.Journal.EntriesByID(c.Ctx, ids) { // those deleted since are left out
		if err != nil {
			return nil, 0, false, err
		}
		entries = append(entries, e)
	}
	after = next + len(ids)
	return entries, after, after >= len(src.ids), nil
}

// monthHeading is "March 2026".
func monthHeading(d journal.Date) string {
	if _, err := journal.ParseDate(string(d)); err != nil {
		return "Undated"
	}
	return d.Time().Format("January 2006")
}
