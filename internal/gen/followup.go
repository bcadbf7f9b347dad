package gen

import (
	"time"

	"github.com/failup/failup/internal/journal"
)

// followup is the commitment of an entry, in every state a real journal holds
// on its end day: none, pending (due later, due already, or with no date),
// checked in (tried again or not, with an outcome) and dropped.
func (g *generator) followup(s scene, occurred journal.Date, created time.Time) *journal.Followup {
	if g.rng.Float64() < 0.3 {
		return nil
	}
	f := &journal.Followup{Commitment: g.fill(pick(g.rng, s.themes[0].commitments), s)}
	if g.rng.Float64() < 0.95 {
		f.DueOn = occurred.AddDays(3 + g.rng.IntN(43))
	}
	// A commitment due after end is mostly still pending; one whose day has
	// come is mostly checked in on.
	checkIn, drop := 0.6, 0.15
	if f.DueOn.IsZero() || f.DueOn > g.end {
		checkIn, drop = 0.1, 0.05
	}
	switch r := g.rng.Float64(); {
	case r < checkIn:
		g.checkIn(f, s, created)
	case r < checkIn+drop:
		dropped := g.settledAt(f, created)
		f.DroppedAt = &dropped
	}
	return f
}

// checkIn records how the commitment went: most people tried again and felt
// surer afterwards; those who did not mostly felt less sure.
func (g *generator) checkIn(f *journal.Followup, s scene, created time.Time) {
	at := g.settledAt(f, created)
	tried := g.rng.Float64() < 0.7
	outcomes, confidence := notTriedOutcomes, func() int { return 1 + g.rng.IntN(4) + g.rng.IntN(3) }
	if tried {
		outcomes, confidence = triedOutcomes, func() int { return 3 + g.rng.IntN(4) + g.rng.IntN(4) }
	}
	outcome := g.fill(pick(g.rng, outcomes), s)
	f.CheckedInAt, f.TriedAgain, f.Outcome = &at, &tried, &outcome
	f.ConfidenceAfter = g.maybe(0.9, confidence)
}

// settledAt is when a person checked in on or dropped the commitment: around
// its due day, or a week or few after writing when it has none; after the
// entry was written and not after end.
func (g *generator) settledAt(f *journal.Followup, created time.Time) time.Time {
	day := journal.DateOf(created).AddDays(7 + g.rng.IntN(24))
	if !f.DueOn.IsZero() {
		day = f.DueOn.AddDays(g.rng.IntN(14) - 3)
	}
	t := day.Time().Add(g.timeOfDay())
	if t.Before(created) {
		t = created.Add(time.Duration(1+g.rng.IntN(48)) * time.Hour)
	}
	return g.notAfterEnd(t)
}
