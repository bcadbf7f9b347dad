package tui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/chart"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

// calendarWeeks is how far back the calendar of setbacks goes.
const calendarWeeks = 53

// patternsReadMsg is what the patterns screen draws: what recurs, as the core
// keeps it, the themes dismissed, how many setbacks each day of the
// calendar had, and the latest confidence ratings.
type patternsReadMsg struct {
	report     insight.Report
	dismissed  []app.DismissedTheme
	perDay     map[journal.Date]int
	confidence []int
	err        error
}

// readPatterns reads what the patterns screen draws; recent is how many
// confidence ratings fit on its line.
func readPatterns(c *Common, recent int) tea.Cmd {
	return func() tea.Msg {
		var msg patternsReadMsg
		if msg.report, msg.err = c.Journal.PatternsSummary(c.Ctx); msg.err != nil {
			return msg
		}
		if msg.dismissed, msg.err = c.Journal.Dismissed(c.Ctx); msg.err != nil {
			return msg
		}
		since := c.today().AddDays(-7 * calendarWeeks)
		msg.perDay, msg.confidence, msg.err = c.Journal.Calendar(c.Ctx, since, recent)
		return msg
	}
}

// patternsScreen draws what keeps coming back: the themes as bars with a
// sparkline of the last twelve months, a calendar of setbacks over the last
// year, skills exercised and confidence over time. Enter lists a theme's
// entries with the words that made it.
type patternsScreen struct {
	c    *Common
	data patternsReadMsg
	// report is data.report, named for how often it is used.
	report insight.Report
	cursor int
	top    int // the first theme on screen
	loaded bool
	still  bool // has waited long enough to say why
	err    error
	// fix corrects the theme under the cursor; corrected is the key of the
	// theme it corrected last, for the cursor to stay on once the themes
	// are read again.
	fix       corrector
	corrected string
}

func newPatternsScreen(c *Common) *patternsScreen {
	m := &patternsScreen{c: c, fix: newCorrector(c)}
	m.fix.restores = true
	return m
}

func (m *patternsScreen) Title() string { return "patterns" }
func (m *patternsScreen) Typing() bool  { return m.fix.Typing() }

func (m *patternsScreen) Init() tea.Cmd {
	return tea.Batch(readPatterns(m.c, max(m.c.BodyWidth()-34, 1)), stillWaiting(m.c))
}

func (m *patternsScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case patternsReadMsg:
		m.data, m.report, m.err, m.loaded = msg, msg.report, msg.err, true
		m.fix.setDismissed(msg.dismissed)
		if i := slices.IndexFunc(m.report.Themes, func(th insight.Theme) bool { return th.Key == m.corrected }); i >= 0 {
			m.cursor = i
		}
		m.cursor, m.corrected = min(m.cursor, max(len(m.report.Themes)-1, 0)), ""
		m.scroll()
	case stillWaitingMsg:
		m.still = true
	case correctedMsg:
		m.fix.Update(msg)
		m.corrected = msg.theme
		return m, m.Init()
	case othersMsg, tea.BackgroundColorMsg:
		return m, m.fix.Update(msg)
	case tea.KeyPressMsg:
		if m.fix.active() {
			return m, m.fix.Update(msg)
		}
		var th insight.Theme
		if m.cursor < len(m.report.Themes) {
			th = m.report.Themes[m.cursor]
		}
		if cmd, ok := m.fix.start(msg, th, 0); ok {
			return m, cmd
		}
		k := m.c.Keys
		switch {
		case key.Matches(msg, k.Back, k.Close):
			return m, pop
		case key.Matches(msg, k.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, k.Down):
			m.cursor = min(m.cursor+1, max(len(m.report.Themes)-1, 0))
		case key.Matches(msg, k.PageUp):
			m.page(-1)
		case key.Matches(msg, k.PageDown):
			m.page(1)
		case key.Matches(msg, k.First):
			m.cursor = 0
		case key.Matches(msg, k.Last):
			m.cursor = max(len(m.report.Themes)-1, 0)
		case key.Matches(msg, k.Open) && len(m.report.Themes) > 0:
			return m, push(newThemeScreen(m.c, m.report.Themes[m.cursor]))
		}
		m.scroll()
	}
	return m, nil
}

