package app

import (
	"context"

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

// Alike is an earlier entry like a new one, and what they have in common
// (see insight.Match).
type Alike struct {
	ID         int64
	OccurredOn journal.Date
	Title      string
	Words      []string
	Patterns   []string
}

// Similar finds up to n earlier entries like e that are worth showing, best
// first, with the words and patterns they share. The search index offers
// candidates, so it costs the same in a journal of any size.
func (c *Core) Similar(ctx context.Context, e journal.Entry, n int) ([]Alike, error) {
	lex, err := c.Lexicon()
	if err != nil {
		return nil, err
	}
	candidates, err := c.store.Like(ctx, e, similarCandidates)
	if err != nil {
		return nil, err
	}
	alike := []Alike{}
	for _, m := range lex.Similar(e, candidates, n) {
		if m.Score >= similarEnough {
			alike = append(alike, Alike{ID: m.ID, OccurredOn: m.OccurredOn, Title: m.Title, Words: m.Words, Patterns: m.Patterns})
		}
	}
	return alike, nil
}
