package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
)

// The answers to "did you try again?".
const (
	triedYes = iota
	triedNo
	triedNotYet
)

var triedChoices = []string{"yes", "not this time", "not yet"}

// Ask-again choices when the answer is "not yet".
var snoozeChoices = []struct {
	label string
	days  int
}{{"in three days", 3}, {"in a week", 7}, {"in two weeks", 14}}

// The fields of the check-in, in tab order; outcome and confidence are asked
// after yes or no, the new date after not yet.
const (
	checkTried = iota
	checkOutcome
	checkConfidence
	checkSnooze
)

type (
	checkedInMsg struct {
		said string
		err  error
	}
	checkInLoadedMsg struct {
		id    int64
		entry journal.Entry
		draft *journal.Draft
		err   error
	}
	checkInTickMsg struct{}
)

// checkInScreen asks how a commitment went: tried again or not, what
// happened, and confidence now; or, not yet, when to ask again.
type checkInScreen struct {
	c          *Common
	id         int64
	entry      journal.Entry
	loaded     bool
	err        error
	field      int
	tried      int
	outcome    textarea.Model
	end        boxEnd
	confidence int
	snooze     int
	done       string // what was recorded, once saved
	// Words typed here are kept as a draft, as in a reflection.
	changed, dirty, ticking bool
}

func newCheckInScreen(c *Common, id int64) *checkInScreen {
	m := &checkInScreen{c: c, id: id, outcome: newAnswer(c, "What happened, in a few words. Optional."), snooze: 1}
	m.outcome.SetHeight(4)
	m.outcome.SetWidth(c.BodyWidth())
	return m
}

// newSnoozeScreen is the check-in opened at "not yet": when to ask again.
func newSnoozeScreen(c *Common, id int64) *checkInScreen {
	m := newCheckInScreen(c, id)
	m.tried, m.field = triedNotYet, checkSnooze
	return m
}

// triedChoices are the answers to "did you try again?"; once checked in, the
// answer can change, but there is no "not yet" to go back to.
func (m *checkInScreen) triedChoices() []string {
	if f := m.entry.Followup; f != nil && f.CheckedInAt != nil {
		return triedChoices[:triedNotYet]
	}
	return triedChoices
}

func (m *checkInScreen) Title() string { return "check in" }
func (m *checkInScreen) Typing() bool  { return m.field == checkOutcome && m.done == "" }

func (m *checkInScreen) Init() tea.Cmd {
	c, id := m.c, m.id
	return func() tea.Msg {
		e, err := c.Journal.Entry(c.Ctx, id)
		if err != nil {
			return checkInLoadedMsg{id: id, err: err}
		}
		d, ok, err := c.Journal.Draft(c.Ctx, journal.CheckInKey(id))
		msg := checkInLoadedMsg{id: id, entry: e, err: err}
		if ok {
			msg.draft = &d
		}
		return msg
	}
}

// load fills the form from a kept draft, or else from an earlier check-in,
// so checking in again starts from what was said before.
func (m *checkInScreen) load(msg checkInLoadedMsg) {
	m.entry, m.err, m.loaded = msg.entry, msg.err, msg.err == nil
	if !m.loaded {
		return
	}
	if m.entry.Followup == nil {
		m.err = fmt.Errorf("entry %d has no commitment to check in on", m.id)
		return
	}
	from := m.entry.Followup
	if msg.draft != nil && msg.draft.Entry.Followup != nil {
		from = msg.draft.Entry.Followup
		m.tried = msg.draft.Step
	} else if from.TriedAgain != nil && !*from.TriedAgain {
		m.tried = triedNo
	}
	if from.Outcome != nil {
		m.outcome.SetValue(*from.Outcome)
	}
	m.confidence = deref(from.ConfidenceAfter)
}

// draft is the check-in as typed so far.
func (m *checkInScreen) draft() journal.Draft {
	outcome := m.outcome.Value()
	return journal.Draft{Key: journal.CheckInKey(m.id), Step: m.tried,
		Entry: journal.Entry{Followup: &journal.Followup{Outcome: &outcome, ConfidenceAfter: optional(m.confidence)}}}
}

// touch notes an edit and schedules a draft save, as the reflection does.
func (m *checkInScreen) touch() tea.Cmd {
	m.changed, m.dirty = true, true
	if m.ticking {
		return nil
	}
	m.ticking = true
	return tea.Tick(m.c.DraftEvery, func(time.Time) tea.Msg { return checkInTickMsg{} })
}

