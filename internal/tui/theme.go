package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

// themeScreen lists the entries that show one theme, newest first, each with
// the words that made it, highlighted. It reads the theme's evidence when it
// opens, and only the entries it shows.
type themeScreen struct {
	c       *Common
	theme   insight.Theme
	entries map[int64]journal.Entry // read so far
	rows    []insight.Evidence      // newest first
	loaded  bool                    // the evidence is in rows
	still   bool                    // has waited long enough to say why
	cursor  int
	top     int
	err     error
	// fix corrects the theme, and takes the entry under the cursor out.
	fix corrector
}

type (
	themeEvidenceMsg struct {
		evidence []insight.Evidence
		err      error
	}
	themeEntriesMsg struct {
		entries []journal.Entry
		err     error
	}
	// themeCorrectedMsg is the theme as a correction left it; found is
	// false when it is no longer shown (dismissed).
	themeCorrectedMsg struct {
		theme insight.Theme
		found bool
		err   error
	}
)

func newThemeScreen(c *Common, th insight.Theme) *themeScreen {
	return &themeScreen{c: c, theme: th, entries: map[int64]journal.Entry{}, fix: newCorrector(c)}
}

func (m *themeScreen) Title() string { return "a pattern" }
func (m *themeScreen) Typing() bool  { return m.fix.Typing() }

// nameThemeIs says what a theme of a name is, and is not.
const nameThemeIs = "a name that comes up in these setbacks, not someone to blame"

// reread reads the theme again after a correction, by its key.
func (m *themeScreen) reread() tea.Cmd {
	c, key := m.c, m.theme.Key
	return func() tea.Msg {
		r, err := c.Journal.PatternsSummary(c.Ctx)
		for _, th := range r.Themes {
			if th.Key == key {
				return themeCorrectedMsg{theme: th, found: true, err: err}
			}
		}
		return themeCorrectedMsg{err: err}
	}
}

// Init reads the theme's evidence, then the entries on screen; it runs again
// on coming back from one, which may have been edited.
func (m *themeScreen) Init() tea.Cmd {
	clear(m.entries)
	if m.loaded {
		return m.read()
	}
	c, th := m.c, m.theme
	return tea.Batch(func() tea.Msg {
		ev, err := c.Journal.ThemeEvidence(c.Ctx, th)
		return themeEvidenceMsg{evidence: ev, err: err}
	}, stillWaiting(c))
}

