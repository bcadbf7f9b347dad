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
// alone, since escaping there would show. A line the next line continues
// ends in a hard line break, so the person's line breaks show as they typed
// them rather than joining into one line.
func block(s string) string {
	lines := strings.Split(trimBlankLines(termtext.Strip(s)), "\n")
	inside := make([]bool, len(lines)) // in a closed fence or HTML block
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
				for j := i; j <= end; j++ {
					inside[j] = true
				}
				i = end
				continue
			}
			neverClosed[b.kind] = b.size
		}
		lines[i] = escapeStart(lines[i])
	}
	for i := range lines {
		if breaksBefore(lines, inside, i) {
			lines[i] += hardBreak
		}
	}
	return strings.Join(lines, "\n")
}

// hardBreak ends a line in a hard line break: two spaces, which, unlike a
// backslash, show nothing where Markdown ignores them (at the end of a
// paragraph, before a list item).
const hardBreak = "  "

// breaksBefore reports whether line i, outside any closed block, is one the
// next line continues, so that it takes a hard break: both have text, and
// line i is not code or already ended by a backslash, which breaks the line
// itself.
func breaksBefore(lines []string, inside []bool, i int) bool {
	line := lines[i]
	return i+1 < len(lines) && !inside[i] && strings.TrimSpace(line) != "" && strings.TrimSpace(lines[i+1]) != "" &&
		!strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "\t") && !strings.HasSuffix(line, `\`)
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
