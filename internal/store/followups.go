package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/failup/failup/internal/journal"
)

// Commitment is an entry's follow-up with the entry's id, title and date.
type Commitment struct {
	ID         int64
	UID        string
	Title      string
	OccurredOn journal.Date
	Followup   journal.Followup
}

// CommitmentFilter narrows Commitments. Zero fields do not filter.
type CommitmentFilter struct {
	// Open keeps commitments not yet checked in on or set aside.
	Open bool
	// DueBy keeps commitments due on or before this day.
	DueBy journal.Date
	// Limit is the most to return; 0 is no limit.
	Limit int
	// Latest lists the most recently due first.
	Latest bool
}

func (cf CommitmentFilter) where() (string, []any) {
	where, args := "", []any{}
	if cf.Open {
		where += " AND f.checked_in_at IS NULL AND f.dropped_at IS NULL"
	}
	if cf.DueBy != "" {
		where += " AND f.due_on <= ?"
		args = append(args, string(cf.DueBy))
	}
	return where, args
}

// CountCommitments is how many commitments match cf, ignoring its Limit.
func (s *Store) CountCommitments(ctx context.Context, cf CommitmentFilter) (int, error) {
	where, args := cf.where()
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM followups f WHERE 1"+where, args...).Scan(&n)
	return n, err
}

// Commitments lists follow-ups with their entries, soonest due first (those
// without a date last).
func (s *Store) Commitments(ctx context.Context, cf CommitmentFilter) ([]Commitment, error) {
	where, args := cf.where()
	limit := -1
	if cf.Limit > 0 {
		limit = cf.Limit
	}
	// With a due day every row has a date, and the due_on index gives the order.
	order := "f.due_on IS NULL, f.due_on, f.entry_id"
	switch {
	case cf.DueBy != "" && cf.Latest:
		order = "f.due_on DESC, f.entry_id DESC"
	case cf.DueBy != "":
		order = "f.due_on, f.entry_id"
	case cf.Latest:
		order = "f.due_on IS NULL, f.due_on DESC, f.entry_id DESC"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.uid, e.title, e.occurred_on, f.commitment,
		coalesce(f.due_on, ''), f.checked_in_at, f.tried_again, f.outcome, f.confidence_after, f.dropped_at
		FROM followups f JOIN entries e ON e.id = f.entry_id WHERE 1`+where+`
		ORDER BY `+order+` LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Commitment
	for rows.Next() {
		var c Commitment
		var occurred, due string
		var checked, dropped sql.NullString
		f := &c.Followup
		if err := rows.Scan(&c.ID, &c.UID, &c.Title, &occurred, &f.Commitment, &due, &checked,
			&f.TriedAgain, &f.Outcome, &f.ConfidenceAfter, &dropped); err != nil {
			return nil, err
		}
		c.OccurredOn, f.DueOn = journal.Date(occurred), journal.Date(due)
		if f.CheckedInAt, err = optionalTime(checked); err != nil {
			return nil, err
		}
		if f.DroppedAt, err = optionalTime(dropped); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CheckIn is how a commitment went.
type CheckIn struct {
	TriedAgain      bool
	Outcome         string
	ConfidenceAfter *int
}

// RecordCheckIn notes how entry id's commitment went, at now.
func (s *Store) RecordCheckIn(ctx context.Context, id int64, c CheckIn, now time.Time) error {
	now = now.Truncate(time.Second) // times are kept to the second, as everywhere
	return s.updateFollowup(ctx, id, now, `UPDATE followups SET checked_in_at = ?, tried_again = ?,
		outcome = ?, confidence_after = ?, dropped_at = NULL WHERE entry_id = ?`,
		formatTime(now), c.TriedAgain, nullString(c.Outcome), c.ConfidenceAfter, id)
}

// Snooze moves entry id's commitment to a new due date.
func (s *Store) Snooze(ctx context.Context, id int64, due journal.Date, now time.Time) error {
	return s.updateFollowup(ctx, id, now, `UPDATE followups SET due_on = ?, dropped_at = NULL WHERE entry_id = ?`,
		string(due), id)
}

// Drop sets entry id's commitment aside: it is no longer asked about.
func (s *Store) Drop(ctx context.Context, id int64, now time.Time) error {
	now = now.Truncate(time.Second)
	return s.updateFollowup(ctx, id, now, `UPDATE followups SET dropped_at = ? WHERE entry_id = ?`, formatTime(now), id)
}

// ErrNoCommitment is returned for an entry without a follow-up.
var ErrNoCommitment = errors.New("the entry has no commitment")

// updateFollowup runs one change to a follow-up and marks the entry updated.
func (s *Store) updateFollowup(ctx context.Context, id int64, now time.Time, query string, args ...any) error {
	now = now.Truncate(time.Second)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var exists int
		err := tx.QueryRowContext(ctx, "SELECT count(*) FROM entries WHERE id = ?", id).Scan(&exists)
		if err != nil {
			return err
		}
		if exists == 0 {
			return ErrNotFound
		}
		res, err := tx.ExecContext(ctx, query, args...)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNoCommitment
		}
		_, err = tx.ExecContext(ctx, "UPDATE entries SET updated_at = ? WHERE id = ?", formatTime(now), id)
		return err
	})
}