func (m *patternsScreen) Help() helpKeys {
	k := m.c.Keys
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "its entries"))
	open.SetEnabled(len(m.report.Themes) > 0)
	short, fix, asking := m.fix.Help(k, len(m.report.Themes) > 0, false)
	if asking {
		return helpKeys{short: short, full: [][]key.Binding{fix}}
	}
	short = append([]key.Binding{k.Up, k.Down, open, k.Back}, short...)
	return helpKeys{short: short, full: [][]key.Binding{{k.Up, k.Down, pagesKey, endsKey, open}, fix, {k.Back, k.Quit}}}
}

func (m *patternsScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	switch {
	case m.err != nil:
		return unreadable(s, m.err, w)
	case !m.loaded:
		return waitingForPatterns(s, "Reading your reflections…", m.still, w)
	}
	if m.fix.picking() { // the picker lists themes: the list would only be squeezed
		return m.fix.View(w)
	}
	col := m.columns(w)
	var b strings.Builder
	heading := "What keeps coming back"
	// "times" ends where the counts end.
	countsEnd := 2 + col.label + 2 + col.count
	// The themes come in the order failup patterns lists them, which the
	// heading says where it has room, else the line under the list.
	order, ordered := ", strongest first", len(m.report.Themes) > 1
	inHeading := ordered && countsEnd-len("times")-len(heading)-len(order) >= 2
	title := s.Question.Render(heading)
	if inHeading {
		heading += order
		title += s.Muted.Render(order)
	}
	b.WriteString(title + strings.Repeat(" ", max(countsEnd-len("times")-len(heading), 1)) +
		s.Muted.Render("times  each month, last 12") + "\n")
	if len(m.report.Themes) == 0 {
		b.WriteString(wrap(s.Hint, "Nothing recurs yet. Patterns show once a few reflections share a cause.", w) + "\n")
	}
	said, below := m.said(w, col), m.viewBelowThemes(w)
	lines := m.lines(said, below)
	heights := m.heights(col)
	first := keepInView(heights, m.cursor, m.top, lines)
	shown := fitting(heights[first:], lines)
	for i := first; i < first+shown; i++ {
		th := m.report.Themes[i]
		mark, style := "  ", s.Text
		if i == m.cursor {
			mark, style = s.Selected.Render("› "), s.Selected
		}
		label := labelLines(th.Label, col.label, col.rows)
		b.WriteString(mark + style.Render(label[0]+strings.Repeat(" ", col.label-lipgloss.Width(label[0]))) + "  " +
			s.Text.Render(fmt.Sprintf("%*d", col.count, th.Count)) + "  " + s.Accent.Render(chart.Sparkline(th.Monthly, 0)) + "  " +
			s.Muted.Render(trendLabel(th.Trend)) + "\n")
		for _, l := range label[1:] {
			b.WriteString("  " + style.Render(l) + "\n")
		}
	}
	// Under the list, where it goes on, and what was dismissed.
	var under []string
	if n := len(m.report.Themes); shown < n {
		more := " · ↓ for more"
		if first+shown == n {
			more = ""
		}
		under = append(under, fmt.Sprintf("%d–%d of %d themes%s", first+1, first+shown, n, more))
	}
	switch n := len(m.data.dismissed); {
	case n == 1:
		under = append(under, "1 dismissed: b brings it back")
	case n > 1:
		under = append(under, fmt.Sprintf("%d dismissed: b brings one back", n))
	}
	if ordered && !inHeading && lipgloss.Width(strings.Join(append(under, "  strongest first"), " · ")) <= w {
		under = append([]string{"strongest first"}, under...)
	}
	if len(under) > 0 {
		b.WriteString(s.Muted.Render(oneLine("  "+strings.Join(under, " · "), w)))
	}
	b.WriteString("\n")
	b.WriteString(said + below)
	return b.String()
}

// themeColumns is how wide the list's columns are, the label and the count,
// and on how many lines a label may go on. The themes come strongest first,
// not by count, so no bar measures the count: bars that grew and shrank
// down the list looked mis-sorted.
type themeColumns struct{ label, rows, count int }

