// Package termtext makes journal text safe to draw on a terminal.
package termtext

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"iter"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Clean is Strip for text drawn on a terminal: tabs also become spaces, to
// the next column that is a multiple of tabWidth. A tab's width depends on
// the column the terminal puts it in, which text wrapped or indented on the
// way there cannot know, so a tab left in would push letters out of sight.
func Clean(s string) string {
	s = Strip(s)
	if !strings.Contains(s, "\t") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		var b strings.Builder
		col := 0
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				n := tabWidth - col%tabWidth
				b.WriteString(strings.Repeat(" ", n))
				col += n
			}
			b.WriteString(part)
			col += ansi.StringWidth(part)
		}
		lines[i] = b.String()
	}
	return strings.Join(lines, "\n")
}

// tabWidth is how far apart Clean's tab stops are.
const tabWidth = 4

// Wrap fits each line of s into width columns, breaking it at spaces:
// first goes before each line of s and rest before each line it continues
// onto, so a hanging indent keeps a layout's columns. A word wider than a
// line (a path, a link) is left whole on a line of its own, for the
// terminal to fold, so that it can still be copied as one. With no width
// (0), the lines are only prefixed. Trailing spaces are dropped.
func Wrap(s string, width int, first, rest string) string {
	lines := strings.Split(s, "\n")
	room := max(width-max(ansi.StringWidth(first), ansi.StringWidth(rest)), minWrap)
	for i, line := range lines {
		if width <= 0 || ansi.StringWidth(first+line) <= width {
			lines[i] = strings.TrimRight(first+line, " ")
			continue
		}
		parts := breakAtSpaces(line, room)
		for j, part := range parts {
			prefix := rest
			if j == 0 {
				prefix = first
			}
			parts[j] = strings.TrimRight(prefix+part, " ")
		}
		lines[i] = strings.Join(parts, "\n")
	}
	return strings.Join(lines, "\n")
}

// Hang is Wrap with a hanging indent: the lines s continues onto start
// under where its text began, after first.
func Hang(s string, width int, first string) string {
	return Wrap(s, width, first, strings.Repeat(" ", ansi.StringWidth(first)))
}

// breakAtSpaces breaks line into lines of at most room columns, only at
// spaces (not at hyphens, which would split dates and paths), leaving
// a word wider than room whole.
func breakAtSpaces(line string, room int) []string {
	indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
	var out []string
	cur := indent
	for i, word := range strings.Split(line[len(indent):], " ") {
		switch {
		case i == 0:
			cur += word
		case ansi.StringWidth(cur+" "+word) <= room:
			cur += " " + word
		case word == "":
			// A run of spaces at a break goes with the break.
		default:
			out = append(out, cur)
			cur = word
		}
	}
	return append(out, cur)
}

// WrapList is Wrap for a list: parts joined by sep, with lines broken only
// between parts (sep's trailing spaces dropped at a break), so no part is
// split across lines unless it is wider than a line on its own.
func WrapList(parts []string, sep string, width int, first, rest string) string {
	if width <= 0 {
		return strings.TrimRight(first+strings.Join(parts, sep), " ")
	}
	var lines []string
	line := first
	// A line that goes on ends with sep, as far as its last visible letter.
	mark := ansi.StringWidth(strings.TrimRight(sep, " "))
	for i, part := range parts {
		more := 0
		if i < len(parts)-1 {
			more = mark
		}
		switch {
		case i == 0:
			line += part
		case ansi.StringWidth(line+sep+part)+more <= width:
			line += sep + part
		default:
			lines = append(lines, strings.TrimRight(line+sep, " "))
			line = rest + part
		}
	}
	lines = append(lines, line)
	for i, line := range lines {
		lines[i] = Wrap(line, width, "", rest)
	}
	return strings.Join(lines, "\n")
}

// minWrap is the fewest columns Wrap gives text in a terminal too narrow
// for its indent: past that, lines run over rather than shrink to a word.
const minWrap = 20

