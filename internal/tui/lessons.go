package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

// A way of grouping lessons, named for the header.
type grouping struct {
	name  string
	group func([]journal.Entry) []export.Group
}

// lessonsScreen lists the lessons drawn, grouped by recurring pattern or by
// month; enter opens the entry a lesson came from.
type lessonsScreen struct {
	c         *Common
	entries   []journal.Entry
	report    insight.Report
	groupings []grouping
	by        int
	rows      []lessonRow
	cursor    int // index into rows, always on a lesson
	top       int
	loaded    bool
	err       error
}

// lessonRow is a group heading (entry nil) or one lesson.
type lessonRow struct {
	heading string
	entry   *journal.Entry
}

func newLessonsScreen(c *Common) *lessonsScreen {
	m := &lessonsScreen{c: c}
	m.groupings = []grouping{
		{"what keeps coming back", func(entries []journal.Entry) []export.Group { return export.ByTheme(entries, m.report) }},
		{"month", export.ByMonth},
	}
	return m
}

func (m *lessonsScreen) Title() string { return "lessons" }
func (m *lessonsScreen) Typing() bool  { return false }

func (m *lessonsScreen) Init() tea.Cmd { return readJournal(m.c) }

// regroup lays the lessons out under the current grouping's headings.
func (m *lessonsScreen) regroup() {
	m.rows = nil
	for _, g := range m.groupings[m.by].group(m.entries) {
		var lessons []lessonRow
		for i := range g.Entries {
			if strings.TrimSpace(g.Entries[i].LessonOrDifferently()) != "" {
				lessons = append(lessons, lessonRow{entry: &g.Entries[i]})
			}
		}
		if len(lessons) > 0 {
			m.rows = append(m.rows, lessonRow{heading: g.Label})
			m.rows = append(m.rows, lessons...)
		}
	}
	m.cursor, m.top = 0, 0
	m.move(1)
}

// move steps the cursor to the next lesson in direction dir (±1), skipping
// headings, and keeps it on screen.
func (m *lessonsScreen) move(dir int) {
	for i := m.cursor + dir; i >= 0 && i < len(m.rows); i += dir {
		if m.rows[i].entry != nil {
			m.cursor = i
			break
		}
	}
	if m.cursor < len(m.rows) && m.rows[m.cursor].entry == nil && dir < 0 {
		m.move(1)
	}
	m.scroll()
}

// lessonHeight is the rows one lesson takes: its title line, up to two
// lines of text, and a blank line.
const lessonHeight = 4

func (m *lessonsScreen) rowHeight(i int) int {
	if m.rows[i].entry == nil {
		return 2
	}
	return lessonHeight
}

// scroll keeps the cursor's lesson, and the heading above it, in view.
func (m *lessonsScreen) scroll() {
	room := m.c.BodyHeight() - 2
	m.top = min(m.top, max(m.cursor-1, 0))
	for {
		used := 0
		for i := m.top; i <= m.cursor && i < len(m.rows); i++ {
			used += m.rowHeight(i)
		}
		if used <= room || m.top >= m.cursor {
			return
		}
		m.top++
	}
}

func (m *lessonsScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case journalReadMsg:
		m.entries, m.report, m.err, m.loaded = msg.entries, msg.report, msg.err, true
		m.regroup()
	case tea.KeyPressMsg:
		k := m.c.Keys
		switch {
		case key.Matches(msg, k.Back, k.Close):
			return m, pop
		case key.Matches(msg, k.Up):
			m.move(-1)
		case key.Matches(msg, k.Down):
			m.move(1)
		case key.Matches(msg, k.Next) && len(m.groupings) > 1:
			m.by = (m.by + 1) % len(m.groupings)
			m.regroup()
		case key.Matches(msg, k.Open) && m.cursor < len(m.rows) && m.rows[m.cursor].entry != nil:
			return m, push(newDetailScreen(m.c, m.rows[m.cursor].entry.ID))
		case key.Matches(msg, k.Export):
			return m, push(newExportScreen(m.c, true))
		}
	}
	return m, nil
}

func (m *lessonsScreen) Help() helpKeys {
	k := m.c.Keys
	regroup := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "group differently"))
	regroup.SetEnabled(len(m.groupings) > 1)
	open := k.Open
	open.SetEnabled(len(m.rows) > 0)
	return helpKeys{short: []key.Binding{k.Up, k.Down, open, regroup, k.Export, k.Back},
		full: [][]key.Binding{{k.Up, k.Down, open}, {regroup, k.Export, k.Back, k.Quit}}}
}

func (m *lessonsScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	switch {
	case m.err != nil:
		return unreadable(s, m.err, w)
	case !m.loaded:
		return waiting(s, "Gathering your lessons…")
	case len(m.rows) == 0:
		return wrap(s.Hint, "No lessons yet. Each reflection ends with one sentence to remember; they gather here.", w)
	}
	var b strings.Builder
	b.WriteString(s.Muted.Render(fmt.Sprintf("grouped by %s", m.groupings[m.by].name)) + "\n\n")
	room := m.c.BodyHeight() - 2
	for i := m.top; i < len(m.rows) && room >= m.rowHeight(i); i++ {
		room -= m.rowHeight(i)
		r := m.rows[i]
		if r.entry == nil {
			b.WriteString(s.Question.Render(oneLine(r.heading, w)) + "\n\n")
			continue
		}
		e := r.entry
		mark, titleStyle := "  ", s.Muted
		if i == m.cursor {
			mark, titleStyle = s.Selected.Render("› "), s.Selected
		}
		meta := e.OccurredOn.Time().Format("2 Jan 2006")
		if len(e.Tags) > 0 {
			meta += " · " + strings.Join(e.Tags, ", ")
		}
		b.WriteString(mark + titleStyle.Render(oneLine(e.Title, w/2)) + "  " + s.Muted.Render(oneLine(meta, w/2-4)) + "\n")
		text := clip(s.Text, e.LessonOrDifferently(), w, lessonHeight-2, "")
		b.WriteString(text + strings.Repeat("\n", lessonHeight-1-strings.Count(text, "\n")))
	}
	return b.String()
}
