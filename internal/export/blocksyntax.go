package export

import "strings"

// The few pieces of CommonMark block syntax that block has to recognise.

// content is a line without the up to three spaces of indentation Markdown
// allows before block syntax. ok is false for a line indented further (or
// by a tab), which is code or continuation, never a block start.
func content(line string) (rest string, ok bool) {
	rest = strings.TrimLeft(line, " ")
	if len(line)-len(rest) > 3 || strings.HasPrefix(rest, "\t") {
		return "", false
	}
	return rest, true
}

// isHeadingLine reports an ATX heading ("# Title") or a setext underline
// ("===" or "---").
func isHeadingLine(line string) bool {
	rest, ok := content(line)
	if !ok || rest == "" {
		return false
	}
	if hashes := len(rest) - len(strings.TrimLeft(rest, "#")); hashes > 0 {
		return hashes <= 6 && (len(rest) == hashes || rest[hashes] == ' ' || rest[hashes] == '\t')
	}
	run := strings.TrimRight(rest, " \t")
	return strings.Trim(run, "=") == "" || strings.Trim(run, "-") == ""
}

// openBlock is a code fence or raw HTML block that runs until a closing line.
type openBlock struct {
	kind   string // the fence character, or the HTML block's end marker
	size   int    // the fence's length; a closing fence is at least as long
	closes func(line string) bool
}

// opensBlock reports whether line opens a code fence, or one of the raw HTML
// blocks that run until a closing marker rather than a blank line, and does
// not close it on the same line.
func opensBlock(line string) (openBlock, bool) {
	rest, ok := content(line)
	if !ok {
		return openBlock{}, false
	}
	if fence := fenceRun(rest); fence != "" {
		if fence[0] == '`' && strings.Contains(rest[len(fence):], "`") {
			return openBlock{}, false // a backtick after the fence makes it inline code
		}
		return openBlock{kind: fence[:1], size: len(fence), closes: func(l string) bool {
			r, ok := content(l)
			return ok && strings.HasPrefix(r, fence) && strings.Trim(strings.TrimLeft(r, fence[:1]), " \t") == ""
		}}, true
	}
	if end := htmlBlockEnd(rest); end != "" && !strings.Contains(strings.ToLower(rest), end) {
		return openBlock{kind: end, closes: func(l string) bool {
			return strings.Contains(strings.ToLower(l), end)
		}}, true
	}
	return openBlock{}, false
}

// fenceRun is the run of three or more backticks or tildes that starts
// rest, or "".
func fenceRun(rest string) string {
	if rest == "" || rest[0] != '`' && rest[0] != '~' {
		return ""
	}
	run := rest[:len(rest)-len(strings.TrimLeft(rest, rest[:1]))]
	if len(run) < 3 {
		return ""
	}
	return run
}

// htmlBlockEnd is the marker that ends the raw HTML block rest starts, for
// the kinds of HTML block that a blank line does not end; "" otherwise.
func htmlBlockEnd(rest string) string {
	if !strings.HasPrefix(rest, "<") {
		return ""
	}
	// The longest opening looked for is "<textarea" and one more character.
	lower := strings.ToLower(rest[:min(len(rest), 16)])
	switch {
	case strings.HasPrefix(lower, "<!--"):
		return "-->"
	case strings.HasPrefix(lower, "<?"):
		return "?>"
	case strings.HasPrefix(lower, "<![cdata["):
		return "]]>"
	case len(lower) > 2 && lower[:2] == "<!" && 'a' <= lower[2] && lower[2] <= 'z':
		return ">"
	}
	for _, tag := range []string{"pre", "script", "style", "textarea"} {
		after, ok := strings.CutPrefix(lower, "<"+tag)
		if ok && (after == "" || strings.ContainsAny(after[:1], "> \t")) {
			return "</" + tag + ">"
		}
	}
	return ""
}

// closingLine is the index of the first line after start that closes the
// block opened there, or -1.
func closingLine(lines []string, start int, closes func(string) bool) int {
	for i := start + 1; i < len(lines); i++ {
		if closes(lines[i]) {
			return i
		}
	}
	return -1
}