// read reads the entries of the rows on screen that are not read yet.
func (m *themeScreen) read() tea.Cmd {
	var ids []int64
	for _, ev := range m.rows[m.top:min(m.top+m.visible(), len(m.rows))] {
		if _, ok := m.entries[ev.EntryID]; !ok {
			ids = append(ids, ev.EntryID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	c := m.c
	return func() tea.Msg {
		var msg themeEntriesMsg
		read := map[int64]bool{}
		for e, err := range c.Journal.EntriesByID(c.Ctx, ids) {
			if err != nil {
				return themeEntriesMsg{err: err}
			}
			read[e.ID] = true
			msg.entries = append(msg.entries, e)
		}
		for _, id := range ids {
			if !read[id] {
				msg.entries = append(msg.entries, journal.Entry{ID: id, Title: "no longer in the journal"})
			}
		}
		return msg
	}
}

// visible is how many entries fit under the theme's description, leaving
// room for what the corrector says or asks under them.
func (m *themeScreen) visible() int {
	w := m.c.BodyWidth()
	return m.visibleUnder(m.viewHeading(w), m.fix.View(w))
}

// visibleUnder is visible, given the heading and what the corrector says
// as they are drawn.
func (m *themeScreen) visibleUnder(heading, said string) int {
	const perRow = 2
	return max((m.c.BodyHeight()-lipgloss.Height(heading)-strings.Count(said, "\n"))/perRow, 1)
}

func (m *themeScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case stillWaitingMsg:
		m.still = true
	case themeEvidenceMsg:
		m.loaded, m.err = true, msg.err
		for i := len(msg.evidence) - 1; i >= 0; i-- {
			m.rows = append(m.rows, msg.evidence[i])
		}
		return m, m.move(0) // the cursor kept its place through a correction: keep it in view
	case themeEntriesMsg:
		m.err = msg.err
		for _, e := range msg.entries {
			m.entries[e.ID] = e
		}
	case tea.WindowSizeMsg:
		return m, m.move(0)
	case correctedMsg:
		m.fix.Update(msg)
		// The new name shows at once; the theme is read again meanwhile.
		if msg.renamed != "" && msg.theme == m.theme.Key {
			m.theme.Label = msg.renamed
		}
		return m, m.reread()
	case themeCorrectedMsg:
		m.err = msg.err
		if msg.found {
			m.theme, m.rows, m.loaded = msg.theme, nil, false
			m.cursor = min(m.cursor, max(msg.theme.Count-1, 0))
			return m, m.Init()
		}
	case othersMsg, tea.BackgroundColorMsg:
		return m, m.fix.Update(msg)
	case tea.KeyPressMsg:
		if m.fix.active() {
			return m, m.fix.Update(msg)
		}
		var entry int64
		if m.cursor < len(m.rows) {
			entry = m.rows[m.cursor].EntryID
		}
		if cmd, ok := m.fix.start(msg, m.theme, entry); ok {
			return m, cmd
		}
		k := m.c.Keys
		switch {
		case key.Matches(msg, k.Back, k.Close):
			return m, pop
		case key.Matches(msg, k.Up):
			return m, m.move(-1)
		case key.Matches(msg, k.Down):
			return m, m.move(1)
		case key.Matches(msg, k.PageUp):
			return m, m.page(-1)
		case key.Matches(msg, k.PageDown):
			return m, m.page(1)
		case key.Matches(msg, k.First):
			return m, m.move(-len(m.rows))
		case key.Matches(msg, k.Last):
			return m, m.move(len(m.rows))
		case key.Matches(msg, k.Open) && len(m.rows) > 0:
			return m, push(newDetailScreen(m.c, m.rows[m.cursor].EntryID))
		}
	}
	return m, nil
}

// move moves the cursor by delta, keeping it on screen, and reads the
// entries that come into view.
func (m *themeScreen) move(delta int) tea.Cmd {
	m.cursor = min(max(m.cursor+delta, 0), max(len(m.rows)-1, 0))
	visible := m.visible()
	m.top = min(m.top, m.cursor)
	if m.cursor >= m.top+visible {
		m.top = m.cursor - visible + 1
	}
	return m.read()
}

// page shows the next page of entries, up (dir -1) or down, as far as the
// list goes, the cursor as many rows on.
func (m *themeScreen) page(dir int) tea.Cmd {
	visible := m.visible()
	m.top = min(max(m.top+dir*visible, 0), max(len(m.rows)-visible, 0))
	return m.move(dir * visible)
}

func (m *themeScreen) Help() helpKeys {
	k := m.c.Keys
	open := k.Open
	open.SetEnabled(len(m.rows) > 0)
	short, fix, asking := m.fix.Help(k, true, len(m.rows) > 0)
	if asking {
		return helpKeys{short: short, full: [][]key.Binding{fix}}
	}
	short = append([]key.Binding{k.Up, k.Down, open, k.Back}, short...)
	return helpKeys{short: short, full: [][]key.Binding{{k.Up, k.Down, pagesKey, endsKey, open}, fix, {k.Back, k.Quit}}}
}

// viewHeading is the theme, how often and where it was found, and its words.
func (m *themeScreen) viewHeading(w int) string {
	s := m.c.Styles
	th := m.theme
	first, last := m.c.day(th.FirstSeen), m.c.day(th.LastSeen)
	when := "from " + first + " to " + last
	if first == last {
		when = "on " + first
	}
	why := termtext.Count(th.Count, "entry", "entries") + " " + when + " · " + trendLabel(th.Trend)
	// A person at the head of a list of setbacks can read as the one to
	// blame; the page says what it is.
	if th.Source == insight.SourceName {
		why += "\n" + nameThemeIs
	}
	return s.Question.Render(oneLine(th.Label, w)) + "\n" + wrap(s.Muted, why, w) + "\n" +
		wrap(s.Label, "words you used: "+termtext.Line(strings.Join(th.Terms[:min(len(th.Terms), 8)], ", ")), w) + "\n\n"
}

func (m *themeScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	if m.fix.picking() { // the picker lists themes, as many as the screen holds
		return m.fix.View(w)
	}
	var b strings.Builder
	heading := m.viewHeading(w)
	said := m.fix.View(w) // under the entries, so that they stay where they are
	// What the corrector says can take a row: the cursor's stays in view.
	visible := m.visibleUnder(heading, said)
	top := max(m.top, m.cursor-visible+1)
	if top > 0 { // on the blank line under the heading
		heading = strings.TrimSuffix(heading, "\n") + moreSign(s, "↑") + "\n"
	}
	b.WriteString(heading)
	switch {
	case m.err != nil:
		return b.String() + unreadable(s, m.err, w)
	case !m.loaded:
		return b.String() + waitingForPatterns(s, "Finding the words that made it…", m.still, w)
	}
	for i := top; i < min(top+visible, len(m.rows)); i++ {
		ev := m.rows[i]
		e, ok := m.entries[ev.EntryID]
		if !ok {
			b.WriteString("  " + waiting(s, "…") + "\n\n")
			continue
		}
		mark, style := "  ", s.Text
		if i == m.cursor {
			mark, style = s.Selected.Render("› "), s.Selected
		}
		day := m.c.dayInColumn(e.OccurredOn)
		b.WriteString(mark + s.Muted.Render(day) + "  " + style.Render(oneLine(e.Title, m.c.ListWidth()-4-lipgloss.Width(day))) + "\n")
		b.WriteString("    " + evidenceSnippet(s, e, ev, w-4) + "\n")
	}
	if top+visible < len(m.rows) {
		b.WriteString(moreSign(s, "↓"))
		if said != "" {
			b.WriteString("\n")
		}
	}
	b.WriteString(said)
	return b.String()
}

// evidenceSnippet is the text around an entry's first hit outside its
// title (shown above it), the hit words highlighted; with hits in the title
// alone, the opening of its first answer.
func evidenceSnippet(s Styles, e journal.Entry, ev insight.Evidence, width int) string {
	i := 0
	for i < len(ev.Hits) && ev.Hits[i].Field == insight.FieldTitle {
		i++
	}
	if i == len(ev.Hits) {
		if len(ev.Hits) == 0 {
			return ""
		}
		for _, a := range e.Answers {
			if strings.TrimSpace(a.Text) != "" {
				return highlight(s, a.Text, width)
			}
		}
		return ""
	}
	first := ev.Hits[i]
	text := insight.FieldText(e, first.Field)
	if first.End > len(text) { // the entry changed since its words were found
		return ""
	}
	var b strings.Builder
	start := max(first.Start-width/3, 0)
	// Start on a rune boundary, after a space where there is one near.
	for start > 0 && start < len(text) && text[start]&0xC0 == 0x80 {
		start--
	}
	if i := strings.IndexByte(text[start:first.Start], ' '); start > 0 && i >= 0 {
		start += i + 1
	}
	if start > 0 {
		b.WriteString("…")
	}
	at := start
	for _, h := range ev.Hits {
		if h.Field != first.Field || h.Start < at || h.End > len(text) {
			continue
		}
		b.WriteString(text[at:h.Start] + store.MatchStart + text[h.Start:h.End] + store.MatchEnd)
		at = h.End
	}
	b.WriteString(text[at:])
	return highlight(s, b.String(), width)
}
