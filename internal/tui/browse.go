package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/searchquery"
	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

// searchLimit is how many full-text results the browse screen shows.
const searchLimit = 50

type (
	// pageLoadedMsg is one page of the list; seq drops answers to old queries.
	pageLoadedMsg struct {
		seq     int
		top     int
		entries []journal.Entry
		total   int
		err     error
	}
	hitsLoadedMsg struct {
		seq   int
		query string
		found store.Results
		err   error
	}
)

// browseScreen lists entries newest first, a page at a time from the journal,
// filtered as you type by title and tag; "/" switches to full-text search.
type browseScreen struct {
	c      *Common
	query  textinput.Model
	search bool // full-text search instead of the title/tag filter
	// searchOnly is set when the screen was opened to search: esc then
	// goes back where it came from, not to the list.
	searchOnly bool
	// atResults is set once the person has gone from the search box to
	// its results (moved among them, or opened one and come back): / then
	// starts a new search. While typing, / is a slash, as in before:28/11.
	atResults bool
	seq       int
	// stop ends the load under way, when another replaces it: a search
	// runs at each key press, and only the last one's answer is shown.
	stop context.CancelFunc

	// The list: total matches, the loaded page starting at top, and the cursor
	// as an index into all matches.
	total   int
	top     int
	entries []journal.Entry
	cursor  int

	loaded bool // the first answer has come
	// In search mode: the hits shown, the query they answer, a query that
	// would find something when nothing matches (else what may find more),
	// and a mistake in the query.
	hits       []store.Hit
	halfTyped  bool
	suggestion string
	widen      string
	unmatched  []store.Unmatched
	problem    string
	err        error
}

func newBrowseScreen(c *Common, search bool) *browseScreen {
	m := &browseScreen{c: c, query: newInput(c, "type to filter by title or tag", 200), search: search, searchOnly: search}
	m.setMode(search)
	m.query.Focus()
	return m
}

func (m *browseScreen) setMode(search bool) {
	m.search = search
	m.cursor, m.top = 0, 0
	if search {
		m.query.Prompt = "search › "
		m.query.Placeholder = "words from what you wrote"
	} else {
		m.query.Prompt = "filter › "
		m.query.Placeholder = "type to filter by title or tag · / to search what you wrote"
	}
}

func (m *browseScreen) Title() string {
	if m.search {
		return "search"
	}
	return "browse · " + termtext.Count(m.total, "entry", "entries")
}

// Typing is true once something is typed: on an empty filter ? is help.
func (m *browseScreen) Typing() bool { return m.query.Value() != "" }

// rows is how many entries fit on the screen.
func (m *browseScreen) rows() int {
	if m.search {
		return max((m.c.BodyHeight()-5)/2, 1) // a title and a snippet each, under a count
	}
	return max(m.c.BodyHeight()-4, 1)
}

// Init reloads what is shown: it runs again on coming back from an entry,
// which may have been edited or deleted.
func (m *browseScreen) Init() tea.Cmd { return m.load() }

func (m *browseScreen) load() tea.Cmd { return m.loadFrom(m.top) }

// loadFrom loads the page of the list that starts at from, or as near to it
// as keeps the cursor on it.
func (m *browseScreen) loadFrom(from int) tea.Cmd {
	m.seq++
	if m.stop != nil {
		m.stop()
	}
	ctx, stop := context.WithCancel(m.c.Ctx)
	m.stop = stop
	seq, c, text := m.seq, m.c, strings.TrimSpace(m.query.Value())
	if m.search {
		return func() tea.Msg {
			defer stop()
			found, err := c.Journal.SearchAsTyped(ctx, text, searchLimit)
			if err == nil && len(found.Hits) == 0 && found.Suggestion == "" && !halfTyped(text) {
				// Read whole, as the command line reads it, the query says
				// which of its words no entry has: the last word too, when
				// no word of the journal even begins with it.
				if whole, err := c.Journal.Search(ctx, text, searchLimit); err == nil && len(whole.Hits) == 0 {
					found.Unmatched = whole.Unmatched
				}
			}
			return hitsLoadedMsg{seq: seq, query: text, found: found, err: err}
		}
	}
	rows := m.rows()
	top := min(from, m.cursor)
	if m.cursor >= top+rows {
		top = m.cursor - rows + 1
	}
	return func() tea.Msg {
		defer stop()
		f := store.Filter{Text: text}
		total, err := c.Journal.Count(ctx, f)
		if err != nil {
			return pageLoadedMsg{seq: seq, err: err}
		}
		top := min(top, max(total-rows, 0))
		f.Limit, f.Offset = rows, top
		entries, err := c.Journal.List(ctx, f)
		return pageLoadedMsg{seq: seq, top: top, entries: entries, total: total, err: err}
	}
}

