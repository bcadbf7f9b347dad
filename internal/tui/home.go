package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

// homeRecent is how many recent entries the home screen loads; it shows as
// many as fit.
const homeRecent = 12

type homeLoadedMsg struct {
	recent []journal.Entry
	total  int
	drafts []journal.Draft
	due    *app.Commitment // the most recently due, if any
	more   int             // how many others are due
	// conflicts counts the entries edited on two devices, waiting for the
	// person to choose a version.
	conflicts int
	err       error
}

// homeScreen greets the person: what to do now, and the latest reflections.
type homeScreen struct {
	c        *Common
	loaded   bool
	data     homeLoadedMsg
	cursor   int  // in the recent entries; -1 before the person moves
	dropping bool // asking whether to set the first due commitment aside
	notice   string
}

type droppedMsg struct {
	said string
	err  error
}

func newHomeScreen(c *Common) *homeScreen { return &homeScreen{c: c, cursor: -1} }

func (m *homeScreen) Title() string { return "home" }
func (m *homeScreen) Typing() bool  { return false }

// Init (re)loads the home data: it runs again each time the person comes back.
func (m *homeScreen) Init() tea.Cmd {
	c := m.c
	return func() tea.Msg {
		var msg homeLoadedMsg
		if msg.recent, msg.err = c.Journal.List(c.Ctx, app.Filter{Limit: homeRecent}); msg.err != nil {
			return msg
		}
		if msg.total, msg.err = c.Journal.Count(c.Ctx, app.Filter{}); msg.err != nil {
			return msg
		}
		latest, n, ok, err := c.Journal.Waiting(c.Ctx)
		if msg.err = err; err != nil {
			return msg
		}
		if ok {
			msg.due, msg.more = &latest, n-1
		}
		if msg.drafts, msg.err = c.Journal.Drafts(c.Ctx, journal.NewDraftKey); msg.err != nil {
			return msg
		}
		msg.conflicts, msg.err = c.Journal.ConflictCount(c.Ctx)
		return msg
	}
}

