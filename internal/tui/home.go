package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

// homeRecent is how many recent entries the home screen loads; it shows as
// many as fit.
const homeRecent = 12

type homeLoadedMsg struct {
	recent []journal.Entry
	total  int
	draft  *journal.Draft
	err    error
}

// homeScreen greets the person: what to do now, and the latest reflections.
type homeScreen struct {
	c      *Common
	loaded bool
	data   homeLoadedMsg
	cursor int // in the recent entries; -1 before the person moves
}

func newHomeScreen(c *Common) *homeScreen { return &homeScreen{c: c, cursor: -1} }

func (m *homeScreen) Title() string { return "home" }
func (m *homeScreen) Typing() bool  { return false }

// Init (re)loads the home data: it runs again each time the person comes back.
func (m *homeScreen) Init() tea.Cmd {
	c := m.c
	return func() tea.Msg {
		var msg homeLoadedMsg
		if msg.recent, msg.err = c.Journal.List(c.Ctx, store.Filter{Limit: homeRecent}); msg.err != nil {
			return msg
		}
		if msg.total, msg.err = c.Journal.Count(c.Ctx, store.Filter{}); msg.err != nil {
			return msg
		}
		d, ok, err := c.Journal.Draft(c.Ctx, journal.NewDraftKey)
		if ok {
			msg.draft = &d
		}
		msg.err = err
		return msg
	}
}

func (m *homeScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case homeLoadedMsg:
		m.loaded, m.data = true, msg
		m.cursor = min(m.cursor, len(msg.recent)-1)
	case tea.KeyPressMsg:
		k := m.c.Keys
		switch {
		case key.Matches(msg, k.New):
			return m, startReflection(m.c, journal.DefaultPromptSet, true)
		case msg.String() == "b":
			return m, push(newBrowseScreen(m.c, false))
		case msg.String() == "/":
			return m, push(newBrowseScreen(m.c, true))
		case key.Matches(msg, k.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, k.Down):
			m.cursor = min(m.cursor+1, len(m.data.recent)-1, m.visible()-1)
		case key.Matches(msg, k.Open) && m.cursor >= 0:
			return m, push(newDetailScreen(m.c, m.data.recent[m.cursor].ID))
		case key.Matches(msg, k.Back), msg.String() == "q":
			return m, pop
		}
	}
	return m, nil
}

func (m *homeScreen) Help() helpKeys {
	k := m.c.Keys
	quit := key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "quit"))
	browse := key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "browse"))
	search := key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search"))
	open := k.Open
	open.SetEnabled(m.cursor >= 0)
	has := m.data.total > 0
	browse.SetEnabled(has)
	search.SetEnabled(has)
	return helpKeys{short: []key.Binding{k.New, browse, search, open, quit, k.Help},
		full: [][]key.Binding{{k.New, browse, search}, {k.Up, k.Down, open}, {quit, k.Quit}}}
}

func (m *homeScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	if !m.loaded {
		return ""
	}
	if m.data.err != nil {
		return wrap(s.Notice, "The journal can't be read right now: "+m.data.err.Error()+".", w)
	}
	var b strings.Builder
	if d := m.data.draft; d != nil {
		title := d.Entry.Title
		if strings.TrimSpace(title) == "" {
			title = "untitled"
		}
		b.WriteString(s.Question.Render("n  ") + s.Text.Render("Continue “"+oneLine(title, w-20)+"”") + "\n")
		b.WriteString(s.Muted.Render("   an unfinished reflection, saved "+ago(d.SavedAt, m.c.Now())) + "\n\n")
	} else {
		b.WriteString(s.Question.Render("n  ") + s.Text.Render("Reflect on a setback") + "\n")
		b.WriteString(s.Muted.Render("   four questions, a few minutes, saved as you type") + "\n\n")
	}
	if m.data.total == 0 {
		b.WriteString(wrap(s.Hint, "Your journal is empty, and that's fine. It's here for when something doesn't go the way you hoped.", w))
		return b.String()
	}
	b.WriteString(s.Question.Render("b  ") + s.Text.Render("Browse your reflections") + s.Muted.Render(fmt.Sprintf("  %d in all", m.data.total)) + "\n")
	b.WriteString(s.Question.Render("/  ") + s.Text.Render("Search what you wrote") + "\n\n")
	b.WriteString(s.Label.Render("Most recent") + "\n")
	for i, e := range m.data.recent[:min(m.visible(), len(m.data.recent))] {
		b.WriteString(entryRow(s, e, w, i == m.cursor) + "\n")
	}
	return b.String()
}

// visible is how many recent entries fit under the menu.
func (m *homeScreen) visible() int {
	return max(m.c.BodyHeight()-8, 1)
}
