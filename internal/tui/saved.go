package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/journal"
)

// savedScreen confirms a saved reflection with one of the article's tips.
type savedScreen struct {
	c      *Common
	entry  journal.Entry
	edited bool
}

func newSavedScreen(c *Common, e journal.Entry, edited bool) *savedScreen {
	return &savedScreen{c: c, entry: e, edited: edited}
}

func (m *savedScreen) Init() tea.Cmd { return nil }
func (m *savedScreen) Title() string { return "saved" }
func (m *savedScreen) Typing() bool  { return false }

func (m *savedScreen) farewell() string {
	return fmt.Sprintf("Saved as entry %d.", m.entry.ID)
}

func (m *savedScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	k := m.c.Keys
	switch {
	case key.Matches(press, k.Home), key.Matches(press, k.Back), press.String() == "q":
		farewell := m.farewell()
		return m, func() tea.Msg { return popMsg{farewell: farewell} }
	case key.Matches(press, k.New) && !m.edited:
		return m, startReflection(m.c, journal.DefaultPromptSet, true)
	}
	return m, nil
}

func (m *savedScreen) Help() helpKeys {
	done := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done"))
	another := key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "another reflection"))
	another.SetEnabled(!m.edited)
	return helpKeys{short: []key.Binding{done, another}, full: [][]key.Binding{{done, another, m.c.Keys.Quit}}}
}

func (m *savedScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	var b strings.Builder
	verb := "Saved"
	if m.edited {
		verb = "Updated"
	}
	b.WriteString(s.Good.Render("✓ "+verb) + s.Muted.Render(fmt.Sprintf("  entry %d", m.entry.ID)) + "\n\n")
	b.WriteString(s.Heading.Render(oneLine(m.entry.Title, w)) + "\n")
	if l := m.entry.LessonOrDifferently(); l != "" {
		b.WriteString(clip(s.Text, l, w, 3, "") + "\n")
	}
	if f := m.entry.Followup; f != nil && f.DueOn != "" {
		b.WriteString("\n" + s.Muted.Render("failup will ask how it went on "+f.DueOn.Time().Format("Monday 2 January")+".") + "\n")
	}
	if tip := m.c.Prompts.Tip(int(m.entry.ID)); tip != "" {
		b.WriteString("\n" + wrap(s.Accent, tip, w) + "\n")
	}
	return b.String()
}
