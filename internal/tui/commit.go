package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/journal"
)

// The fields of the commitment step, in tab order.
const (
	fieldCommitment = iota
	fieldDue
	fieldDueDate
)

// A due date is picked from these; "pick a date" opens a date field.
var dueChoices = []struct {
	label string
	days  int
}{
	{"in a week", 7},
	{"in two weeks", 14},
	{"in a month", 30},
	{"pick a date", -1},
}

const (
	defaultDueChoice = 1
	pickDateChoice   = 3
)

// commitForm is the commitment: what I will try, and when failup asks how it
// went.
type commitForm struct {
	c         *Common
	field     int
	text      textinput.Model
	choice    int
	date      textinput.Model
	suggested bool // the text was taken from the "do differently" answer
	// kept is the check-in of the entry being edited, so editing the
	// commitment does not lose how it went.
	kept journal.Followup
}

func newCommitForm(c *Common) commitForm {
	return commitForm{
		c:      c,
		text:   newInput(c, "e.g. Take a breath before I answer", 0),
		choice: defaultDueChoice,
		date:   newInput(c, "YYYY-MM-DD", dayLimit),
	}
}

func (f *commitForm) load(fu *journal.Followup) {
	if fu == nil {
		return
	}
	f.kept = *fu
	f.text.SetValue(fu.Commitment)
	if fu.DueOn != "" {
		f.choice = pickDateChoice
		f.date.SetValue(string(fu.DueOn))
	}
}

// suggest fills an empty commitment from the "do differently" answer.
func (f *commitForm) suggest(differently string) {
	if strings.TrimSpace(f.text.Value()) != "" || f.suggested {
		return
	}
	if first := firstSentence(differently); first != "" {
		f.text.SetValue(first)
		f.text.CursorEnd()
		f.suggested = true
	}
}

// firstSentence is the first line or sentence of s.
func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i+1]
	}
	return strings.TrimSpace(s)
}

// errNoDay asks for the day to be typed when "pick a date" is chosen.
var errNoDay = errors.New("type the day failup should ask: a date, or words like “friday” or “in 2 weeks”")

// dueDate is the chosen day, or why the day typed cannot be used. The day
// the commitment already had is kept even once it has passed, as the core
// keeps it.
func (f *commitForm) dueDate() (journal.Date, error) {
	today := f.c.today()
	if f.choice != pickDateChoice {
		return today.AddDays(dueChoices[f.choice].days), nil
	}
	typed := strings.TrimSpace(f.date.Value())
	if typed == "" {
		return "", errNoDay
	}
	d, err := f.c.Journal.ParseDue(typed)
	if errors.Is(err, journal.ErrPassed) && d == f.kept.DueOn {
		return d, nil
	}
	return d, err
}

// dueProblem is why the day typed cannot be used, when there is a
// commitment to ask about; nil otherwise.
func (f *commitForm) dueProblem() error {
	if strings.TrimSpace(f.text.Value()) == "" {
		return nil
	}
	_, problem := f.dueDate()
	return problem
}

// apply sets e.Followup from the form; an empty commitment means none.
func (f *commitForm) apply(e *journal.Entry) {
	text := strings.TrimSpace(f.text.Value())
	if text == "" {
		e.Followup = nil
		return
	}
	fu := f.kept
	fu.Commitment = text
	fu.DueOn, _ = f.dueDate()
	e.Followup = &fu
}

func (f *commitForm) fields() int {
	if f.choice == pickDateChoice {
		return 3
	}
	return 2
}

func (f *commitForm) focus(n int) tea.Cmd {
	f.field = n
	f.text.Blur()
	f.date.Blur()
	switch n {
	case fieldCommitment:
		return f.text.Focus()
	case fieldDueDate:
		return f.date.Focus()
	}
	return nil
}

func (f *commitForm) typing() bool { return f.field != fieldDue }

// leaving says whether a key moves to the field above (-1) or below (+1).
func (f *commitForm) leaving(press tea.KeyPressMsg) int {
	switch {
	case key.Matches(press, f.c.Keys.ArrowUp) && f.field > 0:
		return -1
	case key.Matches(press, f.c.Keys.ArrowDown) && f.field < f.fields()-1:
		return 1
	}
	return 0
}

func (f *commitForm) update(msg tea.Msg) (cmd tea.Cmd, changed bool) {
	switch f.field {
	case fieldCommitment:
		before := f.text.Value()
		f.text, cmd = f.text.Update(msg)
		return cmd, f.text.Value() != before
	case fieldDueDate:
		before := f.date.Value()
		f.date, cmd = f.date.Update(msg)
		return cmd, f.date.Value() != before
	}
	if f.startsDate(msg) {
		// Typing on the row of choices picks a date and starts it.
		f.choice = pickDateChoice
		focus := f.focus(fieldDueDate)
		f.date, cmd = f.date.Update(msg)
		return tea.Batch(focus, cmd), true
	}
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	switch {
	case key.Matches(press, f.c.Keys.Left):
		f.choice = (f.choice + len(dueChoices) - 1) % len(dueChoices)
	case key.Matches(press, f.c.Keys.Right):
		f.choice = (f.choice + 1) % len(dueChoices)
	default:
		return nil, false
	}
	return nil, true
}

// startsDate reports whether msg is text, typed or pasted: on the row of
// choices, the start of a day.
func (f *commitForm) startsDate(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		return strings.TrimSpace(msg.Content) != ""
	case tea.KeyPressMsg:
		return strings.TrimSpace(msg.Text) != "" && msg.Mod&^tea.ModShift == 0
	}
	return false
}

func (f *commitForm) view(width int) string {
	s := f.c.Styles
	var b strings.Builder
	labelStyle := func(n int) func(...string) string {
		if f.field == n {
			return s.Selected.Render
		}
		return s.Label.Render
	}
	b.WriteString(labelStyle(fieldCommitment)("I will try") + "\n")
	f.text.SetWidth(width - 4)
	b.WriteString(inputView(f.text) + "\n")
	if f.suggested {
		b.WriteString(s.Muted.Render("  Taken from your answer about next time; change it freely.") + "\n")
	} else {
		b.WriteString(s.Muted.Render("  Optional. Leave it empty if nothing fits yet.") + "\n")
	}
	b.WriteString("\n" + labelStyle(fieldDue)("Ask me how it went") + "\n  ")
	for i, c := range dueChoices {
		chip := " " + c.label + " "
		if i == f.choice {
			chip = s.Selected.Render("[" + c.label + "]")
		} else {
			chip = s.Muted.Render(chip)
		}
		b.WriteString(chip + " ")
	}
	b.WriteString("\n")
	if f.choice == pickDateChoice {
		f.date.SetWidth(20)
		b.WriteString(f.date.View() + "\n")
	}
	if d, problem := f.dueDate(); problem == nil {
		b.WriteString(s.Muted.Render("  on "+d.Time().Format("Monday 2 January 2006")) + "\n")
	} else if strings.TrimSpace(f.date.Value()) != "" {
		b.WriteString(wrap(s.Notice, "  "+sentence(problem), width) + "\n")
	}
	return b.String()
}