func (m *homeScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case homeLoadedMsg:
		m.loaded, m.data = true, msg
		m.cursor = min(m.cursor, len(msg.recent)-1)
	case droppedMsg:
		m.notice = msg.said
		if msg.err != nil {
			m.notice = "It couldn't be set aside: " + msg.err.Error() + "."
		}
		return m, m.Init()
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

// handleKey answers a key: a place to go, a move, or the due commitment.
func (m *homeScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	m.notice = ""
	if m.dropping {
		m.dropping = false
		if key.Matches(msg, k.Yes) {
			c, id := m.c, m.waiting().ID
			return func() tea.Msg {
				res, err := c.Journal.CheckIn(c.Ctx, id, app.CheckInInput{Drop: true})
				return droppedMsg{said: res.Said, err: err}
			}
		}
		return nil
	}
	due := m.data.due != nil
	switch {
	case due && key.Matches(msg, k.CheckIn):
		return push(newCheckInScreen(m.c, m.waiting().ID))
	case due && key.Matches(msg, k.Snooze):
		return push(newSnoozeScreen(m.c, m.waiting().ID))
	case due && key.Matches(msg, k.SetAside):
		m.dropping = true
	case key.Matches(msg, k.Followups):
		return push(newFollowupsScreen(m.c))
	case m.data.conflicts > 0 && key.Matches(msg, conflictsKey):
		return push(newConflictsScreen(m.c))
	case key.Matches(msg, k.New):
		return startReflection(m.c, m.c.PromptSet, true)
	case key.Matches(msg, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, k.Down):
		m.cursor = min(m.cursor+1, len(m.data.recent)-1, m.visible()-1)
	case key.Matches(msg, k.Open) && m.cursor >= 0:
		return push(newDetailScreen(m.c, m.data.recent[m.cursor].ID))
	case key.Matches(msg, k.Close):
		return pop
	}
	if m.data.total > 0 {
		for _, item := range m.menu() {
			if key.Matches(msg, item.key) {
				return push(item.open())
			}
		}
	}
	return nil
}

// menuItem is a place the home screen leads to.
type menuItem struct {
	key   key.Binding
	label string
	open  func() screen
}

// menu lists the screens that need entries to show anything.
func (m *homeScreen) menu() []menuItem {
	c := m.c
	item := func(k, short, label string, open func() screen) menuItem {
		return menuItem{key.NewBinding(key.WithKeys(k), key.WithHelp(k, short)), label, open}
	}
	return []menuItem{
		item("b", "browse", fmt.Sprintf("Browse all %d", m.data.total), func() screen { return newBrowseScreen(c, false) }),
		item("/", "search", "Search what you wrote", func() screen { return newBrowseScreen(c, true) }),
		item("l", "lessons", "Lessons you have drawn", func() screen { return newLessonsScreen(c) }),
		item("p", "patterns", "Patterns that come back", func() screen { return newPatternsScreen(c) }),
		item("g", "growth", "Growth: trying again", func() screen { return newGrowthScreen(c) }),
		item("e", "export", "Export to Markdown", func() screen { return newExportScreen(c, true) }),
	}
}

func (m *homeScreen) Help() helpKeys {
	k := m.c.Keys
	quit := key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit"))
	if m.dropping {
		return confirmKeys(k, "set it aside")
	}
	open := k.Open
	open.SetEnabled(m.cursor >= 0)
	reflect := k.New
	if len(m.data.drafts) > 0 {
		reflect.SetHelp("n", "continue") // as the screen says: n  Continue “…”
	}
	places := []key.Binding{reflect, k.Followups}
	if m.data.due != nil {
		places = append(places, k.CheckIn, k.Snooze, k.SetAside)
	}
	if m.data.conflicts > 0 {
		places = append(places, conflictsKey)
	}
	if m.data.total > 0 {
		for _, item := range m.menu() {
			places = append(places, item.key)
		}
	}
	return helpKeys{short: []key.Binding{reflect, open, quit, k.Help},
		full: [][]key.Binding{places, {k.Up, k.Down, open}, {quit, k.Quit}}}
}

func (m *homeScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	if !m.loaded {
		return waiting(s, "Opening your journal…")
	}
	if m.data.err != nil {
		return unreadable(s, m.data.err, w)
	}
	if m.data.total == 0 {
		empty := "Your journal is empty, and that's fine. It's here for when something doesn't go the way you hoped."
		if len(m.data.drafts) > 0 {
			empty = "Nothing is saved yet, and that's fine: what you wrote waits above, just as you left it."
		}
		return m.viewTop(w) + wrap(s.Hint, empty, w)
	}
	var b strings.Builder
	b.WriteString(m.viewTop(w))
	shown := m.data.recent[:min(m.visible(), len(m.data.recent))]
	b.WriteString(spread(s.Label.Render("Most recent"), severityKey(s, shown), w) + "\n")
	day := m.c.dayInColumn
	cols := columnsFor(shown, m.c.ListWidth(), day)
	for i, e := range shown {
		b.WriteString(entryRow(s, day(e.OccurredOn), e, cols, i == m.cursor) + "\n")
	}
	return b.String()
}

// viewTop is what comes above the recent entries: a commitment waiting,
// the way into a reflection, and the menu.
func (m *homeScreen) viewTop(w int) string {
	s := m.c.Styles
	var b strings.Builder
	if m.notice != "" {
		b.WriteString(s.Good.Render(m.notice) + "\n\n")
	}
	if m.data.due != nil {
		b.WriteString(m.viewDue(w) + "\n")
	}
	if drafts := m.data.drafts; len(drafts) > 0 {
		d := drafts[0]
		b.WriteString(s.Question.Render("n  ") + s.Text.Render("Continue “"+oneLine(draftTitle(d), w-20)+"”") + "\n")
		about := "an unfinished reflection, saved " + m.c.ago(d.SavedAt)
		if len(drafts) > 1 {
			about = fmt.Sprintf("%d unfinished reflections, the latest saved %s", len(drafts), m.c.ago(d.SavedAt))
		}
		b.WriteString(s.Muted.Render("   "+about) + "\n\n")
	} else {
		b.WriteString(s.Question.Render("n  ") + s.Text.Render("Reflect on a setback") + "\n")
		about := "four questions, a few minutes, saved as you type"
		if set, ok := m.c.Prompts.Set(m.c.PromptSet); ok && set.ID != journal.DefaultPromptSet {
			about = set.Name + ": " + set.Description
		}
		b.WriteString(s.Muted.Render("   "+oneLine(about, w-3)) + "\n\n")
	}
	if n := m.data.conflicts; n > 0 {
		b.WriteString(s.Question.Render("v  ") + s.Text.Render(termtext.Count(n, "entry was", "entries were")+" edited on two devices") +
			s.Muted.Render(" · choose which version to keep") + "\n\n")
	}
	if m.data.total == 0 {
		return b.String()
	}
	return b.String() + m.viewMenu(w) + "\n\n"
}

// visible is how many recent entries fit under the rest of the screen.
func (m *homeScreen) visible() int {
	return max(m.c.BodyHeight()-(lipgloss.Height(m.viewTop(m.c.BodyWidth()))-1)-1, 1)
}

// waiting is the commitment the home screen asks about: the most recently
// due, which is freshest in mind, rather than the oldest.
func (m *homeScreen) waiting() app.Commitment { return *m.data.due }

// viewDue leads the home screen with a commitment that is waiting, asked
// gently: when it came from, not how late it is.
func (m *homeScreen) viewDue(w int) string {
	s := m.c.Styles
	c := m.waiting()
	var b strings.Builder
	b.WriteString(s.Label.Render("You said you would") + "\n")
	b.WriteString(s.Heading.Render(oneLine(c.Followup.Commitment, w)) + "\n")
	from := "from “" + oneLine(c.Title, w/2) + "”, " + m.c.day(c.OccurredOn)
	when := from + " · how did it go?"
	if lipgloss.Width(when) > w { // the question whole on a line of its own, not broken in two
		when = from + "\nHow did it go?"
	}
	if today := m.c.today(); c.Followup.DueOn.DaysUntil(today) <= 7 {
		when = "from “" + oneLine(c.Title, w/2) + "” · " + c.Followup.DueText(today)
	}
	b.WriteString(wrap(s.Muted, when, w) + "\n")
	if m.dropping {
		b.WriteString(s.Notice.Render("Set it aside for good? Press y to set it aside, any other key to keep it.") + "\n")
		return b.String()
	}
	actions := s.Question.Render("c ") + s.Text.Render("check in") + "   " + s.Question.Render("s ") + s.Text.Render("ask me later") +
		"   " + s.Question.Render("x ") + s.Text.Render("set it aside")
	if more := m.data.more; more > 0 {
		waiting := s.Muted.Render(fmt.Sprintf("· %d more waiting: ", more)) + s.Question.Render("f")
		if lipgloss.Width(actions)+3+lipgloss.Width(waiting) > w {
			actions += "\n" + waiting
		} else {
			actions += "   " + waiting
		}
	}
	return b.String() + actions + "\n"
}

// viewMenu lays the menu out in two columns.
func (m *homeScreen) viewMenu(w int) string {
	s := m.c.Styles
	items := m.menu()
	half := (len(items) + 1) / 2
	colWidth := w / 2
	var rows []string
	for i := range half {
		left := items[i]
		row := s.Question.Render(fmt.Sprintf("%-3s", left.key.Help().Key)) + s.Text.Render(fmt.Sprintf("%-*s", colWidth-3, left.label))
		if j := i + half; j < len(items) {
			row += s.Question.Render(fmt.Sprintf("%-3s", items[j].key.Help().Key)) + s.Text.Render(items[j].label)
		}
		rows = append(rows, row)
	}
	return strings.Join(rows, "\n")
}