func (m *checkInScreen) saveDraft() tea.Cmd {
	m.dirty = false
	d, c := m.draft(), m.c
	return func() tea.Msg {
		// A check-in's draft is a convenience: failing to keep it must not stop the person.
		_ = c.Journal.SaveDraft(c.Ctx, d)
		return nil
	}
}

// BeforeQuit keeps what was typed when the program ends mid check-in.
func (m *checkInScreen) BeforeQuit() (tea.Cmd, string) {
	if !m.changed || m.done != "" {
		return nil, ""
	}
	return m.saveDraft(), fmt.Sprintf("Your check-in is kept; failup checkin %d picks it up.", m.id)
}

func (m *checkInScreen) fields() []int {
	if m.tried == triedNotYet {
		return []int{checkTried, checkSnooze}
	}
	return []int{checkTried, checkOutcome, checkConfidence}
}

func (m *checkInScreen) focus(field int) tea.Cmd {
	m.field = field
	if field == checkOutcome {
		return m.outcome.Focus()
	}
	m.outcome.Blur()
	return nil
}

// step moves to the next (+1) or previous (-1) field; from the last it saves.
func (m *checkInScreen) step(delta int) tea.Cmd {
	fields := m.fields()
	for i, f := range fields {
		if f != m.field {
			continue
		}
		switch next := i + delta; {
		case next >= len(fields):
			return m.save()
		case next >= 0:
			return m.focus(fields[next])
		}
	}
	return nil
}

// save records the check-in as answered; the core says what it recorded.
// What was typed before choosing "not yet" is kept as the check-in's
// draft, opening at yes, and the core keeps it for when failup asks again
// if it says how it went.
func (m *checkInScreen) save() tea.Cmd {
	c, id := m.c, m.id
	in := app.CheckInInput{Tried: app.NotYet, Snooze: m.entry.Followup.PostponeBy(snoozeChoices[m.snooze].days, c.today())}
	var keep *journal.Draft
	if m.tried == triedNotYet && m.changed {
		d := m.draft()
		d.Step = triedYes
		keep = &d
	}
	if m.tried != triedNotYet {
		outcome := m.outcome.Value()
		in = app.CheckInInput{Tried: app.TriedYes, Outcome: &outcome, Confidence: optional(m.confidence)}
		if m.tried == triedNo {
			in.Tried = app.TriedNo
		}
	}
	return func() tea.Msg {
		if keep != nil {
			if err := c.Journal.SaveDraft(c.Ctx, *keep); err != nil {
				return checkedInMsg{err: err}
			}
		}
		res, err := c.Journal.CheckIn(c.Ctx, id, in)
		return checkedInMsg{said: res.Said, err: err}
	}
}

func (m *checkInScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case checkInLoadedMsg:
		if msg.id == m.id {
			m.load(msg)
		}
	case checkInTickMsg:
		m.ticking = false
		if m.dirty && m.done == "" {
			return m, m.saveDraft()
		}
	case checkedInMsg:
		if msg.err != nil {
			m.err = msg.err
			return m, nil
		}
		m.done = msg.said
	case tea.WindowSizeMsg:
		m.outcome.SetWidth(m.c.BodyWidth())
		fitView(&m.outcome)
	case tea.BackgroundColorMsg:
		restyle(m.c.Styles, nil, &m.outcome)
	case tea.PasteMsg:
		if m.field == checkOutcome {
			return m, m.updateOutcome(msg)
		}
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *checkInScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	if m.done != "" {
		switch {
		case key.Matches(msg, k.Again) && m.tried != triedNotYet:
			return startFollowOn(m.c, m.entry)
		case key.Matches(msg, k.Back, k.Open, k.Close):
			done := m.done
			return func() tea.Msg { return popMsg{farewell: done} }
		}
		return nil
	}
	if m.err != nil || !m.loaded {
		if key.Matches(msg, k.Back) {
			return pop
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		save, farewell := m.BeforeQuit()
		return tea.Sequence(save, func() tea.Msg { return popMsg{farewell: farewell} })
	case key.Matches(msg, k.Save):
		return m.save()
	case key.Matches(msg, k.Next):
		return m.step(1)
	case key.Matches(msg, k.Prev):
		return m.step(-1)
	}
	switch m.field {
	case checkTried:
		return m.choose(msg, &m.tried, len(m.triedChoices()))
	case checkSnooze:
		return m.choose(msg, &m.snooze, len(snoozeChoices))
	case checkConfidence:
		if key.Matches(msg, k.Open) {
			return m.save()
		}
		if adjust(&m.confidence, msg, k, 10) {
			return m.touch()
		}
		return nil
	}
	return m.updateOutcome(msg)
}

// updateOutcome passes a key or paste to the outcome, keeping a draft.
func (m *checkInScreen) updateOutcome(msg tea.Msg) tea.Cmd {
	before := m.outcome.Value()
	var cmd tea.Cmd
	m.outcome, cmd = m.outcome.Update(msg)
	if m.outcome.Value() != before {
		return tea.Batch(cmd, m.touch())
	}
	return cmd
}

// choose moves a chip selection with ←/→; enter goes on.
func (m *checkInScreen) choose(msg tea.KeyPressMsg, v *int, n int) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Left):
		*v = (*v + n - 1) % n
	case key.Matches(msg, k.Right):
		*v = (*v + 1) % n
	case key.Matches(msg, k.Open):
		return m.step(1)
	default:
		return nil
	}
	return m.touch()
}

