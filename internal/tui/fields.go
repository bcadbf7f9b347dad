package tui

import (
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// dayLimit is the most that may be typed for a day: room for a date or for
// words, "3 weeks ago" or "Friday the 28th of November, 2025".
const dayLimit = 40

// newInput is a one-line field in failup's style. ctrl+e belongs to the
// editor, not to "end of line".
func newInput(c *Common, placeholder string, limit int) textinput.Model {
	in := textinput.New()
	in.Prompt = "› "
	in.Placeholder = placeholder
	in.CharLimit = limit
	in.SetStyles(c.Styles.TextInput)
	in.KeyMap.LineEnd.SetKeys("end")
	in.KeyMap.AcceptSuggestion.SetKeys("right")
	return in
}

// newAnswer is a multi-line answer: enter is a newline, and there is no limit
// on length (the default textarea stops at 400 characters).
func newAnswer(c *Common, placeholder string) textarea.Model {
	ta := textarea.New()
	ta.Placeholder = placeholder
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	ta.CharLimit = 0
	ta.MaxHeight = 0
	ta.SetStyles(c.Styles.TextArea)
	ta.KeyMap.LineEnd.SetKeys("end")
	ta.KeyMap.InsertNewline.SetKeys("enter")
	return ta
}

// fitView scrolls an answer box, after its size changed, so that the line
// the cursor is on shows with the lines before it filling the rows above.
// The box scrolls itself only as far as keeps the cursor in view, so one
// grown back after a shrink would show its last lines over empty rows. Going
// up a box's height and back scrolls it just so, leaving the cursor where
// it was.
func fitView(ta *textarea.Model) {
	refreshScroll(ta)
	row, col := ta.Line(), ta.Column()
	up := 0
	for up < ta.Height() && (ta.Line() > 0 || ta.LineInfo().RowOffset > 0) {
		ta.CursorUp()
		up++
	}
	for range up {
		ta.CursorDown()
	}
	if ta.Line() == row {
		ta.SetCursorColumn(col)
	}
}

// boxEnd finds whether an answer box holds more lines than it shows, and
// keeps where its text ends until the text or the width change.
type boxEnd struct {
	value       string
	width, last int
}

// signs are the quiet signs, above and below ta (given width), that it holds
// more lines than it shows; each is empty when there are none.
func (e *boxEnd) signs(s Styles, ta *textarea.Model, width int) (above, below string) {
	if ta.ScrollYOffset() > 0 {
		above = moreSign(s, "↑")
	}
	if ta.ScrollYOffset()+ta.Height() <= e.lastRow(ta, width) {
		below = moreSign(s, "↓")
	}
	return above, below
}

// lastRow is the row of ta's last line once wrapped, counted from 0. The
// box does not say, so a box one row high is given the same text and width
// and asked where its end scrolls to.
func (e *boxEnd) lastRow(ta *textarea.Model, width int) int {
	v := ta.Value()
	if e.value == v && e.width == width {
		return e.last
	}
	probe := textarea.New()
	probe.SetStyles(ta.Styles())
	probe.Prompt, probe.ShowLineNumbers = ta.Prompt, ta.ShowLineNumbers
	probe.CharLimit, probe.MaxHeight = 0, 0
	probe.SetWidth(width)
	probe.SetHeight(1)
	probe.SetValue(v)
	refreshScroll(&probe)
	probe.MoveToEnd()
	e.value, e.width, e.last = v, width, probe.ScrollYOffset()
	return e.last
}

// refreshScroll lets a box scroll as far as its text now reaches: the box
// learns how many rows its text takes only when drawn, and until then stops
// scrolling where its text used to end.
func refreshScroll(ta *textarea.Model) { _ = ta.View() }

// restyle gives fields the styles for the terminal's background, once it
// has said which it is.
func restyle(s Styles, inputs []*textinput.Model, areas ...*textarea.Model) {
	for _, in := range inputs {
		in.SetStyles(s.TextInput)
	}
	for _, ta := range areas {
		ta.SetStyles(s.TextArea)
	}
}

// inputView draws a one-line field. Once the cursor has left it, a text
// longer than the field shows its beginning, cut with …, not the end where
// typing stopped.
func inputView(in textinput.Model) string {
	if in.Focused() || in.Width() <= 0 || lipgloss.Width(in.Value()) <= in.Width() {
		return in.View()
	}
	st := in.Styles().Blurred
	return st.Prompt.Render(in.Prompt) + st.Text.Render(oneLine(in.Value(), in.Width()))
}
