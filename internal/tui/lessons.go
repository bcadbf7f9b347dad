package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/failup/failup/internal/app"
)

// The ways lessons can be grouped, named for the header.
var groupings = []string{"what keeps coming back", "month"}

// lessonsScreen lists the lessons drawn, grouped by recurring pattern or by
// month, read a few screens at a time as the person scrolls; enter opens the
// entry a lesson came from.
type lessonsScreen struct {
	c *Common
	// byTheme is where the lessons of each recurring theme are, as the core
	// lays out the lessons page.
	byTheme []lessonSource
	by      int
	sources []lessonSource
	at      lessonsAt
	seq     int
	reading bool // a read is under way
	done    bool // every lesson is in rows
	rows    []lessonRow
	cursor  int // index into rows, always on a lesson
	top     int
	loaded  bool
	still   bool // has waited long enough to say why
	err     error
}

// lessonsPlanMsg brings the lessons laid out by the recurring patterns.
type lessonsPlanMsg struct {
	plan app.LessonPlan
	err  error
}

func newLessonsScreen(c *Common) *lessonsScreen { return &lessonsScreen{c: c} }

func (m *lessonsScreen) Title() string { return "lessons" }
func (m *lessonsScreen) Typing() bool  { return false }

// Init reads how the lessons are laid out by pattern, then the first
// lessons; it runs again on coming back from an entry, which may have been
// edited.
func (m *lessonsScreen) Init() tea.Cmd {
	c := m.c
	return tea.Batch(func() tea.Msg {
		plan, err := c.Journal.LessonPlan(c.Ctx)
		return lessonsPlanMsg{plan: plan, err: err}
	}, stillWaiting(c))
}

// regroup starts reading the lessons afresh under the current grouping.
func (m *lessonsScreen) regroup() tea.Cmd {
	m.sources = byMonth
	if m.by == 0 {
		m.sources = m.byTheme
	}
	m.rows, m.at, m.done, m.cursor, m.top = nil, lessonsAt{}, false, 0, 0
	m.seq++
	m.reading = true
	return readLessons(m.c, m.seq, m.sources, m.at, lessonsBatch)
}

// readMore reads on when the cursor nears the last lesson read.
func (m *lessonsScreen) readMore() tea.Cmd {
	if m.done || m.reading || m.cursor < len(m.rows)-lessonsBatch/2 {
		return nil
	}
	m.reading = true
	return readLessons(m.c, m.seq, m.sources, m.at, lessonsBatch)
}

// move steps the cursor to the next lesson in direction dir (±1), skipping
// headings, and keeps it on screen.
func (m *lessonsScreen) move(dir int) {
	for i := m.cursor + dir; i >= 0 && i < len(m.rows); i += dir {
		if m.rows[i].id != 0 {
			m.cursor = i
			break
		}
	}
	if m.cursor < len(m.rows) && m.rows[m.cursor].id == 0 && dir < 0 {
		m.move(1)
	}
	m.scroll()
}

// lessonHeight is the rows one lesson takes: its title line, up to two
// lines of text, and a blank line.
const lessonHeight = 4

func (m *lessonsScreen) rowHeight(i int) int {
	if m.rows[i].id == 0 {
		return 2
	}
	return lessonHeight
}

// room is the rows the lessons have: under the grouping, and over a row
// that says whether there are more.
func (m *lessonsScreen) room() int { return m.c.BodyHeight() - 3 }

// scroll keeps the cursor's lesson, and the heading above it, in view.
func (m *lessonsScreen) scroll() {
	room := m.room()
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
	case lessonsPlanMsg:
		m.byTheme, m.err = lessonSources(msg.plan), msg.err
		if msg.err != nil {
			m.loaded = true
			return m, nil
		}
		return m, m.regroup()
	case stillWaitingMsg:
		m.still = true
	case lessonsReadMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		m.read(msg)
		return m, m.readMore()
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

// read takes in the lessons a read found.
func (m *lessonsScreen) read(msg lessonsReadMsg) {
	first := len(m.rows) == 0
	m.rows, m.at, m.done, m.err = append(m.rows, msg.rows...), msg.at, msg.done, msg.err
	m.loaded, m.reading = true, false
	if first {
		m.move(1)
	}
}

func (m *lessonsScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Back, k.Close):
		return pop
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
		return m.readMore()
	case key.Matches(msg, k.Next):
		m.by = (m.by + 1) % len(groupings)
		return m.regroup()
	case key.Matches(msg, k.Open) && m.cursor < len(m.rows) && m.rows[m.cursor].id != 0:
		return push(newDetailScreen(m.c, m.rows[m.cursor].id))
	case key.Matches(msg, k.Export):
		return push(newExportScreen(m.c, true))
	}
	return nil
}

func (m *lessonsScreen) Help() helpKeys {
	k := m.c.Keys
	regroup := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "group differently"))
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
		return waitingForPatterns(s, "Gathering your lessons…", m.still, w)
	case len(m.rows) == 0:
		return wrap(s.Hint, "No lessons yet. Each reflection ends with one sentence to remember; they gather here.", w)
	}
	var b strings.Builder
	above := ""
	if m.top > 0 {
		above = moreSign(s, "↑")
	}
	b.WriteString(spread(s.Muted.Render(fmt.Sprintf("grouped by %s", groupings[m.by])), above, w) + "\n\n")
	room := m.room()
	i := m.top
	for ; i < len(m.rows) && room >= m.rowHeight(i); i++ {
		room -= m.rowHeight(i)
		b.WriteString(m.viewRow(i, w))
	}
	if i < len(m.rows) || !m.done {
		b.WriteString(moreSign(s, "↓"))
	}
	return b.String()
}

// viewRow draws a heading, or a lesson: its entry's title and day, and up
// to two lines of it.
func (m *lessonsScreen) viewRow(i, w int) string {
	s := m.c.Styles
	r := m.rows[i]
	if r.id == 0 {
		return s.Question.Render(oneLine(r.heading, w)) + "\n\n"
	}
	mark, titleStyle := "  ", s.Muted
	if i == m.cursor {
		mark, titleStyle = s.Selected.Render("› "), s.Selected
	}
	text := clip(s.Text, r.text, w, lessonHeight-2, "")
	// The title has the room it needs first, leaving the day whole; the
	// tags have what is left.
	title := oneLine(r.title, max(w-4-lipgloss.Width(r.day), w/2))
	meta := oneLine(r.day, w-4-lipgloss.Width(title))
	if room := w - 4 - lipgloss.Width(title) - lipgloss.Width(meta+" · "); r.tags != "" && room >= len("tag…") {
		meta += " · " + oneLine(r.tags, room)
	}
	return mark + titleStyle.Render(title) + "  " + s.Muted.Render(meta) + "\n" +
		text + strings.Repeat("\n", lessonHeight-1-strings.Count(text, "\n"))
}
