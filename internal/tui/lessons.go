package tui

import (
	"fmt"
	"slices"
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
	filling bool // lessons only placed are being read
	done    bool // every lesson is in rows
	// fresh is set while the rows shown are waiting to be replaced by those
	// being read: after regrouping, or on coming back from an entry.
	fresh  bool
	rows   []lessonRow
	cursor int // index into rows, always on a lesson
	top    int
	// back is where the cursor was on leaving for an entry, or nil: coming
	// back, the lessons are read again and the cursor put back there.
	back *lessonsPlace
	// toEnd is set while end reads on to the last lesson.
	toEnd  bool
	loaded bool
	still  bool // has waited long enough to say why
	err    error
}

// lessonsPlace is where the cursor was: on which lesson, under which
// heading (a lesson can be under two patterns), at which row, how far down
// the screen, and how many lessons there were up to it.
type lessonsPlace struct {
	id              int64
	heading         string
	row, line, upTo int
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
// edited, and then reads the lessons again as far as the cursor's and puts
// the cursor back on it.
func (m *lessonsScreen) Init() tea.Cmd {
	if m.cursor < len(m.rows) && m.rows[m.cursor].id != 0 {
		m.back = &lessonsPlace{id: m.rows[m.cursor].id, heading: m.rows[m.cursor].heading, row: m.cursor, line: m.linesAbove(m.cursor), upTo: lessonsIn(m.rows[:m.cursor+1])}
	}
	c := m.c
	return tea.Batch(func() tea.Msg {
		plan, err := c.Journal.LessonPlan(c.Ctx)
		return lessonsPlanMsg{plan: plan, err: err}
	}, stillWaiting(c))
}

// regroup starts reading the lessons afresh under the current grouping,
// first finding where each falls by month when grouped so; the lessons shown
// stay until the first of them come.
func (m *lessonsScreen) regroup() tea.Cmd {
	m.at, m.done, m.fresh, m.toEnd, m.filling = lessonsAt{}, false, true, false, false
	m.seq++
	m.reading = true
	if m.by == 1 {
		return readLessonDays(m.c, m.seq)
	}
	m.sources = m.byTheme
	return m.readFirst()
}

// readFirst reads the first lessons, or as far as the lesson the cursor was
// on.
func (m *lessonsScreen) readFirst() tea.Cmd {
	want := lessonsBatch
	if m.back != nil {
		want = max(want, m.back.upTo)
	}
	return readLessons(m.c, m.seq, m.sources, m.at, want)
}

// readMore reads on when the cursor nears the last lesson read, or, for
// end, to the last lesson.
func (m *lessonsScreen) readMore() tea.Cmd {
	if m.done || m.reading || !m.toEnd && m.cursor < len(m.rows)-lessonsBatch/2 {
		return nil
	}
	want := lessonsBatch
	if m.toEnd {
		want = -1
	}
	m.reading = true
	return readLessons(m.c, m.seq, m.sources, m.at, want)
}

// fill reads the lessons only placed that are on the screen or a read's
// length from it.
func (m *lessonsScreen) fill() tea.Cmd {
	if m.filling || m.fresh {
		return nil
	}
	var at []int
	var ids []int64
	for i := max(m.top-lessonsBatch, 0); i < min(m.top+m.room()+lessonsBatch, len(m.rows)); i++ {
		if m.rows[i].unread() {
			at, ids = append(at, i), append(ids, m.rows[i].id)
		}
	}
	if len(at) == 0 {
		return nil
	}
	m.filling = true
	return readRows(m.c, m.seq, at, ids)
}

// filled puts in the lessons read for rows only placed, leaving out those
// deleted since or with no lesson now.
func (m *lessonsScreen) filled(msg lessonsFillMsg) {
	m.filling = false
	if msg.err != nil {
		m.err = msg.err
		return
	}
	gone := map[int]bool{}
	for _, i := range msg.at {
		if i >= len(m.rows) || !m.rows[i].unread() {
			continue
		}
		if e, ok := msg.entries[m.rows[i].id]; ok && hasLesson(e) {
			m.rows[i] = newLessonRow(e, m.rows[i].heading)
		} else {
			gone[i] = true
		}
	}
	if len(gone) > 0 {
		m.leaveOut(gone)
	}
}

// leaveOut takes the rows gone out of the list, with any heading left with
// no lesson under it, keeping the cursor on its lesson or the next (the last
// when none is next) and the list's top where it was.
func (m *lessonsScreen) leaveOut(gone map[int]bool) {
	kept := make([]lessonRow, 0, len(m.rows)-len(gone))
	cursor, top := -1, -1
	for i, r := range m.rows {
		if gone[i] || r.id == 0 && !m.headsALesson(i, gone) {
			continue
		}
		if cursor < 0 && i >= m.cursor && r.id != 0 {
			cursor = len(kept)
		}
		if top < 0 && i >= m.top {
			top = len(kept)
		}
		kept = append(kept, r)
	}
	if cursor < 0 {
		cursor = len(kept) - 1
	}
	m.rows, m.cursor, m.top = kept, cursor, min(max(top, 0), cursor)
	m.scroll()
}

// headsALesson is whether a lesson not gone follows the heading at row i
// before the next heading.
func (m *lessonsScreen) headsALesson(i int, gone map[int]bool) bool {
	for j := i + 1; j < len(m.rows) && m.rows[j].id != 0; j++ {
		if !gone[j] {
			return true
		}
	}
	return false
}

// lessonsIn is how many of rows are lessons.
func lessonsIn(rows []lessonRow) int {
	n := 0
	for _, r := range rows {
		if r.id != 0 {
			n++
		}
	}
	return n
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

// page moves the list a screen's worth of rows in direction dir (±1), and
// the cursor as many lessons as it moved past, as the other lists do: the
// rows after the last shown come into view, as far as the list goes.
func (m *lessonsScreen) page(dir int) {
	if len(m.rows) == 0 {
		return
	}
	shown := 1
	for m.top+shown < len(m.rows) && m.linesAbove(m.top+shown)+m.rowHeight(m.top+shown) <= m.room() {
		shown++
	}
	if dir < 0 { // the rows that fit over the first, under a heading kept at the top
		shown = 0
		for used := 2; m.top-shown > 0 && used+m.rowHeight(m.top-shown-1) <= m.room(); shown++ {
			used += m.rowHeight(m.top - shown - 1)
		}
		if m.top-shown > 0 && m.rows[m.top-shown-1].id == 0 { // the heading itself, in the kept one's place
			shown++
		}
		shown = max(shown, 1)
	}
	top := min(max(m.top+dir*shown, 0), len(m.rows)-1)
	for range max(lessonsIn(m.rows[min(top, m.top):max(top, m.top)]), 1) {
		m.move(dir)
	}
	m.top = min(top, m.cursor)
	m.scroll()
}

// first puts the cursor on the first lesson, the list at its top.
func (m *lessonsScreen) first() {
	m.cursor, m.top = 0, 0
	m.move(1)
}

// last puts the cursor on the last lesson read: rows always end with one.
func (m *lessonsScreen) last() {
	if len(m.rows) > 0 {
		m.cursor = len(m.rows) - 1
		m.scroll()
	}
}

// lessonHeight is the most rows one lesson takes: its title line, up to two
// lines of text, and a blank line.
const lessonHeight = 4

// rowHeight is the rows row i takes: a heading and a blank line, or a
// lesson as lessonHeight says, one row less when its text fits one line. A
// lesson not yet read is given the most it can take.
func (m *lessonsScreen) rowHeight(i int) int {
	r := m.rows[i]
	switch {
	case r.id == 0:
		return 2
	case r.unread():
		return lessonHeight
	}
	return 2 + strings.Count(m.lessonText(r, m.c.BodyWidth()), "\n") + 1
}

// lessonText is as much of a lesson's text as its row shows.
func (m *lessonsScreen) lessonText(r lessonRow, w int) string {
	return clip(m.c.Styles.Text, r.text, w, lessonHeight-2, "")
}

// room is the rows the lessons have: under the grouping, and over a row
// that says whether there are more.
func (m *lessonsScreen) room() int { return m.c.BodyHeight() - 3 }

// stuck is the heading drawn over the list when its first row is a lesson,
// so that the lessons in view always say which group they are in: that
// lesson's group, or "" when the list starts with a heading.
func (m *lessonsScreen) stuck() string {
	if m.top >= len(m.rows) || m.rows[m.top].id == 0 {
		return ""
	}
	return m.rows[m.top].heading
}

// linesAbove is how many rows of the list are drawn above row i.
func (m *lessonsScreen) linesAbove(i int) int {
	lines := 0
	if m.stuck() != "" {
		lines = 2
	}
	for j := m.top; j < i && j < len(m.rows); j++ {
		lines += m.rowHeight(j)
	}
	return lines
}

// scroll keeps the cursor's lesson, and the heading above it, in view,
// and no lines empty under the last lesson that a row above could have had.
func (m *lessonsScreen) scroll() {
	room := m.room()
	top := m.cursor
	if top > 0 && m.rows[top-1].id == 0 { // its group's first lesson comes under the heading
		top--
	}
	// Every row takes two lines or more: no more than room/2 fit above.
	m.top = max(min(m.top, top, m.lastTop()), m.cursor-room/2, 0)
	for m.top < m.cursor && m.cursor < len(m.rows) && m.linesAbove(m.cursor)+m.rowHeight(m.cursor) > room {
		m.top++
	}
}

// lastTop is the first row of the last page: the highest the list can start
// and still have every row to its end on screen. Until every lesson is read
// there are more after the last row, and no last page yet.
func (m *lessonsScreen) lastTop() int {
	if !m.done {
		return len(m.rows)
	}
	top := len(m.rows) - 1
	for top > 0 && m.fromHere(top-1) <= m.room() {
		top--
	}
	return max(top, 0)
}

// fromHere is the lines the rows from row i to the end take when i is the
// first on screen, with the heading kept over it when it is a lesson.
func (m *lessonsScreen) fromHere(i int) int {
	lines := 0
	if m.rows[i].id != 0 {
		lines = 2
	}
	for j := i; j < len(m.rows); j++ {
		lines += m.rowHeight(j)
	}
	return lines
}

// place puts the cursor on the first lesson or, coming back from an entry,
// back on the lesson that was open, under the heading it was opened from,
// as far down the screen as it was; if that lesson is gone, on the one that
// took its row.
func (m *lessonsScreen) place() {
	back := m.back
	m.back = nil
	if back == nil || len(m.rows) == 0 {
		m.first()
		return
	}
	i := slices.IndexFunc(m.rows, func(r lessonRow) bool { return r.id == back.id && r.heading == back.heading })
	if i < 0 {
		i = slices.IndexFunc(m.rows, func(r lessonRow) bool { return r.id == back.id })
	}
	if i < 0 {
		i = min(back.row, len(m.rows)-1)
	}
	if m.rows[i].id == 0 {
		i++ // a heading is always followed by a lesson
	}
	m.cursor, m.top = i, i
	for m.top > 0 {
		m.top--
		if m.linesAbove(i) > back.line {
			m.top++
			break
		}
	}
	m.scroll()
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
	case lessonDaysMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		if msg.err != nil {
			m.err, m.loaded, m.reading = msg.err, true, false
			return m, nil
		}
		m.sources = []lessonSource{msg.source}
		return m, m.readFirst()
	case lessonsReadMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		m.read(msg)
		return m, tea.Batch(m.readMore(), m.fill())
	case lessonsFillMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		m.filled(msg)
		return m, m.fill()
	case tea.WindowSizeMsg:
		m.scroll()
		return m, m.fill()
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

// read takes in the lessons a read found.
func (m *lessonsScreen) read(msg lessonsReadMsg) {
	fresh := m.fresh
	if fresh {
		m.rows, m.fresh = msg.rows, false
	} else {
		m.rows = append(m.rows, msg.rows...)
	}
	m.at, m.done, m.err = msg.at, msg.done, msg.err
	m.loaded, m.reading = true, false
	switch {
	case fresh:
		m.place()
	case m.toEnd:
		m.last()
	}
	m.toEnd = m.toEnd && !m.done
}

func (m *lessonsScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	m.toEnd = m.toEnd && key.Matches(msg, k.Last) // any other key stops on the way
	switch {
	case key.Matches(msg, k.Back, k.Close):
		return pop
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.page(-1)
	case key.Matches(msg, k.PageDown):
		m.page(1)
	case key.Matches(msg, k.First):
		m.first()
	case key.Matches(msg, k.Last):
		m.last()
		m.toEnd = !m.done
	case key.Matches(msg, k.Next):
		m.by = (m.by + 1) % len(groupings)
		m.back = nil
		return m.regroup()
	case key.Matches(msg, k.Open) && m.cursor < len(m.rows) && m.rows[m.cursor].id != 0:
		return push(newDetailScreen(m.c, m.rows[m.cursor].id))
	case key.Matches(msg, k.Export):
		return push(newExportScreen(m.c, true))
	default:
		return nil
	}
	return tea.Batch(m.readMore(), m.fill())
}

func (m *lessonsScreen) Help() helpKeys {
	k := m.c.Keys
	regroup := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "group differently"))
	open := k.Open
	open.SetEnabled(len(m.rows) > 0)
	return helpKeys{short: []key.Binding{k.Up, k.Down, open, regroup, k.Export, k.Back},
		full: [][]key.Binding{{k.Up, k.Down, pagesKey, endsKey, open}, {regroup, k.Export, k.Back, k.Quit}}}
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
	if h := m.stuck(); h != "" {
		room -= 2
		b.WriteString(s.Question.Render(oneLine(h, w-len(" · continued"))) + s.Muted.Render(" · continued") + "\n\n")
	}
	i := m.top
	for ; i < len(m.rows); i++ {
		need := m.rowHeight(i)
		if m.rows[i].id == 0 && i+1 < len(m.rows) {
			need += m.rowHeight(i + 1) // a heading is drawn only with its first lesson
		}
		if need > room {
			break
		}
		room -= m.rowHeight(i)
		b.WriteString(m.viewRow(i, w))
	}
	switch {
	case m.toEnd:
		b.WriteString(s.Muted.Render("↓ reading on to the last lesson…"))
	case i < len(m.rows) || !m.done:
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
	text := m.lessonText(r, w)
	day := m.c.day(r.on)
	// The title has the room it needs first, leaving the day whole; the
	// tags have what is left.
	title := oneLine(r.title, max(w-4-lipgloss.Width(day), w/2))
	meta := oneLine(day, w-4-lipgloss.Width(title))
	if room := w - 4 - lipgloss.Width(title) - lipgloss.Width(meta+" · "); r.tags != "" && room >= len("tag…") {
		meta += " · " + oneLine(r.tags, room)
	}
	return mark + titleStyle.Render(title) + "  " + s.Muted.Render(meta) + "\n" +
		text + strings.Repeat("\n", m.rowHeight(i)-1-strings.Count(text, "\n"))
}
