package app

import (
	"context"

	"github.com/failup/failup/internal/growth"
	"github.com/failup/failup/internal/journal"
)

// Stats are the journal's statistics as of today, from the tallies it keeps,
// with the most recurring patterns from the kept report.
func (c *Core) Stats(ctx context.Context) (growth.Stats, error) {
	t, err := c.store.Tallies(ctx, c.Today())
	if err != nil {
		return growth.Stats{}, err
	}
	st := growth.Summarize(t)
	if st.Patterns, err = c.topPatterns(ctx); err != nil {
		return growth.Stats{}, err
	}
	return st, nil
}

// Growth is what the growth screen shows: the statistics, chains of
// attempts, and the latest confidence ratings.
type Growth struct {
	Stats  growth.Stats
	Chains []growth.Chain
	// Reflecting and CheckIn are the latest confidence ratings, when
	// reflecting and at check-ins, oldest first.
	Reflecting, CheckIn []int
}

// Growth reads what the growth screen shows, with at most recent confidence
// ratings of each kind. It reads tallies and the few entries in chains, never
// every entry, and leaves out the recurring patterns.
func (c *Core) Growth(ctx context.Context, recent int) (Growth, error) {
	t, err := c.store.Tallies(ctx, c.Today())
	if err != nil {
		return Growth{}, err
	}
	g := Growth{Stats: growth.Summarize(t)}
	linked, err := c.store.Linked(ctx)
	if err != nil {
		return Growth{}, err
	}
	g.Chains = growth.Chains(linked)
	g.Reflecting, g.CheckIn, err = c.store.Confidences(ctx, recent)
	return g, err
}

// Calendar is what the patterns screen draws besides the patterns: how many
// setbacks each day since since had, and the latest recent confidence
// ratings given when reflecting, oldest first. It reads counts and ratings
// through the journal's indexes, not the entries.
func (c *Core) Calendar(ctx context.Context, since journal.Date, recent int) (perDay map[journal.Date]int, confidence []int, err error) {
	if perDay, err = c.store.SetbacksByDay(ctx, since); err != nil {
		return nil, nil, err
	}
	confidence, _, err = c.store.Confidences(ctx, recent)
	return perDay, confidence, err
}
