package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// problemScreen explains, kindly, something that stopped a screen from opening.
type problemScreen struct {
	c       *Common
	message string
}

func newProblemScreen(c *Common, message string) *problemScreen {
	return &problemScreen{c: c, message: message}
}

func (m *problemScreen) Init() tea.Cmd { return nil }
func (m *problemScreen) Title() string { return "" }
func (m *problemScreen) Typing() bool  { return false }

func (m *problemScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	if press, ok := msg.(tea.KeyPressMsg); ok && (key.Matches(press, m.c.Keys.Back) || key.Matches(press, m.c.Keys.Open)) {
		return m, pop
	}
	return m, nil
}

func (m *problemScreen) Help() helpKeys {
	back := key.NewBinding(key.WithKeys("esc", "enter"), key.WithHelp("esc", "back"))
	return helpKeys{short: []key.Binding{back}, full: [][]key.Binding{{back, m.c.Keys.Quit}}}
}

func (m *problemScreen) View() string {
	return wrap(m.c.Styles.Notice, m.message, m.c.BodyWidth())
}