func (m *browseScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case pageLoadedMsg:
		if msg.seq == m.seq {
			m.err, m.top, m.entries, m.total, m.loaded = msg.err, msg.top, msg.entries, msg.total, true
			m.cursor = min(m.cursor, max(m.total-1, 0))
		}
	case hitsLoadedMsg:
		if msg.seq == m.seq {
			m.loaded = true
			m.showHits(msg)
		}
	case tea.WindowSizeMsg:
		return m, m.load()
	case tea.BackgroundColorMsg:
		restyle(m.c.Styles, []*textinput.Model{&m.query})
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

// showHits shows what a search found. While the last word is too short to
// be read as the start of longer ones, a search that finds nothing leaves
// the results of the one before on the screen: a word half typed is not a
// search that failed.
func (m *browseScreen) showHits(msg hitsLoadedMsg) {
	m.err, m.problem, m.suggestion, m.widen, m.unmatched = nil, "", msg.found.Suggestion, msg.found.Widen, msg.found.Unmatched
	var bad *store.QueryError
	switch {
	case errors.As(msg.err, &bad):
		m.problem = bad.Error()
		return
	case msg.err != nil:
		m.err = msg.err
		return
	}
	m.halfTyped = len(msg.found.Hits) == 0 && halfTyped(msg.query)
	if !m.halfTyped {
		m.hits = msg.found.Hits
	}
	m.cursor = min(m.cursor, max(len(m.hits)-1, 0))
}

// halfTyped reports whether query ends in a word of one or two letters,
// which search reads whole, so it may well be the start of a longer one.
func halfTyped(query string) bool {
	fields := strings.Fields(query)
	if len(fields) == 0 {
		return false
	}
	last := []rune(fields[len(fields)-1])
	return len(last) < 3 && !strings.ContainsAny(string(last), `":`)
}

func (m *browseScreen) count() int {
	if m.search {
		return len(m.hits)
	}
	return m.total
}

func (m *browseScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.ArrowUp, k.ArrowDown, k.PageUp, k.PageDown, k.First, k.Last, k.Open):
		m.atResults = m.search
	}
	switch {
	case key.Matches(msg, k.ArrowUp):
		return m.move(-1)
	case key.Matches(msg, k.ArrowDown):
		return m.move(1)
	case key.Matches(msg, k.PageUp):
		return m.page(-1)
	case key.Matches(msg, k.PageDown):
		return m.page(1)
	case key.Matches(msg, k.First):
		return m.move(-m.count())
	case key.Matches(msg, k.Last):
		return m.move(m.count())
	case key.Matches(msg, k.Search) && (!m.search || m.atResults):
		m.setMode(true)
		m.query.SetValue("")
		m.atResults = false
		return m.load()
	case key.Matches(msg, k.Back):
		if m.search && !m.searchOnly {
			m.setMode(false)
			m.query.SetValue("")
			return m.load()
		}
		return pop
	case m.search && m.suggestion != "" && len(m.hits) == 0 && key.Matches(msg, m.useSuggestion()):
		m.query.SetValue(m.suggestion)
		m.query.CursorEnd()
		m.cursor, m.top = 0, 0
		return m.load()
	case key.Matches(msg, k.Open):
		if id := m.selected(); id != 0 {
			return push(newDetailScreen(m.c, id))
		}
		return nil
	}
	before := m.query.Value()
	var cmd tea.Cmd
	m.query, cmd = m.query.Update(msg)
	if m.query.Value() != before {
		m.cursor, m.top, m.atResults = 0, 0, false
		return tea.Batch(cmd, m.load())
	}
	return cmd
}

// move moves the cursor by delta, loading another page when it leaves this one.
func (m *browseScreen) move(delta int) tea.Cmd {
	m.cursor = min(max(m.cursor+delta, 0), max(m.count()-1, 0))
	if m.search {
		m.top = min(max(m.top, m.cursor-m.rows()+1), m.cursor)
		return nil
	}
	if m.cursor >= m.top && m.cursor < m.top+len(m.entries) {
		return nil
	}
	return m.load()
}

// page shows the next page, up (dir -1) or down, as far as the list goes,
// the cursor as many rows on.
func (m *browseScreen) page(dir int) tea.Cmd {
	rows := m.rows()
	top := min(max(m.top+dir*rows, 0), max(m.count()-rows, 0))
	m.cursor = min(max(m.cursor+dir*rows, 0), max(m.count()-1, 0))
	if m.search {
		m.top = min(max(top, m.cursor-rows+1), m.cursor)
		return nil
	}
	return m.loadFrom(top)
}

func (m *browseScreen) selected() int64 {
	if m.search {
		if m.cursor < len(m.hits) {
			return m.hits[m.cursor].ID
		}
		return 0
	}
	if i := m.cursor - m.top; i >= 0 && i < len(m.entries) {
		return m.entries[i].ID
	}
	return 0
}

func (m *browseScreen) useSuggestion() key.Binding {
	return key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "use the suggestion"))
}

// querySyntax are the forms a search can take, for the full help: shown
// like keys, though they are typed, not pressed.
func querySyntax() []key.Binding {
	var out []key.Binding
	for _, form := range [][2]string{
		{`"a phrase"`, "together"}, {"a OR b", "either"}, {"-word", "leave out"},
		{"tag:work skill:resilience", "filter"}, {`after:"last month" before:DAY`, "days"}, {"pattern:NAME", "a pattern"},
	} {
		out = append(out, key.NewBinding(key.WithKeys(form[0]), key.WithHelp(form[0], form[1])))
	}
	return out
}

