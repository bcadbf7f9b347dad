package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

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
}

func newHomeScreen(c *Common) *homeScreen { return &homeScreen{c: c} }

func (m *homeScreen) Title() string { return "home" }
func (m *homeScreen) Typing() bool  { return false }

// Init (re)loads the home data: it runs again each time the person comes back.
func (m *homeScreen) Init() tea.Cmd {
	c := m.c
	rows := max(c.BodyHeight()-10, 3)
	return func() tea.Msg {
		var msg homeLoadedMsg
		if msg.recent, msg.err = c.Journal.List(c.Ctx, store.Filter{Limit: rows}); msg.err != nil {
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
	case tea.KeyPressMsg:
		k := m.c.Keys
		switch {
		case key.Matches(msg, k.New):
			return m, startReflection(m.c, journal.DefaultPromptSet, true)
		case key.Matches(msg, k.Back), msg.String() == "q":
			return m, pop
		}
	}
	return m, nil
}

func (m *homeScreen) Help() helpKeys {
	k := m.c.Keys
	quit := key.NewBinding(key.WithKeys("q", "esc"), key.WithHelp("q", "quit"))
	return helpKeys{short: []key.Binding{k.New, quit, k.Help}, full: [][]key.Binding{{k.New}, {quit, k.Quit}}}
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
	b.WriteString(s.Label.Render(fmt.Sprintf("Recent reflections · %d in all", m.data.total)) + "\n")
	for _, e := range m.data.recent {
		b.WriteString(m.row(e, w) + "\n")
	}
	return b.String()
}

// row is one entry in a list: date, title and tags.
func (m *homeScreen) row(e journal.Entry, w int) string {
	s := m.c.Styles
	date := e.OccurredOn.Time().Format("2 Jan 2006")
	tags := ""
	if len(e.Tags) > 0 {
		tags = "  " + oneLine(strings.Join(e.Tags, ", "), 24)
	}
	title := oneLine(e.Title, w-len(date)-len(tags)-4)
	return "  " + s.Muted.Render(fmt.Sprintf("%-11s", date)) + " " + s.Text.Render(title) + s.Accent.Render(tags)
}
