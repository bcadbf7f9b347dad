package app

import (
	"context"

	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

const (
	// similarCandidates is how many entries the search index offers for a
	// closer comparison.
	similarCandidates = 200
	// similarEnough is the score below which an entry is not worth showing
	// as "like this one".
	similarEnough = 0.08
)

// Similar finds up to n earlier entries like e that are worth showing, best
// first, with the words and patterns they share. The search index offers
// candidates, so it costs the same in a journal of any size.
func (c *Core) Similar(ctx context.Context, e journal.Entry, n int) ([]insight.Match, error) {
	lex, err := c.Lexicon()
	if err != nil {
		return nil, err
	}
	candidates, err := c.store.Like(ctx, e, similarCandidates)
	if err != nil {
		return nil, err
	}
	matches := []insight.Match{}
	for _, m := range lex.Similar(e, candidates, n) {
		if m.Score >= similarEnough {
			matches = append(matches, m)
		}
	}
	return matches, nil
}