// columns lays out the list of themes in w cells.
func (m *patternsScreen) columns(w int) themeColumns {
	var col themeColumns
	top, longest := 0, 0
	trend := len("steady") // and room for the heading with no themes
	for _, th := range m.report.Themes {
		top = max(top, th.Count)
		longest = max(longest, lipgloss.Width(termtext.Line(th.Label)))
		trend = max(trend, lipgloss.Width(trendLabel(th.Trend)))
	}
	// The count column is as wide as the largest count, so a theme seen
	// forty thousand times still leaves two spaces after its label.
	col.count = max(len(strconv.Itoa(top)), 3)
	// The trend reads whole, and the labels have the rest, as much as the
	// longest needs, and the heading over them: a label longer than that
	// goes on under itself, on its own row.
	room := w - (2 + 2 + col.count + 2 + 12 + 2 + trend)
	underHeading := len("What keeps coming back, strongest first") + 2 + len("times") - (2 + 2 + col.count)
	col.label = max(min(max(longest, underHeading), room), 8)
	// A long label goes on under itself where the list has the lines for
	// it; on a short window it is cut, to leave the others their rows.
	col.rows = 1
	if m.c.BodyHeight()-lipgloss.Height(m.viewBelowThemes(w))-2 >= 6 {
		col.rows = 2
	}
	return col
}

// labelLines is a theme's label on the lines of its row, wrapped at spaces
// to width, on rows lines at most: a longer label is cut there at a space,
// with "…", and said whole under the list (said).
func labelLines(label string, width, rows int) []string {
	lines := strings.Split(ansi.Wordwrap(termtext.Line(label), width, ""), "\n")
	if len(lines) > rows {
		lines = lines[:rows]
		lines[rows-1] = cutAtSpace(lines[rows-1], width)
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(strings.TrimRight(l, " "), width, "…")
	}
	return lines
}

// labelCut says whether a theme's label is cut on its row.
func labelCut(label string, width, rows int) bool {
	// Spaces aside: a line may end at a hyphen ("self-" / "doubt").
	letters := func(s string) string { return strings.Join(strings.Fields(s), "") }
	return letters(strings.Join(labelLines(label, width, rows), "")) != letters(termtext.Line(label))
}

// said is what goes under the list: what the corrector says or asks, and
// the full label of the theme under the cursor when its row cuts it short.
// The list stays where it is, and the rows below it give way. A line is
// kept for the label whenever any label is cut, so that moving the cursor
// never moves the rows.
func (m *patternsScreen) said(w int, col themeColumns) string {
	said := m.fix.View(w)
	if slices.ContainsFunc(m.report.Themes, func(th insight.Theme) bool { return labelCut(th.Label, col.label, col.rows) }) {
		full := ""
		if th := m.report.Themes[m.cursor]; labelCut(th.Label, col.label, col.rows) {
			full = m.c.Styles.Muted.Render(oneLine("  "+th.Label, w))
		}
		said = full + "\n" + said
	}
	return said
}

// lines is how many lines the list has over said and below.
func (m *patternsScreen) lines(said, below string) int {
	return max(m.c.BodyHeight()-lipgloss.Height(below)-2-strings.Count(said, "\n"), 1)
}

// heights is how many lines each theme's row takes.
func (m *patternsScreen) heights(col themeColumns) []int {
	h := make([]int, len(m.report.Themes))
	for i, th := range m.report.Themes {
		h[i] = len(labelLines(th.Label, col.label, col.rows))
	}
	return h
}

// fitting is how many of the rows of heights fit in lines, from the first:
// one at least.
func fitting(heights []int, lines int) int {
	n, used := 0, 0
	for n < len(heights) && (n == 0 || used+heights[n] <= lines) {
		used += heights[n]
		n++
	}
	return n
}

// keepInView is top, the first row on screen, moved as little as will show
// the cursor's row in lines, and leave no lines empty under the last row
// that a row above could have had.
func keepInView(heights []int, cursor, top, lines int) int {
	last := len(heights)
	for last > 0 && fitting(heights[last-1:], lines) == len(heights)-last+1 {
		last--
	}
	top = max(min(top, cursor, last), 0)
	for top < cursor && fitting(heights[top:], lines) <= cursor-top {
		top++
	}
	return top
}

