package journal

import "iter"

// Each yields entries, with no error: a slice where a stream of entries, as
// the store or an import reads them, is asked for.
func Each(entries []Entry) iter.Seq2[Entry, error] {
	return func(yield func(Entry, error) bool) {
		for _, e := range entries {
			if !yield(e, nil) {
				return
			}
		}
	}
}