// Strip removes terminal escape sequences, control characters (C0, DEL and
// C1) and bidirectional controls, keeping newlines and tabs, so text pasted
// or imported into the journal can never drive the terminal it is shown on,
// nor make a line read in another order than it is stored. Text written to
// a file keeps its tabs; on a terminal, use Clean.
func Strip(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || !Hidden(r) {
			return r
		}
		return -1
	}, ansi.Strip(s))
}

// Line is Clean for one-line places (titles in a list, file names in a
// message): runs of whitespace, newlines included, become one space.
func Line(s string) string {
	return strings.Join(strings.Fields(Clean(s)), " ")
}

// Hidden reports whether r acts on a terminal or on the order text is shown
// in rather than showing itself: a control character (C0, DEL, C1) or a
// bidirectional embedding, override, isolate or mark.
func Hidden(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r >= 0x202a && r <= 0x202e, // LRE, RLE, PDF, LRO, RLO
		r >= 0x2066 && r <= 0x2069,            // LRI, RLI, FSI, PDI
		r == 0x200e, r == 0x200f, r == 0x061c: // LRM, RLM, ALM
		return true
	}
	return false
}

// EscapeJSON rewrites every Hidden character in encoded JSON as a \u escape,
// which means the same to a JSON reader but cannot act on a terminal the
// JSON is printed to. Such characters can only stand inside strings in JSON,
// where an escape is always allowed. encoding/json escapes C0 itself, but
// writes DEL, C1 and bidirectional controls raw.
func EscapeJSON(b []byte) []byte {
	if plainJSON(b) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		// Below DEL are the encoder's own escapes and JSON's whitespace.
		if r >= 0x7f && r != utf8.RuneError && Hidden(r) {
			out = append(out, `\u`...)
			const hex = "0123456789abcdef"
			out = append(out, hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

// plainJSON reports that b holds none of the bytes a Hidden character can
// be made of that C0 escaping leaves: DEL, C1 (0xc2 0x80–0x9f) or the lead
// bytes of the bidirectional controls (0xd8, 0xe2).
func plainJSON(b []byte) bool {
	for _, c := range b {
		if c == 0x7f || c == 0xc2 || c == 0xd8 || c == 0xe2 {
			return false
		}
	}
	return true
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

// NewJSONEncoder is json.NewEncoder for output that may reach a terminal:
// what it writes goes through EscapeJSON. HTML characters are left as they
// are. Encode hands w each value whole, in one Write, so no character is
// ever split between two writes.
func NewJSONEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(jsonWriter{w})
	enc.SetEscapeHTML(false)
	return enc
}

// WriteJSONList writes items as a JSON list, indented as failup prints
// JSON and escaped as NewJSONEncoder escapes, one item at a time, so that
// any number of them take little memory. An error from items ends it, and
// what is still buffered is dropped.
func WriteJSONList[T any](w io.Writer, items iter.Seq2[T, error]) error {
	out := bufio.NewWriterSize(w, 64<<10)
	var item bytes.Buffer
	enc := NewJSONEncoder(&item)
	enc.SetIndent("  ", "  ")
	sep := "[\n  "
	for v, err := range items {
		if err != nil {
			return err
		}
		item.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		out.WriteString(sep)
		out.Write(bytes.TrimSuffix(item.Bytes(), []byte("\n")))
		sep = ",\n  "
	}
	if sep == "[\n  " {
		out.WriteString("[]\n")
	} else {
		out.WriteString("\n]\n")
	}
	return out.Flush()
}

type jsonWriter struct{ w io.Writer }

func (j jsonWriter) Write(p []byte) (int, error) {
	if _, err := j.w.Write(EscapeJSON(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Days is a number of days as a person says it: "the same day", "1 day",
// "12 days".
func Days(d float64) string {
	switch n := int(math.Round(d)); n {
	case 0:
		return "the same day"
	default:
		return Count(n, "day", "days")
	}
}

// Sentence is s as a sentence: its first letter in upper case, and a full
// stop at its end ("that day has passed" is "That day has passed.").
func Sentence(s string) string {
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[size:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// Count is "1 entry" or "3 entries".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
