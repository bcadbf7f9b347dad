package export

import (
	"fmt"
	"io"
	"iter"

	"github.com/failup/failup/internal/journal"
)

// About is what a document says of its entries before the first of them:
// how many there are, and the earliest and latest day they happened on.
type About struct {
	Count       int
	First, Last journal.Date
}

// AboutEntries is About for entries in hand.
func AboutEntries(entries []journal.Entry) About {
	a := About{Count: len(entries)}
	for _, e := range entries {
		if a.First.IsZero() || e.OccurredOn < a.First {
			a.First = e.OccurredOn
		}
		a.Last = max(a.Last, e.OccurredOn)
	}
	return a
}

// Full writes every entry in full under a document title and the period the
// entries cover, in the order given.
func Full(w io.Writer, entries []journal.Entry, opt Options) error {
	return FullStream(w, AboutEntries(entries), func(yield func(journal.Entry, error) bool) {
		for _, e := range entries {
			if !yield(e, nil) {
				return
			}
		}
	}, opt)
}

// FullStream is Full for entries read as they are written, so that a whole
// journal is never held in memory: about says what the heading says of
// them. It stops at the first error entries yields, and reads no further
// once w has refused what was written (a preview that has all it shows, a
// full disk).
func FullStream(w io.Writer, about About, entries iter.Seq2[journal.Entry, error], opt Options) error {
	p := newPage(w)
	p.heading(1, "Reflections")
	p.note(span(opt, about.First, about.Last), count(about.Count, "entry", "entries"))
	written := 0
	for e, err := range entries {
		if err != nil {
			return err
		}
		p.entry(e, 2)
		written++
		if err := p.err(); err != nil {
			return err
		}
	}
	if written == 0 {
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
