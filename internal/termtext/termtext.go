// Package termtext makes journal text safe to draw on a terminal.
package termtext

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Clean removes terminal escape sequences and control characters, keeping
// newlines and tabs, so text pasted or imported into the journal can never
// drive the terminal it is shown on.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !unicode.IsControl(r) {
			return r
		}
		return -1
	}, ansi.Strip(s))
}

// Line is Clean for one-line places (titles in a list): runs of whitespace,
// newlines included, become one space.
func Line(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}

func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 {
			return false
		}
	}
	return true
}
