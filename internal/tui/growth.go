package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/chart"
	"github.com/failup/failup/internal/growth"
	"github.com/failup/failup/internal/termtext"
)

type growthLoadedMsg struct {
	growth app.Growth
	err    error
}

// growthScreen draws trying again: follow-through, confidence before and
// after, setbacks by month, and the chains of attempts, as the core counts
// them.
type growthScreen struct {
	c      *Common
	data   app.Growth
	stats  growth.Stats // data.Stats, named for how often it is used
	loaded bool
	err    error
}

func newGrowthScreen(c *Common) *growthScreen { return &growthScreen{c: c} }

func (m *growthScreen) Title() string { return "growth" }
func (m *growthScreen) Typing() bool  { return false }

// sparkWidth is how many ratings a confidence sparkline has room for.
func (m *growthScreen) sparkWidth() int { return max(m.c.BodyWidth()-30, 1) }

func (m *growthScreen) Init() tea.Cmd {
	c, recent := m.c, m.sparkWidth()
	return func() tea.Msg {
		g, err := c.Journal.Growth(c.Ctx, recent)
		return growthLoadedMsg{growth: g, err: err}
	}
}

func (m *growthScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case growthLoadedMsg:
		m.data, m.stats, m.err, m.loaded = msg.growth, msg.growth.Stats, msg.err, true
	case tea.KeyPressMsg:
		if key.Matches(msg, m.c.Keys.Back, m.c.Keys.Close) {
			return m, pop
		}
	}
	return m, nil
}

func (m *growthScreen) Help() helpKeys {
	k := m.c.Keys
	return helpKeys{short: []key.Binding{k.Back, k.Help}, full: [][]key.Binding{{k.Back, k.Quit}}}
}

func (m *growthScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	switch {
	case m.err != nil:
		return unreadable(s, m.err, w)
	case !m.loaded:
		return waiting(s, "Counting your reflections…")
	case m.stats.Entries == 0:
		return wrap(s.Hint, "Nothing to draw yet. Growth shows here once you have reflected and tried again.", w)
	}
	st := m.stats
	var b strings.Builder

	b.WriteString(s.Question.Render("Trying again") + "\n")
	ft := st.FollowThrough
	if ft.Asked == 0 {
		b.WriteString(wrap(s.Muted, "No commitment has come due yet. failup will ask how each one went.", w) + "\n")
	} else {
		if ft.Decided > 0 {
			barWidth := min(30, w/3)
			bar := chart.Bar(float64(ft.TriedAgain), float64(ft.Decided), barWidth)
			b.WriteString(s.Accent.Render(bar) + s.Rule.Render(strings.Repeat("░", barWidth-len([]rune(bar)))) + "  " +
				s.Text.Render(fmt.Sprintf("tried again on %d of %d checked in (%.0f%%)", ft.TriedAgain, ft.Decided, *ft.Rate*100)) + "\n")
		}
		b.WriteString(s.Muted.Render(fmt.Sprintf("%d not this time · %d set aside · %d waiting · %d coming up",
			ft.NotTried, ft.SetAside, ft.Waiting, ft.Upcoming)) + "\n")
		if d := st.MedianDaysToTryAgain; d != nil {
			b.WriteString(s.Muted.Render("typically "+termtext.Days(*d)+" from a setback to trying again") + "\n")
		}
	}

	before, after := m.data.Reflecting, m.data.CheckIn
	if len(before) > 0 || len(after) > 0 {
		b.WriteString("\n" + s.Question.Render("Confidence") + "\n")
		row := func(label string, series []int, avg *float64) {
			line := s.Label.Render(fmt.Sprintf("%-17s", label)) + s.Accent.Render(fmt.Sprintf("%-*s", w-30, chart.Sparkline(series, 10)))
			if avg != nil {
				line += s.Muted.Render(fmt.Sprintf("  average %.1f", *avg))
			}
			b.WriteString(line + "\n")
		}
		row("when reflecting", before, st.Confidence.AtReflection)
		row("at the check-in", after, st.Confidence.AtCheckIn)
		if c := st.Confidence.AverageChange; c != nil {
			b.WriteString(s.Muted.Render(fmt.Sprintf("%+.1f on average where you rated both", *c)) + "\n")
		}
	}

	b.WriteString("\n" + s.Question.Render("Setbacks by month") + s.Muted.Render("  the last twelve") + "\n")
	b.WriteString(m.months() + "\n")

	if chains := m.data.Chains; len(chains) > 0 {
		b.WriteString("\n" + s.Question.Render("Chains of attempts") + "\n")
		for _, ch := range chains[:min(len(chains), 3)] {
			b.WriteString(m.chainLine(ch, w) + "\n")
		}
		if more := len(chains) - 3; more > 0 {
			b.WriteString(s.Muted.Render(fmt.Sprintf("and %d more", more)) + "\n")
		}
	}
	return b.String()
}

// months draws the last twelve months' counts as columns with their initials.
func (m *growthScreen) months() string {
	s := m.c.Styles
	counts := map[string]int{}
	for _, mc := range m.stats.ByMonth {
		counts[mc.Month] = mc.Count
	}
	first := m.c.Now().AddDate(0, -11, 0)
	var values []int
	var initials strings.Builder
	for i := range 12 {
		t := first.AddDate(0, i, 0)
		values = append(values, counts[t.Format("2006-01")])
		initials.WriteString(t.Format("Jan")[:1] + " ")
	}
	spark := []rune(chart.Sparkline(values, 0))
	var bars strings.Builder
	for _, r := range spark {
		bars.WriteString(string(r) + " ")
	}
	return s.Accent.Render(bars.String()) + "\n" + s.Muted.Render(initials.String())
}

// chainLine is one chain of attempts with how confidence moved along it.
func (m *growthScreen) chainLine(ch growth.Chain, w int) string {
	s := m.c.Styles
	var confidence []string
	for _, e := range ch {
		if e.Confidence != nil {
			confidence = append(confidence, fmt.Sprint(*e.Confidence))
		}
	}
	tail := fmt.Sprintf("  %d attempts", len(ch))
	if len(confidence) > 1 {
		tail += ", confidence " + strings.Join(confidence, " → ")
	}
	if last := ch[len(ch)-1].Followup; last != nil && last.ConfidenceAfter != nil {
		tail += fmt.Sprintf(", %d after", *last.ConfidenceAfter)
	}
	return s.Text.Render(oneLine(ch[0].Title, w-lipgloss.Width(tail)-2)) + s.Muted.Render(tail)
}
