package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

// similarCount is how many past entries like a new one are shown.
const similarCount = 3

type similarFoundMsg struct {
	uid     string
	matches []app.Alike
}

// savedScreen confirms a saved reflection with one of the article's tips,
// and shows the past entries most like it: "this has happened before".
type savedScreen struct {
	c       *Common
	entry   journal.Entry
	edited  bool
	similar []app.Alike
}

func newSavedScreen(c *Common, e journal.Entry, edited bool) *savedScreen {
	return &savedScreen{c: c, entry: e, edited: edited}
}

func (m *savedScreen) Init() tea.Cmd {
	c, e := m.c, m.entry
	return func() tea.Msg {
		// Earlier reflections are a kindness, not the point: without them the
		// screen still says the reflection is saved.
		matches, _ := c.Journal.Similar(c.Ctx, e, similarCount)
		return similarFoundMsg{uid: e.UID, matches: matches}
	}
}
func (m *savedScreen) Title() string { return "saved" }
func (m *savedScreen) Typing() bool  { return false }

func (m *savedScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	if found, ok := msg.(similarFoundMsg); ok && found.uid == m.entry.UID {
		m.similar = found.matches
		return m, nil
	}
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	k := m.c.Keys
	switch {
	case key.Matches(press, k.Home, k.Back, k.Close):
		return m, pop
	case key.Matches(press, k.New) && !m.edited:
		// The next reflection takes this screen's place, with the same
		// questions: saving it shows its own "Saved", not one more on top.
		return m, startReflection(m.c, m.entry.PromptSet, false)
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
	if f := m.entry.Followup; f != nil && f.Status(m.c.today()) == journal.StatusUpcoming && f.DueOn != "" {
		b.WriteString("\n" + s.Muted.Render("failup will ask how it went on "+m.c.day(f.DueOn)+".") + "\n")
	}
	if tip := m.c.Prompts.Tip(int(m.entry.ID)); tip != "" {
		b.WriteString("\n" + wrap(s.Accent, tip, w) + "\n")
	}
	if len(m.similar) > 0 {
		// Each has two rows for what it shares while the window has room
		// for them all; on a short one, one row each.
		most := 2
		if left := m.c.BodyHeight() - lipgloss.Height(b.String()) - 1; left < len(m.similar)*(1+most) {
			most = 1
		}
		b.WriteString("\n" + s.Question.Render("Earlier reflections like this one") + "\n")
		for _, sm := range m.similar {
			day := m.c.dayInColumn(sm.OccurredOn)
			b.WriteString("  " + s.Muted.Render(day) + "  " + s.Text.Render(oneLine(sm.Title, w-5-lipgloss.Width(day))) + "\n")
			for _, row := range alikeRows(sm, w-4, most) {
				b.WriteString("    " + s.Muted.Render(row) + "\n")
			}
		}
	}
	return b.String()
}

// alikeRows says what an earlier entry has in common with the new one, in
// at most most rows of width: "both show “skipping the checks” · both mention
// fridge, alarm", or the patterns and the words a row each when that is too
// long for one. A shared pattern, the strongest reason, comes first; words
// give way before it is cut.
func alikeRows(a app.Alike, width, most int) []string {
	var rows []string
	for n := min(len(a.Words), 4); ; n-- {
		var parts []string
		if len(a.Patterns) > 0 {
			parts = append(parts, "both show “"+strings.Join(a.Patterns, "” and “")+"”")
		}
		if n > 0 {
			parts = append(parts, "both mention "+strings.Join(a.Words[:n], ", "))
		}
		why := termtext.Line(strings.Join(parts, " · "))
		if why == "" {
			return nil
		}
		rows = strings.Split(ansi.Wordwrap(why, max(width, 1), ""), "\n")
		if len(rows) > 1 && most > 1 && len(parts) == 2 && ansi.StringWidth(parts[0]) <= width && ansi.StringWidth(parts[1]) <= width {
			rows = []string{termtext.Line(parts[0]), termtext.Line(parts[1])} // a reason a row
		}
		if len(rows) <= most || n == 0 || n == 1 && len(a.Patterns) == 0 {
			break
		}
	}
	if len(rows) > most {
		rows = rows[:most]
		rows[most-1] = cutAtSpace(rows[most-1], width)
	}
	return rows
}
