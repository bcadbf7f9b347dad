package store

import (
	"context"
	"database/sql"
	"strconv"

	"github.com/failup/failup/internal/journal"
)

// Tallies reads the counts the journal keeps (see migration 0002) and a few
// indexed counts, as of today.
func (s *Store) Tallies(ctx context.Context, today journal.Date) (journal.Tallies, error) {
	var t journal.Tallies
	// Number keys are kept as integers, so they sort as numbers.
	rows, err := s.db.QueryContext(ctx, "SELECT kind, key, n FROM tallies WHERE n > 0 ORDER BY kind, key")
	if err != nil {
		return t, err
	}
	defer rows.Close()
	bins := map[string]*[]journal.Bin{"confidence": &t.Confidence, "after": &t.ConfidenceAfter,
		"change": &t.ConfidenceChange, "days": &t.DaysToTryAgain}
	states := map[string]*int{"tried": &t.TriedAgain, "not-tried": &t.NotTried, "dropped": &t.SetAside, "open": &t.Upcoming}
	for rows.Next() {
		var kind, key string
		var n int
		if err := rows.Scan(&kind, &key, &n); err != nil {
			return t, err
		}
		switch kind {
		case "month":
			t.Months = append(t.Months, journal.Tally{Key: key, N: n})
		case "skill":
			t.Skills = append(t.Skills, journal.Tally{Key: key, N: n})
		case "state":
			if p := states[key]; p != nil {
				*p = n
			}
		default:
			if p := bins[kind]; p != nil {
				v, _ := strconv.Atoi(key)
				*p = append(*p, journal.Bin{Value: v, N: n})
			}
		}
	}
	if err := rows.Err(); err != nil {
		return t, err
	}
	var first, last sql.NullString
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT min(occurred_on) FROM entries), (SELECT max(occurred_on) FROM entries),
		(SELECT count(*) FROM followups WHERE checked_in_at IS NULL AND dropped_at IS NULL AND due_on <= ?)`,
		string(today)).Scan(&first, &last, &t.Waiting); err != nil {
		return t, err
	}
	t.FirstOn, t.LastOn = journal.Date(first.String), journal.Date(last.String)
	t.Upcoming -= t.Waiting // open ones are waiting or still to come
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM entries e
		WHERE e.uid IN (SELECT follows_uid FROM entries WHERE follows_uid IS NOT NULL)
		AND NOT EXISTS (SELECT 1 FROM entries p WHERE p.uid = e.follows_uid)`).Scan(&t.Chains)
	return t, err
}