func (m *browseScreen) Help() helpKeys {
	k := m.c.Keys
	move := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move"))
	open := k.Open
	open.SetEnabled(m.count() > 0)
	search := k.Search
	search.SetEnabled(!m.search || m.atResults)
	back := k.Back
	if m.search && !m.searchOnly {
		back.SetHelp("esc", "back to the list")
	}
	if m.search {
		suggest := m.useSuggestion()
		suggest.SetEnabled(m.suggestion != "" && len(m.hits) == 0)
		search.SetHelp("/", "new search")
		return helpKeys{
			short: []key.Binding{move, open, search, suggest, back},
			full:  [][]key.Binding{{move, pagesKey, endsKey, open, search, suggest, back, k.Quit}, querySyntax()},
		}
	}
	return helpKeys{
		short: []key.Binding{move, open, search, back},
		full:  [][]key.Binding{{move, pagesKey, endsKey, open}, {search, back, k.Quit}},
	}
}

func (m *browseScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	m.query.SetWidth(w - 12)
	var b strings.Builder
	b.WriteString(m.query.View() + "\n\n")
	switch {
	case m.err != nil:
		b.WriteString(unreadable(s, m.err, w))
	case !m.loaded:
		b.WriteString(waiting(s, "Opening your journal…"))
	case m.search:
		b.WriteString(m.viewHits(w))
	default:
		b.WriteString(m.viewList(w))
	}
	return b.String()
}

func (m *browseScreen) viewList(w int) string {
	s := m.c.Styles
	if m.total == 0 {
		if m.query.Value() != "" {
			return s.Muted.Render("No titles or tags match. / searches everything you wrote.")
		}
		return wrap(s.Hint, "No reflections yet. They will be here when you need them.", w)
	}
	var b strings.Builder
	day := m.c.dayInColumn
	cols := columnsFor(m.entries, m.c.ListWidth(), day)
	for i, e := range m.entries {
		row := entryRow(s, day(e.OccurredOn), e, cols, m.top+i == m.cursor)
		w = max(w, lipgloss.Width(row))
		b.WriteString(row + "\n")
	}
	b.WriteString("\n" + spread(s.Muted.Render(fmt.Sprintf("%d–%d of %d", m.top+1, m.top+len(m.entries), m.total)), severityKey(s, m.entries), w))
	return b.String()
}

func (m *browseScreen) viewHits(w int) string {
	s := m.c.Styles
	typed := strings.TrimSpace(m.query.Value())
	switch {
	case searchquery.ParseTyped(typed).IsZero(): // nothing typed yet, or no word in it
		return wrap(s.Hint, "Search everything you wrote, tags and skills too. Words match in any form: “slept” finds “sleep”, "+
			"and the last word as you type it: “defens” finds “defensive”. \"Quoted words\" match together; "+
			"a OR b, -word, tag:work, skill:resilience, after:\"last month\", before:2026-05-01 and pattern:overcommitment narrow it. "+
			"f1 lists them.", w)
	case m.problem != "":
		return wrap(s.Hint, m.problem+".", w)
	case len(m.hits) == 0 && m.halfTyped:
		return s.Muted.Render("Keep typing: from its third letter, a word finds the words it begins.")
	case len(m.hits) == 0 && m.suggestion != "":
		return s.Muted.Render("Nothing matches. Did you mean ") + s.Match.Render(m.suggestion) + s.Muted.Render("? tab searches for it.")
	case len(m.hits) == 0 && len(m.unmatched) > 0:
		return wrap(s.Muted, "Nothing matches. "+store.SayUnmatched(m.unmatched, m.widen), w)
	case len(m.hits) == 0:
		return s.Muted.Render(strings.TrimSpace("Nothing matches. " + m.widen))
	}
	found := fmt.Sprintf("%d found, best first", len(m.hits))
	switch {
	case m.halfTyped:
		found = "keep typing: from its third letter, a word finds the words it begins"
	case len(m.hits) == searchLimit:
		found = fmt.Sprintf("the best %d, best first", searchLimit)
	}
	rows := m.rows()
	top := min(max(m.top, m.cursor-rows+1), m.cursor)
	above := ""
	if top > 0 {
		above = moreSign(s, "↑")
	}
	var b strings.Builder
	b.WriteString(spread(s.Muted.Render(found), above, w) + "\n")
	for i := top; i < min(top+rows, len(m.hits)); i++ {
		h := m.hits[i]
		mark, style := "  ", s.Text
		if i == m.cursor {
			mark, style = s.Selected.Render("› "), s.Selected
		}
		date := m.c.dayInColumn(h.OccurredOn)
		b.WriteString(mark + s.Muted.Render(date) + "  " + style.Render(oneLine(h.Title, m.c.ListWidth()-4-lipgloss.Width(date))) + "\n")
		if h.Snippet != "" { // an entry with no text but its title
			b.WriteString("    " + highlight(s, h.Snippet, w-4) + "\n")
		}
	}
	if top+rows < len(m.hits) {
		b.WriteString(moreSign(s, "↓"))
	}
	return b.String()
}
