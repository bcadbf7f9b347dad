package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/changelog"
)

type (
	conflictsLoadedMsg struct {
		conflicts []app.Conflict
		err       error
	}
	conflictResolvedMsg struct {
		title string
		err   error
	}
)

// conflictsKey opens the conflicts from the home screen, when there are any.
var conflictsKey = key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "choose between versions"))

// conflictsScreen shows the entries edited on two devices before they
// synced, one at a time with both versions, and keeps the one the person
// chooses.
type conflictsScreen struct {
	c         *Common
	conflicts []app.Conflict
	loaded    bool
	err       error
	at        int // the conflict shown
	view      viewport.Model
	// keeping is the version the person chose, waiting for a yes; "" when
	// nothing is asked.
	keeping string
	keys    conflictKeys
}

type conflictKeys struct{ keepShown, keepOther, next, prev key.Binding }

func newConflictsScreen(c *Common) *conflictsScreen {
	return &conflictsScreen{c: c, view: viewport.New(), keys: conflictKeys{
		keepShown: key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "keep the version shown now")),
		keepOther: key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "keep the other")),
		next:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next conflict")),
		prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous")),
	}}
}

func (m *conflictsScreen) Title() string { return "edited on two devices" }
func (m *conflictsScreen) Typing() bool  { return false }

func (m *conflictsScreen) Init() tea.Cmd {
	c := m.c
	return func() tea.Msg {
		cs, err := c.Journal.Conflicts(c.Ctx)
		return conflictsLoadedMsg{conflicts: cs, err: err}
	}
}

func (m *conflictsScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case conflictsLoadedMsg:
		m.conflicts, m.err, m.loaded = msg.conflicts, msg.err, true
		m.at = min(m.at, max(len(m.conflicts)-1, 0))
		m.layout()
	case conflictResolvedMsg:
		if msg.err != nil {
			m.err = msg.err
			return m, nil
		}
		kept := fmt.Sprintf("Kept one version of “%s”.", msg.title)
		if len(m.conflicts) <= 1 {
			return m, popSaying(kept)
		}
		return m, m.Init()
	case tea.WindowSizeMsg, tea.BackgroundColorMsg:
		m.layout()
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *conflictsScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	if m.keeping != "" {
		keep := m.keeping
		m.keeping = ""
		if key.Matches(msg, k.Yes) {
			c, cf := m.c, m.conflicts[m.at]
			title := cf.Entries[keep].Title
			return func() tea.Msg {
				return conflictResolvedMsg{title: title, err: c.Journal.ResolveConflict(c.Ctx, cf.UID, keep)}
			}
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Back, k.Close):
		return pop
	case len(m.conflicts) == 0:
		return nil
	case key.Matches(msg, m.keys.keepShown):
		m.keeping = m.conflicts[m.at].Shown.ID
	case key.Matches(msg, m.keys.keepOther):
		m.keeping = m.conflicts[m.at].Others[0].ID
	case key.Matches(msg, m.keys.next):
		m.at = (m.at + 1) % len(m.conflicts)
		m.layout()
	case key.Matches(msg, m.keys.prev):
		m.at = (m.at + len(m.conflicts) - 1) % len(m.conflicts)
		m.layout()
	default:
		var cmd tea.Cmd
		m.view, cmd = m.view.Update(msg)
		return cmd
	}
	return nil
}

// layout puts both versions of the conflict shown in the viewport, under
// the lines that say which is which.
func (m *conflictsScreen) layout() {
	w := m.c.BodyWidth()
	m.view.SetWidth(w)
	// Below the two lines that say what this is, and above a question of
	// up to two lines, each with a blank line between.
	m.view.SetHeight(max(m.c.BodyHeight()-6, 3))
	if len(m.conflicts) == 0 {
		return
	}
	cf := m.conflicts[m.at]
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(s.Label.Render("1  Shown now") + s.Muted.Render(" · "+m.versionNote(cf.Shown)) + "\n\n")
	b.WriteString(renderEntry(m.c, cf.Entries[cf.Shown.ID], nil, w) + "\n\n")
	other := cf.Others[0]
	b.WriteString(s.Label.Render("2  The other version") + s.Muted.Render(" · "+m.versionNote(other)) + "\n\n")
	b.WriteString(renderEntry(m.c, cf.Entries[other.ID], nil, w))
	m.view.SetContent(b.String())
	m.view.GotoTop()
}

// versionNote says when a version was edited.
func (m *conflictsScreen) versionNote(v changelog.Version) string {
	return "edited " + m.c.ago(m.conflicts[m.at].Entries[v.ID].UpdatedAt)
}

func (m *conflictsScreen) Help() helpKeys {
	k := m.c.Keys
	if m.keeping != "" {
		yes := k.Yes
		yes.SetHelp("y", "keep this version")
		no := key.NewBinding(key.WithKeys("n"), key.WithHelp("any other key", "go back"))
		return helpKeys{short: []key.Binding{yes, no}, full: [][]key.Binding{{yes, no}}}
	}
	have := len(m.conflicts) > 0
	keepShown, keepOther, next, prev := m.keys.keepShown, m.keys.keepOther, m.keys.next, m.keys.prev
	keepShown.SetEnabled(have)
	keepOther.SetEnabled(have)
	next.SetEnabled(len(m.conflicts) > 1)
	prev.SetEnabled(len(m.conflicts) > 1)
	scroll := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll"))
	return helpKeys{short: []key.Binding{keepShown, keepOther, next, k.Back, k.Help},
		full: [][]key.Binding{{keepShown, keepOther}, {next, prev, scroll}, {k.Back, k.Quit}}}
}

func (m *conflictsScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	switch {
	case m.err != nil:
		return unreadable(s, m.err, w)
	case !m.loaded:
		return waiting(s, "Finding the entries edited on two devices…")
	case len(m.conflicts) == 0:
		return wrap(s.Hint, "Every entry has one version: nothing to choose.", w)
	}
	var b strings.Builder
	intro := "This entry was edited on two devices before they synced. Both versions are kept until you choose; the one you keep is kept on every device."
	if n := len(m.conflicts); n > 1 {
		intro = fmt.Sprintf("%d of %d · ", m.at+1, n) + intro
	}
	b.WriteString(wrap(s.Muted, intro, w) + "\n\n")
	b.WriteString(m.view.View() + "\n")
	switch {
	case m.keeping != "":
		which := "the version shown now"
		if m.keeping != m.conflicts[m.at].Shown.ID {
			which = "version 2"
		}
		b.WriteString("\n" + wrap(s.Notice, "Keep "+which+" and let the other go? Press y to keep it, any other key to go back.", w))
	case !m.view.AtBottom():
		b.WriteString("\n" + moreSign(s, "↓"))
	}
	return b.String()
}
