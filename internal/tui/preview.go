package tui

import (
	"bytes"
	"errors"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// previewLines is how many lines of a document the export screen asks for
// at first; scrolling to the end asks for as many again.
const previewLines = 400

// errPreviewFull stops a document being written once the preview holds the
// lines it shows, so a preview costs the same for any size of journal.
var errPreviewFull = errors.New("the preview has all the lines it shows")

// previewWriter keeps the first lines of a document, wrapped to width; once
// it has limit lines it refuses the rest.
type previewWriter struct {
	width, limit int
	lines        []string
	partial      []byte
	// cut is set when the document goes on past the kept lines.
	cut bool
}

func (p *previewWriter) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 && len(p.lines) < p.limit {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			p.partial = append(p.partial, b...)
			return n, nil
		}
		p.add(append(p.partial, b[:i]...))
		p.partial, b = p.partial[:0], b[i+1:]
	}
	if len(b) > 0 {
		p.cut = true
		return n - len(b), errPreviewFull
	}
	return n, nil
}

func (p *previewWriter) add(line []byte) {
	p.lines = append(p.lines, strings.Split(ansi.Wrap(string(line), max(p.width, 1), ""), "\n")...)
}

// done ends the document: a last line without a newline is kept too.
func (p *previewWriter) done() []string {
	if len(p.partial) > 0 && !p.cut {
		p.add(p.partial)
		p.partial = nil
	}
	return p.lines
}
