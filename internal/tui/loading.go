package tui

import tea "charm.land/bubbletea/v2"

// loadingScreen stands in while the first screen's data loads; load's message
// replaces it.
type loadingScreen struct {
	c    *Common
	load tea.Cmd
}

func newLoadingScreen(c *Common, load tea.Cmd) *loadingScreen {
	return &loadingScreen{c: c, load: load}
}

func (m *loadingScreen) Init() tea.Cmd                    { return m.load }
func (m *loadingScreen) Update(tea.Msg) (screen, tea.Cmd) { return m, nil }
func (m *loadingScreen) View() string                     { return waiting(m.c.Styles, "Opening…") }
func (m *loadingScreen) Title() string                    { return "" }
func (m *loadingScreen) Typing() bool                     { return false }
func (m *loadingScreen) Help() helpKeys                   { return helpKeys{} }
