package export

import (
	"fmt"
	"io"

	"github.com/failup/failup/internal/journal"
)

// Full writes every entry in full under a document title and the period the
// entries cover, in the order given.
func Full(w io.Writer, entries []journal.Entry, opt Options) error {
	p := newPage(w)
	p.heading(1, "Reflections")
	p.note(span(opt, entries), count(len(entries), "entry", "entries"))
	for _, e := range entries {
		p.entry(e, 2)
	}
	if len(entries) == 0 {
		p.add(nothingYet)
	}
	return p.flush()
}

const nothingYet = "Nothing to show for this period yet."

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
