package tui

import (
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/failup/failup/internal/termtext"
)

// oneLine makes journal text safe and fits it on one line of width cells.
func oneLine(text string, width int) string {
	return ansi.Truncate(termtext.Line(text), max(width, 1), "…")
}

// clip wraps journal text to width and keeps at most lines rows, indented two
// spaces; empty text shows as empty.
func clip(style lipgloss.Style, text string, width, lines int, empty string) string {
	text = strings.TrimSpace(termtext.Clean(text))
	if text == "" {
		return empty
	}
	rows := strings.Split(ansi.Wordwrap(text, max(width-2, 1), ""), "\n")
	if len(rows) > lines {
		rows = rows[:lines]
		rows[lines-1] = cutAtSpace(rows[lines-1], max(width-2, 1))
	}
	for i, r := range rows {
		rows[i] = "  " + style.Render(r)
	}
	return strings.Join(rows, "\n")
}

// cutAtSpace ends row, the last shown of a text that goes on, with … inside
// width: at a space, so that no word (or the half of one the wrap broke at a
// hyphen) is cut, unless the row is one word.
func cutAtSpace(row string, width int) string {
	for strings.HasSuffix(row, "-") || ansi.StringWidth(row)+2 > width {
		i := strings.LastIndex(row, " ")
		if i <= 0 {
			break
		}
		row = strings.TrimRight(row[:i], " ")
	}
	return ansi.Truncate(row+" …", width, "…")
}

// moreSign is the quiet sign that a box or list holds more than it shows,
// in the direction of arrow: "↑ more" or "↓ more".
func moreSign(s Styles, arrow string) string { return s.Muted.Render(arrow + " more") }

// waiting says at once what a screen is waiting for: no screen is ever blank
// while the journal answers.
func waiting(s Styles, what string) string { return s.Muted.Render(what) }

// stillWaitingMsg comes when a screen has waited a while for the patterns.
type stillWaitingMsg struct{}

// stillWaiting sends stillWaitingMsg once a wait is long enough to need a
// reason: the patterns are found afresh after the journal or failup changes,
// which in a large journal takes seconds.
func stillWaiting(c *Common) tea.Cmd {
	return tea.Tick(c.Patience, func(time.Time) tea.Msg { return stillWaitingMsg{} })
}

// waitingForPatterns says what a screen waits for, and once it has waited a
// while (still), why.
func waitingForPatterns(s Styles, what string, still bool, width int) string {
	if !still {
		return waiting(s, what)
	}
	return waiting(s, what) + "\n\n" + wrap(s.Hint, "failup is looking across all your reflections for what recurs. After a change this takes a little while; then it is kept, and opens at once.", width)
}

// unreadable says, kindly, that the journal could not be read.
func unreadable(s Styles, err error, width int) string {
	return wrap(s.Notice, "The journal can't be read right now: "+err.Error()+".", width)
}

// sentence is an error from the core as a sentence to show: "that day has
// passed" becomes "That day has passed."
func sentence(err error) string { return termtext.Sentence(err.Error()) }
