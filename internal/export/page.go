package export

import (
	"bufio"
	"io"
	"strings"
)

// page writes a Markdown document block by block, with one blank line
// between blocks, as it goes: a journal's export is never held in memory
// whole. The writer's first error is kept for flush, and err says whether
// there has been one, so that a stream of entries stops being read once
// nothing more can be written.
type page struct {
	w       *bufio.Writer
	started bool
}

func newPage(w io.Writer) *page { return &page{w: bufio.NewWriterSize(w, 64<<10)} }

// add appends a block of Markdown; an empty block adds nothing.
func (p *page) add(markdown string) {
	if markdown == "" {
		return
	}
	if p.started {
		p.w.WriteString("\n")
	}
	p.started = true
	p.w.WriteString(markdown)
	p.w.WriteString("\n")
}

func (p *page) heading(level int, text string) {
	p.add(strings.Repeat("#", level) + " " + text)
}

// note is a quiet line of context under a heading, such as a date.
func (p *page) note(parts ...string) {
	var kept []string
	for _, s := range parts {
		if s != "" {
			kept = append(kept, s)
		}
	}
	if len(kept) > 0 {
		p.add("*" + strings.Join(kept, " · ") + "*")
	}
}

// err is the writer's first error, if it has failed; writing nothing
// reports it without writing.
func (p *page) err() error {
	_, err := p.w.Write(nil)
	return err
}

// flush writes out what is buffered, reporting the first write error.
func (p *page) flush() error { return p.w.Flush() }

// list collects the items of one Markdown bullet list.
type list struct{ items []string }

// line adds an item that is already Markdown.
func (l *list) line(markdown string) {
	if markdown != "" {
		l.items = append(l.items, "- "+markdown)
	}
}

// text adds "Label: text" for text the person wrote. Text of more than one
// line starts on the next line, indented into the item, so that its first
// line can be block syntax (a fence, a list) like the others.
func (l *list) text(label, text string) {
	text = block(text)
	switch {
	case text == "":
	case !strings.Contains(text, "\n"):
		l.line(label + ": " + strings.TrimLeft(text, " "))
	default:
		l.line(label + ":\n" + indent(text, "  "))
	}
}

func (l *list) String() string { return strings.Join(l.items, "\n") }

// indent puts prefix before every line that has text.
func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if line != "" {
			lines[i] = prefix + line
		}
	}
	return strings.Join(lines, "\n")
}
