package store

import (
	"context"
	"slices"

	"github.com/failup/failup/internal/journal"
)

// Linked reads the entries in chains of attempts, newest first: those that
// follow on from another entry and those another follows on from. It reads
// only them, with their follow-ups, not their answers.
func (s *Store) Linked(ctx context.Context) ([]journal.Entry, error) {
	var out []journal.Entry
	// Each half is found through an index and the few rows sorted after:
	// written with OR, the query walked every entry in order to sort none.
	where := `WHERE e.id IN (SELECT id FROM entries WHERE follows_uid IS NOT NULL
		UNION SELECT id FROM entries WHERE uid IN (SELECT follows_uid FROM entries WHERE follows_uid IS NOT NULL))`
	for e, err := range s.entries(ctx, where, nil, "", shape{entryColumns, scanEntry, []child{followupRows}}) {
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Confidences are the latest n confidence ratings given when reflecting, by
// the day of the setback, and at check-ins, by the time of the check-in,
// each oldest first.
func (s *Store) Confidences(ctx context.Context, n int) (reflecting, checkIn []int, err error) {
	read := func(query string) ([]int, error) {
		rows, err := s.db.QueryContext(ctx, query, n)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []int
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
		return out, rows.Err()
	}
	if reflecting, err = read(`SELECT confidence FROM entries WHERE confidence IS NOT NULL
		ORDER BY occurred_on DESC, created_at DESC, id DESC LIMIT ?`); err != nil {
		return nil, nil, err
	}
	checkIn, err = read(`SELECT confidence_after FROM followups WHERE confidence_after IS NOT NULL AND checked_in_at IS NOT NULL
		ORDER BY checked_in_at DESC LIMIT ?`)
	return reflecting, checkIn, err
}

// SetbacksByDay counts the entries of each day from since on, through the
// index of days, without reading the entries.
func (s *Store) SetbacksByDay(ctx context.Context, since journal.Date) (map[journal.Date]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT occurred_on, count(*) FROM entries WHERE occurred_on >= ? GROUP BY occurred_on`, string(since))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[journal.Date]int{}
	for rows.Next() {
		var d string
		var n int
		if err := rows.Scan(&d, &n); err != nil {
			return nil, err
		}
		out[journal.Date(d)] = n
	}
	return out, rows.Err()
}

// Attempts reads the chain of attempts the entry id is part of, oldest
// first: the entries it follows on from, back to the first, and every entry
// that follows on from those, itself included. An entry in no chain has
// none. Only titles and days are read.
func (s *Store) Attempts(ctx context.Context, id int64) ([]journal.Entry, error) {
	where := `WHERE e.uid IN (
		WITH RECURSIVE earlier(uid, follows) AS (
			SELECT uid, follows_uid FROM entries WHERE id = ?
			UNION SELECT p.uid, p.follows_uid FROM entries p JOIN earlier ON p.uid = earlier.follows
		), chain(uid) AS (
			SELECT uid FROM earlier
			UNION SELECT n.uid FROM entries n JOIN chain ON n.follows_uid = chain.uid
		) SELECT uid FROM chain)`
	var out []journal.Entry
	for e, err := range s.entries(ctx, where, []any{id}, "", shape{entryColumns, scanEntry, nil}) {
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	if len(out) < 2 {
		return nil, nil
	}
	slices.Reverse(out)
	return out, nil
}
