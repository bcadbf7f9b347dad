package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// screen is one page of the app. The root sends it key presses only while it
// is on top, and every other message always.
type screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (screen, tea.Cmd)
	View() string
	// Title names the screen in the header.
	Title() string
	// Help lists the keys that work now.
	Help() helpKeys
	// Typing reports whether keys are going into a text field, where ? is
	// just a question mark.
	Typing() bool
}

// Navigation messages, sent by screens as commands.
type (
	pushMsg    struct{ s screen }
	replaceMsg struct{ s screen }
	// popMsg goes back; from the last screen it ends the program, printing
	// farewell, if any, to the shell. notice, if any, says under the header
	// of the screen gone back to what was done, until the next key.
	popMsg struct{ farewell, notice string }
)

func push(s screen) tea.Cmd    { return func() tea.Msg { return pushMsg{s} } }
func replace(s screen) tea.Cmd { return func() tea.Msg { return replaceMsg{s} } }
func pop() tea.Msg             { return popMsg{} }

// popSaying goes back, saying what was done on the screen gone back to.
func popSaying(notice string) tea.Cmd { return func() tea.Msg { return popMsg{notice: notice} } }

// quitter is a screen with something to do before the program ends on ctrl+c:
// the reflection saves its draft, and says so in farewell.
type quitter interface {
	BeforeQuit() (save tea.Cmd, farewell string)
}

// Model is the root: it owns the window and the stack of screens, handles the
// keys every screen shares, and routes the rest.
type Model struct {
	c        *Common
	bg       tea.Msg // the terminal's background, once it has said
	stack    []screen
	help     help.Model
	fullHelp bool
	farewell string
	notice   string
	quitting bool
	// interrupted is set when ctrl+c (or an interrupt) ends the program.
	interrupted bool
}

func newModel(c *Common, first screen) *Model {
	h := help.New()
	h.Styles = c.Styles.Help
	return &Model{c: c, stack: []screen{first}, help: h}
}

func (m *Model) top() screen { return m.stack[len(m.stack)-1] }

// Farewell is the line to print after the program ends, if any.
func (m *Model) Farewell() string { return m.farewell }

// Interrupted reports whether ctrl+c ended the program.
func (m *Model) Interrupted() bool { return m.interrupted }

func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.top().Init())
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.help.SetWidth(m.c.BodyWidth())
		return m, m.broadcast(msg)
	case tea.BackgroundColorMsg:
		m.bg = msg
		m.c.Styles = NewStyles(msg.IsDark())
		m.help.Styles = m.c.Styles.Help
		return m, m.broadcast(msg)
	case tea.KeyPressMsg:
		m.notice = ""
		switch {
		case key.Matches(msg, m.c.Keys.Quit):
			return m, m.quit()
		case key.Matches(msg, m.c.Keys.HelpKey) || key.Matches(msg, m.c.Keys.Help) && !m.top().Typing():
			m.fullHelp = !m.fullHelp
			return m, nil
		case m.fullHelp && key.Matches(msg, m.c.Keys.Back):
			m.fullHelp = false
			return m, nil
		}
	case reflectionReadyMsg:
		return m, openReflection(m.c, msg)
	case pushMsg:
		m.fullHelp = false
		m.stack = append(m.stack, msg.s)
		return m, m.open()
	case replaceMsg:
		m.fullHelp = false
		m.stack[len(m.stack)-1] = msg.s
		return m, m.open()
	case popMsg:
		m.fullHelp = false
		if len(m.stack) == 1 {
			m.farewell = sentences(m.c.savedSummary(), msg.farewell)
			m.quitting = true
			return m, tea.Quit
		}
		m.stack = m.stack[:len(m.stack)-1]
		m.notice = msg.notice
		return m, m.top().Init()
	case tea.InterruptMsg:
		return m, m.quit()
	}
	if _, isKey := msg.(tea.KeyPressMsg); isKey {
		var cmd tea.Cmd
		m.stack[len(m.stack)-1], cmd = m.top().Update(msg)
		return m, cmd
	}
	return m, m.broadcast(msg)
}

// open starts the screen just put on top, and tells it the window's size
// and the terminal's background: it may have been built, from a command's
// answer, before they were known.
func (m *Model) open() tea.Cmd {
	cmds := []tea.Cmd{m.top().Init()}
	var settled []tea.Msg
	if m.c.Width > 0 {
		settled = append(settled, tea.WindowSizeMsg{Width: m.c.Width, Height: m.c.Height})
	}
	if m.bg != nil {
		settled = append(settled, m.bg)
	}
	for _, msg := range settled {
		var cmd tea.Cmd
		m.stack[len(m.stack)-1], cmd = m.top().Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// quit lets the screens finish what must not be lost, then ends the program.
func (m *Model) quit() tea.Cmd {
	var cmds []tea.Cmd
	m.farewell = m.c.savedSummary()
	for _, s := range m.stack {
		if q, ok := s.(quitter); ok {
			save, farewell := q.BeforeQuit()
			cmds = append(cmds, save)
			m.farewell = sentences(m.farewell, farewell)
		}
	}
	m.quitting = true
	m.interrupted = true
	return tea.Sequence(append(cmds, tea.Quit)...)
}

func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	cmds := make([]tea.Cmd, len(m.stack))
	for i, s := range m.stack {
		m.stack[i], cmds[i] = s.Update(msg)
	}
	return tea.Batch(cmds...)
}

func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = "failup"
	return v
}

// render draws the frame: header, the screen's body, and the keys that work.
func (m *Model) render() string {
	if m.quitting || m.c.Width == 0 {
		return ""
	}
	s := m.c.Styles
	top := m.top()
	// Words being typed stay in view on any window; every other screen
	// asks for the room it needs.
	if (m.c.Width < minWidth || m.c.Height < minHeight) && !top.Typing() {
		return tooSmall(s, m.c.Width)
	}
	width := m.c.BodyWidth()
	header := spread(s.Brand.Render("failup"), s.Screen.Render(top.Title()), width)
	keys := top.Help()
	// help adds a key that does not fit when its "…" would not fit either.
	footer := ansi.Truncate(m.help.ShortHelpView(keys.short), width, "…")
	if m.fullHelp {
		footer = m.help.FullHelpView(keys.full)
	}
	bodyHeight := m.c.Height - 2 - lipgloss.Height(footer)
	body := lipgloss.NewStyle().Height(bodyHeight).MaxHeight(bodyHeight).Render(top.View())
	notice := ""
	if m.notice != "" {
		notice = s.Good.Render(oneLine(m.notice, width))
	}
	page := lipgloss.JoinVertical(lipgloss.Left, header, notice, body, footer)
	return lipgloss.NewStyle().Padding(0, 2).Render(page)
}

// sentences joins what is said on leaving, leaving out what is empty.
func sentences(said ...string) string {
	var kept []string
	for _, s := range said {
		if s != "" {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, " ")
}

// minWidth and minHeight are the smallest window every screen is drawn
// whole in.
const minWidth, minHeight = 60, 20

// tooSmall asks, calmly, for a bigger window: every screen, whatever it is
// doing, says the same.
func tooSmall(s Styles, width int) string {
	return lipgloss.NewStyle().Width(max(width, 1)).Render(s.Muted.Render(
		fmt.Sprintf("This window is a little small for failup. Make it at least %d by %d and everything is back as it was.", minWidth, minHeight)))
}

// spread places left and right at the two ends of a line of width cells.
func spread(left, right string, width int) string {
	gap := width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return left
	}
	return left + strings.Repeat(" ", gap) + right
}
