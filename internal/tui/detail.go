package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

type (
	entryLoadedMsg struct {
		id       int64
		entry    journal.Entry
		attempts []journal.Entry
		err      error
	}
	entryDeletedMsg struct {
		id  int64
		err error
	}
)

// detailScreen shows one whole entry, scrollable, with edit and delete.
type detailScreen struct {
	c          *Common
	id         int64
	entry      journal.Entry
	attempts   []journal.Entry // the chain of attempts it is part of
	loaded     bool
	err        error
	view       viewport.Model
	confirming bool
}

func newDetailScreen(c *Common, id int64) *detailScreen {
	return &detailScreen{c: c, id: id, view: viewport.New()}
}

func (m *detailScreen) Title() string { return fmt.Sprintf("entry %d", m.id) }
func (m *detailScreen) Typing() bool  { return false }

// Init (re)loads the entry: it runs again on coming back from an edit.
func (m *detailScreen) Init() tea.Cmd {
	c, id := m.c, m.id
	return func() tea.Msg {
		e, err := c.Journal.Entry(c.Ctx, id)
		if err != nil {
			return entryLoadedMsg{id: id, err: err}
		}
		attempts, err := c.Journal.Attempts(c.Ctx, id)
		return entryLoadedMsg{id: id, entry: e, attempts: attempts, err: err}
	}
}

func (m *detailScreen) layout() {
	w := m.c.BodyWidth()
	m.view.SetWidth(w)
	m.view.SetHeight(max(m.c.BodyHeight()-2, 3))
	if m.loaded {
		m.view.SetContent(renderEntry(m.c, m.entry, m.attempts, w))
	}
}

func (m *detailScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case entryLoadedMsg:
		if msg.id == m.id {
			m.entry, m.attempts, m.err, m.loaded = msg.entry, msg.attempts, msg.err, msg.err == nil
			m.layout()
		}
	case entryDeletedMsg:
		if msg.id == m.id {
			if msg.err != nil {
				m.err = msg.err
				return m, nil
			}
			return m, popSaying(fmt.Sprintf("Deleted “%s”.", m.entry.Title))
		}
	case tea.WindowSizeMsg, tea.BackgroundColorMsg:
		m.layout()
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *detailScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	if m.confirming {
		m.confirming = false
		if key.Matches(msg, k.Yes) {
			c, id := m.c, m.id
			return func() tea.Msg { return entryDeletedMsg{id: id, err: c.Journal.Delete(c.Ctx, id)} }
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Back, k.Close):
		return pop
	case key.Matches(msg, k.Edit) && m.loaded:
		return startEdit(m.c, m.id, true)
	case key.Matches(msg, k.Delete) && m.loaded:
		m.confirming = true
		return nil
	}
	var cmd tea.Cmd
	m.view, cmd = m.view.Update(msg)
	return cmd
}

func (m *detailScreen) Help() helpKeys {
	k := m.c.Keys
	if m.confirming {
		return confirmKeys(k, "delete it")
	}
	scroll := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll"))
	edit, del := k.Edit, k.Delete
	edit.SetEnabled(m.loaded)
	del.SetEnabled(m.loaded)
	return helpKeys{short: []key.Binding{scroll, edit, del, k.Back, k.Help},
		full: [][]key.Binding{{scroll, edit, del}, {k.Back, k.Quit}}}
}

func (m *detailScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	switch {
	case errors.Is(m.err, store.ErrNotFound):
		return wrap(s.Notice, "This entry is no longer in the journal.", w)
	case m.err != nil:
		return wrap(s.Notice, "This entry can't be read right now: "+m.err.Error()+".", w)
	case !m.loaded:
		return waiting(s, "Opening the entry…")
	}
	var b strings.Builder
	b.WriteString(m.view.View() + "\n")
	if m.confirming {
		b.WriteString("\n" + s.Notice.Render("Delete this entry for good? Press y to delete, any other key to keep it."))
	} else if !m.view.AtBottom() {
		b.WriteString("\n" + moreSign(s, "↓"))
	}
	return b.String()
}