func (m *checkInScreen) Help() helpKeys {
	k := m.c.Keys
	if m.done != "" {
		done := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done"))
		again := k.Again
		again.SetEnabled(m.tried != triedNotYet)
		return helpKeys{short: []key.Binding{done, again}, full: [][]key.Binding{{done, again, k.Quit}}}
	}
	if m.err != nil || !m.loaded {
		return helpKeys{short: []key.Binding{k.Back}, full: [][]key.Binding{{k.Back, k.Quit}}}
	}
	choose := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "choose"))
	choose.SetEnabled(m.field == checkTried || m.field == checkSnooze || m.field == checkConfidence)
	save := k.Save
	save.SetHelp("ctrl+s", "save")
	return helpKeys{short: []key.Binding{choose, k.Next, save, k.Back},
		full: [][]key.Binding{{choose, k.Next, k.Prev}, {save, k.Back, k.Quit}}}
}

func (m *checkInScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	switch {
	case m.err != nil:
		return wrap(s.Notice, "This can't be checked in on: "+m.err.Error()+".", w)
	case !m.loaded:
		return waiting(s, "Opening the commitment…")
	}
	f := m.entry.Followup
	var b strings.Builder
	b.WriteString(s.Label.Render("You said you would") + "\n")
	b.WriteString(wrap(s.Heading, oneLine(f.Commitment, w*2), w) + "\n")
	b.WriteString(wrap(s.Muted, fmt.Sprintf("from “%s”, %s · %s", oneLine(m.entry.Title, w/2),
		m.c.day(m.entry.OccurredOn), f.DueText(m.c.today())), w) + "\n\n")
	if m.done != "" {
		b.WriteString(wrap(s.Good, "✓ "+m.done, w) + "\n\n")
		switch m.tried {
		case triedNo:
			b.WriteString(wrap(s.Muted, "If it didn't go the way you hoped, r starts a reflection linked to this one, so you can see the chain of attempts.", w))
		case triedYes:
			b.WriteString(wrap(s.Muted, "To write about how it went, r starts a reflection linked to this one, so you can see the chain of attempts.", w))
		}
		return b.String()
	}
	label := func(field int, text string) string {
		if m.field == field {
			return s.Selected.Render(text)
		}
		return s.Label.Render(text)
	}
	b.WriteString(label(checkTried, "Did you try again?") + "\n  " + chips(s, m.triedChoices(), m.tried) + "\n\n")
	if m.tried == triedNotYet {
		labels := make([]string, len(snoozeChoices))
		for i, c := range snoozeChoices {
			labels[i] = c.label
		}
		b.WriteString(label(checkSnooze, "Ask me again") + "\n  " + chips(s, labels, m.snooze) + "\n")
		return b.String()
	}
	above, below := m.end.signs(s, &m.outcome, m.c.BodyWidth())
	if above != "" {
		above = "  " + above
	}
	b.WriteString(label(checkOutcome, "What happened?") + above + "\n" + m.outcome.View() + "\n" + below + "\n")
	b.WriteString(label(checkConfidence, "Confidence now") + "\n  " + scale(s, m.confidence, 10, "low", "high"))
	if f.ConfidenceAfter == nil && m.entry.Confidence != nil {
		b.WriteString(s.Muted.Render(fmt.Sprintf("   (it was %d when you wrote it)", *m.entry.Confidence)))
	}
	return b.String()
}

// chips draws choices in a row, the chosen one in brackets.
func chips(s Styles, labels []string, chosen int) string {
	out := make([]string, len(labels))
	for i, l := range labels {
		if i == chosen {
			out[i] = s.Selected.Render("[" + l + "]")
		} else {
			out[i] = s.Muted.Render(" " + l + " ")
		}
	}
	return strings.Join(out, " ")
}
