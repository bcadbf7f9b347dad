package tui

import (
	"strings"

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
		rows[lines-1] = ansi.Truncate(rows[lines-1]+" …", max(width-2, 1), "…")
	}
	for i, r := range rows {
		rows[i] = "  " + style.Render(r)
	}
	return strings.Join(rows, "\n")
}
