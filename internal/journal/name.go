package journal

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// EntryName names the nth entry (from 1) of a file by its day and title, as
// far as they are known, for a message about it: entry 3 (2024-03-29
// “Called in sick.”).
func EntryName(n int, day, title string) string {
	name := fmt.Sprintf("entry %d", n)
	var known []string
	if day != "" {
		known = append(known, day)
	}
	if title != "" {
		known = append(known, "“"+Shorten(title, 60)+"”")
	}
	if len(known) > 0 {
		name += " (" + strings.Join(known, " ") + ")"
	}
	return name
}

// Shorten cuts s to at most n characters, at a space where it can, and
// marks the cut with an ellipsis.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
