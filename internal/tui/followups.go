package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
)

type commitmentsLoadedMsg struct {
	list []app.Commitment
	err  error
}

// isDue reports whether a commitment is waiting to be asked about today.
func isDue(c app.Commitment, today journal.Date) bool {
	st := c.Followup.Status(today)
	return st == journal.StatusDue || st == journal.StatusOverdue
}

// followupsScreen lists open commitments, the most overdue first, then the
// soonest due, as failup followups does; enter checks in.
type followupsScreen struct {
	c      *Common
	list   []app.Commitment
	loaded bool
	err    error
	cursor int
	top    int // the first commitment shown
}

func newFollowupsScreen(c *Common) *followupsScreen { return &followupsScreen{c: c} }

func (m *followupsScreen) Title() string { return "things to try" }
func (m *followupsScreen) Typing() bool  { return false }

// Init (re)loads the list: it runs again after each check-in.
func (m *followupsScreen) Init() tea.Cmd {
	c := m.c
	return func() tea.Msg {
		list, err := c.Journal.Commitments(c.Ctx, app.CommitmentFilter{Open: true})
		return commitmentsLoadedMsg{list: list, err: err}
	}
}

func (m *followupsScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case commitmentsLoadedMsg:
		m.list, m.err, m.loaded = msg.list, msg.err, true
		m.cursor = min(m.cursor, max(len(m.list)-1, 0))
	case tea.KeyPressMsg:
		k := m.c.Keys
		switch {
		case key.Matches(msg, k.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(msg, k.Down):
			m.cursor = min(m.cursor+1, max(len(m.list)-1, 0))
		case key.Matches(msg, k.Open) && len(m.list) > 0:
			return m, push(newCheckInScreen(m.c, m.list[m.cursor].ID))
		case key.Matches(msg, k.Back, k.Close):
			return m, pop
		}
	}
	return m, nil
}

func (m *followupsScreen) Help() helpKeys {
	k := m.c.Keys
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "check in"))
	open.SetEnabled(len(m.list) > 0)
	return helpKeys{short: []key.Binding{k.Up, k.Down, open, k.Back}, full: [][]key.Binding{{k.Up, k.Down, open}, {k.Back, k.Quit}}}
}

func (m *followupsScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	switch {
	case m.err != nil:
		return unreadable(s, m.err, w)
	case !m.loaded:
		return waiting(s, "Finding what you meant to try…")
	}
	if len(m.list) == 0 {
		return wrap(s.Hint, "Nothing waiting. A reflection can end with something to try next time, and failup will ask how it went.", w)
	}
	today := m.c.today()
	// Two rows a commitment, under and over a row that says whether there
	// are more.
	shown := max((m.c.BodyHeight()-2)/2, 1)
	m.top = min(max(m.top, m.cursor-shown+1), m.cursor)
	var b strings.Builder
	if m.top > 0 {
		b.WriteString(moreSign(s, "↑"))
	}
	b.WriteString("\n")
	for i := m.top; i < min(m.top+shown, len(m.list)); i++ {
		c := m.list[i]
		mark, style := "  ", s.Text
		if i == m.cursor {
			mark, style = s.Selected.Render("› "), s.Selected
		}
		whenStyle := s.Muted
		if isDue(c, today) {
			whenStyle = s.Notice
		}
		due := c.Followup.DueText(today)
		b.WriteString(mark + style.Render(oneLine(c.Followup.Commitment, w-len(due)-6)) + "  " + whenStyle.Render(due) + "\n")
		b.WriteString("    " + s.Muted.Render(oneLine("from “"+c.Title+"”", w-4)) + "\n")
	}
	if m.top+shown < len(m.list) {
		b.WriteString(moreSign(s, "↓"))
	}
	return b.String()
}
