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
	gap := "\n" // between sections, on a window with rows to spare
	if m.c.BodyHeight() < 20 {
		gap = ""
	}
	var b strings.Builder
	b.WriteString(m.viewTryingAgain(w))
	if confidence := m.viewConfidence(w); confidence != "" {
		b.WriteString(gap + confidence)
	}
	span, months := m.months()
	b.WriteString(gap + s.Question.Render("Setbacks by month") + s.Muted.Render("  "+span) + "\n")
	b.WriteString(months + "\n")
	if len(m.data.Chains) > 0 {
		// The chains get the rows the sections above leave.
		b.WriteString(gap)
		b.WriteString(m.viewChains(w, m.c.BodyHeight()-(lipgloss.Height(b.String())-1)))
	}
	return b.String()
}

// viewTryingAgain says how often commitments were tried again.
func (m *growthScreen) viewTryingAgain(w int) string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(s.Question.Render("Trying again") + "\n")
	ft := m.stats.FollowThrough
	if ft.Commitments == 0 {
		b.WriteString(wrap(s.Muted, "No commitments yet. A reflection can end with something to try next time.", w) + "\n")
		return b.String()
	}
	if ft.Asked == 0 {
		b.WriteString(wrap(s.Muted, "No commitment has come due yet. failup will ask how each one went.", w) + "\n")
		return b.String()
	}
	if ft.Decided > 0 {
		tried := fmt.Sprintf("tried again on %d of %d checked in", ft.TriedAgain, ft.Decided)
		if growth.Typical(ft.Decided) { // a share of one or two says no more than the counts
			tried += fmt.Sprintf(" (%.0f%%)", *ft.Rate*100)
		}
		// The bar gives way to the words on a narrow window.
		barWidth := min(30, w/3, w-lipgloss.Width(tried)-2)
		line := wrap(s.Text, tried, w)
		if barWidth >= 8 {
			bar := chart.Bar(float64(ft.TriedAgain), float64(ft.Decided), barWidth)
			line = s.Accent.Render(bar) + s.Rule.Render(strings.Repeat("░", barWidth-len([]rune(bar)))) + "  " + s.Text.Render(tried)
		}
		b.WriteString(line + "\n")
	}
	if rest := ft.NotTriedAgain("waiting"); len(rest) > 0 {
		b.WriteString(wrap(s.Muted, termtext.WrapList(rest, " · ", w, "", ""), w) + "\n")
	}
	if said := m.stats.TryingAgain(); said != "" {
		b.WriteString(wrap(s.Muted, said, w) + "\n")
	}
	return b.String()
}

// viewConfidence draws confidence when reflecting and at the check-in,
// each only once rated, or nothing when none was.
func (m *growthScreen) viewConfidence(w int) string {
	s := m.c.Styles
	before, after := m.data.Reflecting, m.data.CheckIn
	if len(before) == 0 && len(after) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(s.Question.Render("Confidence") + "\n")
	row := func(label string, series []int, avg *float64, n int) {
		if len(series) == 0 && avg == nil {
			return // a label with nothing beside it
		}
		// The average takes the 13 columns the sparkline leaves it; of one
		// or two ratings, the sparkline is as short and the words longer.
		said := ""
		switch {
		case avg == nil:
		case n == 1:
			said = fmt.Sprintf("  %.0f, from one rating", *avg)
		case !growth.Typical(n):
			said = fmt.Sprintf("  average %.1f, from two ratings", *avg)
		default:
			said = fmt.Sprintf("  average %.1f", *avg)
		}
		line := s.Label.Render(fmt.Sprintf("%-17s", label)) + s.Accent.Render(fmt.Sprintf("%-*s", max(w-17-max(len(said), 13), 0), chart.Sparkline(series, 10)))
		if said != "" {
			line += s.Muted.Render(said)
		}
		b.WriteString(line + "\n")
	}
	confidence := m.stats.Confidence
	row("when reflecting", before, confidence.AtReflection, confidence.ReflectionRatings)
	row("at the check-in", after, confidence.AtCheckIn, confidence.CheckInRatings)
	if c := confidence.AverageChange; c != nil {
		b.WriteString(wrap(s.Muted, confidenceChange(*c, confidence.Pairs), w) + "\n")
	}
	return b.String()
}

// confidenceChange says how confidence moved from reflecting to the
// check-in over pairs commitments; of one or two, as what it is.
func confidenceChange(avg float64, pairs int) string {
	switch {
	case pairs == 1 && avg == 0:
		return "no change on the one commitment where you rated both"
	case pairs == 1:
		return fmt.Sprintf("%+.0f on the one commitment where you rated both", avg)
	case !growth.Typical(pairs):
		return fmt.Sprintf("%+.1f on average on the two commitments where you rated both", avg)
	}
	return fmt.Sprintf("%+.1f on average where you rated both", avg)
}

// viewChains draws as many chains of attempts as room rows hold, up to
// three, and a row to say how many more there are.
func (m *growthScreen) viewChains(w, room int) string {
	s := m.c.Styles
	chains := m.data.Chains
	var b strings.Builder
	b.WriteString(s.Question.Render("Chains of attempts") + "\n")
	room-- // the heading's
	used, shown := 0, 0
	for _, ch := range chains[:min(len(chains), 3)] {
		line := m.chainLine(ch, w)
		need := lipgloss.Height(line)
		if shown+1 < len(chains) {
			need++
		}
		if used+need > room && shown > 0 {
			break
		}
		b.WriteString(line + "\n")
		used += lipgloss.Height(line)
		shown++
	}
	if more := len(chains) - shown; more > 0 {
		b.WriteString(s.Muted.Render(fmt.Sprintf("and %d more", more)) + "\n")
	}
	return b.String()
}

// months draws the last twelve months' counts (from the journal's first,
// when later) as columns, each over its
// month's name, and says which months they are.
func (m *growthScreen) months() (span, drawn string) {
	s := m.c.Styles
	months, span := m.stats.LastYear(m.c.Now())
	var values []int
	var names strings.Builder
	for _, mc := range months {
		values = append(values, mc.Count)
		names.WriteString(mc.Start.Format("Jan") + " ")
	}
	var bars strings.Builder
	for _, r := range chart.Sparkline(values, 0) {
		bars.WriteString(strings.Repeat(string(r), 3) + " ")
	}
	return span, s.Accent.Render(strings.TrimRight(bars.String(), " ")) + "\n" + s.Muted.Render(strings.TrimRight(names.String(), " "))
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
	if w-lipgloss.Width(tail) < 24 { // too little room for the title: the rest goes under it
		return s.Text.Render(oneLine(ch[0].Title, w)) + "\n" + s.Muted.Render(oneLine(strings.TrimSpace(tail), w))
	}
	return s.Text.Render(oneLine(ch[0].Title, w-lipgloss.Width(tail))) + s.Muted.Render(tail)
}
