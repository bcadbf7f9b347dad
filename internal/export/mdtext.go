package export

import (
	"strings"

	"github.com/failup/failup/internal/termtext"
)

// inline makes one line of plain text (a title, a tag) safe in a heading, a
// list item or emphasis: control characters go, whitespace collapses, and
// characters Markdown would read as formatting are escaped.
func inline(s string) string {
	s = termtext.Line(s)
	if !strings.ContainsAny(s, inlineSpecials) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(inlineSpecials, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

const inlineSpecials = "\\`*_[]<>#&~"

// block prepares text the person wrote (an answer, a lesson) for the
// document. Their Markdown is kept as written; control characters go, and
// only line starts that would reach outside the text are escaped: headings,
// setext underlines (which turn the line above into a heading), and code
// fences or raw HTML blocks that are never closed (which would swallow the
// rest of the document). Lines inside a closed fence or HTML block are left
// alone, since escaping there would show.
func block(s string) string {
	lines := strings.Split(trimBlankLines(termtext.Strip(s)), "\n")
	// neverClosed maps a kind of block to the smallest size of it found to
	// have no closing line after some earlier line. A later block of that
	// kind and at least that size cannot close either, which keeps text full
	// of unclosed fences from being scanned over and over.
	neverClosed := map[string]int{}
	for i := 0; i < len(lines); i++ {
		b, ok := opensBlock(lines[i])
		if !ok {
			if isHeadingLine(lines[i]) {
				lines[i] = escapeStart(lines[i])
			}
			continue
		}
		if least, known := neverClosed[b.kind]; !known || b.size < least {
			if end := closingLine(lines, i, b.closes); end >= 0 {
				i = end
				continue
			}
			neverClosed[b.kind] = b.size
		}
		lines[i] = escapeStart(lines[i])
	}
	return strings.Join(lines, "\n")
}

// trimBlankLines drops whitespace-only lines at both ends, keeping the
// indentation of the first line that has text.
func trimBlankLines(s string) string {
	s = strings.TrimRight(s, " \t\n")
	lastBlank := -1
	for i, c := range s {
		if c == '\n' {
			lastBlank = i
		} else if c != ' ' && c != '\t' {
			break
		}
	}
	return s[lastBlank+1:]
}

// escapeStart puts a backslash before the line's first character, which
// Markdown then shows as written.
func escapeStart(line string) string {
	rest := strings.TrimLeft(line, " ")
	return line[:len(line)-len(rest)] + `\` + rest
}