// layout is the heights of the list's rows as it is drawn now, and how
// many lines they have.
func (m *patternsScreen) layout() (heights []int, lines int) {
	w := m.c.BodyWidth()
	col := m.columns(w)
	return m.heights(col), m.lines(m.said(w, col), m.viewBelowThemes(w))
}

// scroll keeps the cursor's row in view.
func (m *patternsScreen) scroll() {
	heights, lines := m.layout()
	m.top = keepInView(heights, m.cursor, m.top, lines)
}

// page moves the list a page, up (dir -1) or down, as the other lists do:
// the rows on screen become those of the next page, as far as the list
// goes, and the cursor moves as many rows.
func (m *patternsScreen) page(dir int) {
	heights, lines := m.layout()
	if len(heights) == 0 {
		return
	}
	m.top = keepInView(heights, m.cursor, m.top, lines)
	step := fitting(heights[m.top:], lines)
	if dir < 0 && m.top > 0 { // the rows that fit over the first
		above := slices.Clone(heights[:m.top])
		slices.Reverse(above)
		step = fitting(above, lines)
	}
	m.top = max(m.top+dir*step, 0)
	m.cursor = min(max(m.cursor+dir*step, 0), len(heights)-1)
	m.top = keepInView(heights, m.cursor, m.top, lines)
}

// viewBelowThemes is the calendar, the skills and confidence, drawn under
// the themes, which get the rows left.
func (m *patternsScreen) viewBelowThemes(w int) string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(s.Question.Render("Setbacks over the last year") + "\n")
	b.WriteString(m.calendar(w) + "\n")
	if m.c.BodyHeight() >= 20 { // on a short window the themes have the blank line
		b.WriteString("\n")
	}
	b.WriteString(m.skillsLine(w) + "\n")
	b.WriteString(m.confidenceLine(w))
	return b.String()
}

func trendLabel(t insight.Trend) string {
	switch t {
	case insight.TrendRising:
		return "↑ more lately"
	case insight.TrendFading:
		return "↓ less lately"
	}
	return "steady"
}

// calendar is a year of setbacks as a heat map, a column a week under the
// names of the months, as many weeks as fit in w.
func (m *patternsScreen) calendar(w int) string {
	s := m.c.Styles
	perDay := m.data.perDay
	weeks := min(calendarWeeks, w-4)
	rows := chart.Calendar(func(d time.Time) int { return perDay[journal.DateOf(d)] }, m.c.today().Time(), weeks, m.c.WeekStart)
	out := []string{"    " + s.Muted.Render(chart.CalendarMonths(m.c.today().Time(), weeks, m.c.WeekStart))}
	for i, r := range rows {
		// Every other row is named, from the first day of the week.
		label := ""
		if i%2 == 0 {
			label = time.Weekday((int(m.c.WeekStart) + i) % 7).String()[:3]
		}
		out = append(out, s.Muted.Render(fmt.Sprintf("%-4s", label))+s.Accent.Render(r))
	}
	return lipgloss.JoinVertical(lipgloss.Left, out...)
}

func (m *patternsScreen) skillsLine(w int) string {
	s := m.c.Styles
	if len(m.report.Skills) == 0 {
		return s.Label.Render("Skills  ") + s.Muted.Render("none named yet")
	}
	var parts []string
	for _, sk := range m.report.Skills {
		parts = append(parts, fmt.Sprintf("%s %d", sk.Skill.Label(), sk.Count))
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, s.Label.Render("Skills  "),
		lipgloss.NewStyle().Width(w-8).Render(s.Text.Render(strings.Join(parts, " · "))))
}

// confidenceLine is confidence when reflecting, oldest to newest.
func (m *patternsScreen) confidenceLine(w int) string {
	s := m.c.Styles
	values := m.data.confidence
	if len(values) == 0 {
		return s.Label.Render("Confidence  ") + s.Muted.Render("not rated yet")
	}
	values = values[max(len(values)-(w-34), 0):]
	return s.Label.Render("Confidence  ") + s.Accent.Render(chart.Sparkline(values, 10)) + s.Muted.Render("  oldest → newest")
}
