package tui

import (
	"cmp"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

// The lessons screen knows where every lesson falls before reading any (by
// pattern from the kept layout, by month from the entries' days), reads
// lessons a few at a time as the person scrolls, and, going further at once
// (end, or back to a lesson far down), only places the lessons it passes
// over and reads those that come into view: it opens, and goes to its end,
// as quickly on a hundred thousand entries as on ten. lessonsBatch is how
// many lessons one read takes, and how many it reads whole at most.
const lessonsBatch = 30

// lessonRow is a group heading (id 0) or one lesson: what the screen shows of
// it, and nothing more, however far the person scrolls. A lesson only placed
// has its heading, id and day, and no text yet (see unread).
type lessonRow struct {
	heading string // a lesson's is its group's
	id      int64
	on      journal.Date
	title   string
	tags    string
	text    string
}

func newLessonRow(e journal.Entry, heading string) lessonRow {
	return lessonRow{heading: heading, id: e.ID, on: e.OccurredOn, title: e.Title, tags: strings.Join(e.Tags, ", "), text: e.LessonOrDifferently()}
}

// unread is whether r is a lesson placed but not yet read: a lesson read
// always has some text.
func (r lessonRow) unread() bool { return r.id != 0 && r.text == "" }

// hasLesson is whether e has a lesson to show.
func hasLesson(e journal.Entry) bool { return strings.TrimSpace(e.LessonOrDifferently()) != "" }

// lessonSource is a group of lessons: its entries' ids and days, in order.
type lessonSource struct {
	heading string // "" heads each lesson with its month
	ids     []int64
	days    []journal.Date
}

// lessonSources lays out the lessons by theme as the lessons page does:
// each recurring theme's, in the report's order, then those no theme
// covers. A lone group without a heading is the other lessons too.
func lessonSources(plan app.LessonPlan) []lessonSource {
	sources := make([]lessonSource, len(plan.Groups))
	for i, g := range plan.Groups {
		sources[i] = lessonSource{heading: cmp.Or(g.Heading, insight.OtherLessons), ids: g.IDs, days: g.Days}
	}
	return sources
}

// lessonDaysMsg brings where every lesson falls by month: the whole
// journal's, newest first.
type lessonDaysMsg struct {
	seq    int
	source lessonSource
	err    error
}

func readLessonDays(c *Common, seq int) tea.Cmd {
	return func() tea.Msg {
		ids, days, err := c.Journal.LessonDays(c.Ctx)
		return lessonDaysMsg{seq: seq, source: lessonSource{ids: ids, days: days}, err: err}
	}
}

// lessonsAt is where reading stopped: the source, the next lesson within it,
// and the last heading written.
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

// readLessons takes the next want lessons from at on (all that are left when
// want is below 0): it reads the last lessonsBatch of them whole, leaving
// out those deleted since or with no lesson now, and places the rest.
func readLessons(c *Common, seq int, sources []lessonSource, at lessonsAt, want int) tea.Cmd {
	return func() tea.Msg {
		type place struct{ source, i int }
		var places []place
		for at.source < len(sources) && (want < 0 || len(places) < want) {
			src := sources[at.source]
			end := len(src.ids)
			if want >= 0 {
				end = min(end, at.next+want-len(places))
			}
			for i := at.next; i < end; i++ {
				places = append(places, place{at.source, i})
			}
			at.next = end
			if end == len(src.ids) {
				at.source, at.next = at.source+1, 0
			}
		}
		whole := max(len(places)-lessonsBatch, 0)
		ids := make([]int64, 0, len(places)-whole)
		for _, p := range places[whole:] {
			ids = append(ids, sources[p.source].ids[p.i])
		}
		entries, err := entriesByID(c, ids)
		if err != nil {
			return lessonsReadMsg{seq: seq, err: err}
		}
		rows := make([]lessonRow, 0, len(places)+len(places)/8)
		months := map[journal.Date]string{}
		for k, p := range places {
			src := sources[p.source]
			heading := src.heading
			if heading == "" {
				day := src.days[p.i]
				if heading = months[day]; heading == "" {
					heading = monthHeading(day)
					months[day] = heading
				}
			}
			row := lessonRow{heading: heading, id: src.ids[p.i], on: src.days[p.i]}
			if k >= whole {
				e, ok := entries[row.id]
				if !ok || !hasLesson(e) {
					continue
				}
				row = newLessonRow(e, heading)
			}
			if heading != at.heading {
				rows = append(rows, lessonRow{heading: heading})
				at.heading = heading
			}
			rows = append(rows, row)
		}
		return lessonsReadMsg{seq: seq, rows: rows, at: at, done: at.source >= len(sources)}
	}
}

// lessonsFillMsg brings the entries of the rows at, which were only placed.
type lessonsFillMsg struct {
	seq     int
	at      []int
	entries map[int64]journal.Entry
	err     error
}

// readRows reads the entries of the rows at, which have the ids given.
func readRows(c *Common, seq int, at []int, ids []int64) tea.Cmd {
	return func() tea.Msg {
		entries, err := entriesByID(c, ids)
		return lessonsFillMsg{seq: seq, at: at, entries: entries, err: err}
	}
}

// entriesByID reads the entries with the given ids that are in the journal.
func entriesByID(c *Common, ids []int64) (map[int64]journal.Entry, error) {
	entries := make(map[int64]journal.Entry, len(ids))
	for e, err := range c.Journal.EntriesByID(c.Ctx, ids) {
		if err != nil {
			return nil, err
		}
		entries[e.ID] = e
	}
	return entries, nil
}

// monthHeading is "March 2026".
func monthHeading(d journal.Date) string {
	if _, err := journal.ParseDate(string(d)); err != nil {
		return "Undated"
	}
	return d.Time().Format("January 2006")
}
