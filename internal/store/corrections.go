package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/failup/failup/internal/journal"
)

// Corrections lists the person's corrections to the patterns, oldest change
// first, so that a later one is applied after an earlier.
func (s *Store) Corrections(ctx context.Context) ([]journal.Correction, error) {
	return corrections(ctx, s.db, "")
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func corrections(ctx context.Context, q querier, where string, args ...any) ([]journal.Correction, error) {
	rows, err := q.QueryContext(ctx, "SELECT uid, kind, theme, target, created_at, updated_at FROM pattern_corrections "+
		where+" ORDER BY updated_at, uid", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []journal.Correction{}
	for rows.Next() {
		var c journal.Correction
		var target, created, updated string
		if err := rows.Scan(&c.UID, &c.Kind, &c.Theme, &target, &created, &updated); err != nil {
			return nil, err
		}
		c.SetTarget(target)
		if c.CreatedAt, err = parseTime(created); err != nil {
			return nil, err
		}
		if c.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Correct saves the corrections put (replacing those with the same uid) and
// removes those whose uids are in drop, in one transaction.
func (s *Store) Correct(ctx context.Context, put []journal.Correction, drop []string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, uid := range drop {
			if _, err := tx.ExecContext(ctx, "DELETE FROM pattern_corrections WHERE uid = ?", uid); err != nil {
				return err
			}
		}
		for _, c := range put {
			// Made again, a correction keeps when it was first made.
			if _, err := tx.ExecContext(ctx, `INSERT INTO pattern_corrections (uid, kind, theme, target, created_at,
				updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET kind = excluded.kind,
				theme = excluded.theme, target = excluded.target, updated_at = excluded.updated_at`,
				c.UID, string(c.Kind), c.Theme, c.Target(), formatTime(c.CreatedAt), formatTime(c.UpdatedAt)); err != nil {
				return err
			}
		}
		return nil
	})
}

// putCorrection keeps c as it is, replacing the correction with its uid.
func putCorrection(ctx context.Context, tx *sql.Tx, c journal.Correction) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO pattern_corrections (uid, kind, theme, target, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO UPDATE SET kind = excluded.kind, theme = excluded.theme,
		target = excluded.target, created_at = excluded.created_at, updated_at = excluded.updated_at`,
		c.UID, string(c.Kind), c.Theme, c.Target(), formatTime(c.CreatedAt), formatTime(c.UpdatedAt))
	return err
}

// importCorrections adds corrections read from an export, in the import's
// transaction: one whose uid the journal holds already is skipped, unless
// the one read was changed later.
func importCorrections(ctx context.Context, tx *sql.Tx, list []journal.Correction) (added, skipped int, err error) {
	for _, c := range list {
		add, err := correctionNews(ctx, tx, c)
		if err != nil {
			return 0, 0, err
		}
		if !add {
			skipped++
			continue
		}
		added++
		if err := putCorrection(ctx, tx, c); err != nil {
			return 0, 0, err
		}
	}
	return added, skipped, nil
}

// CorrectionsToImport counts the corrections of list an import would add
// and skip, without writing anything.
func (s *Store) CorrectionsToImport(ctx context.Context, list []journal.Correction) (add, skip int, err error) {
	for _, c := range list {
		news, err := correctionNews(ctx, s.db, c)
		if err != nil {
			return 0, 0, err
		}
		if news {
			add++
		} else {
			skip++
		}
	}
	return add, skip, nil
}

// correctionNews reports whether c is news to the journal: its uid is not
// kept, or the one kept was changed before c was.
func correctionNews(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, c journal.Correction) (bool, error) {
	var updated string
	switch err := q.QueryRowContext(ctx, "SELECT updated_at FROM pattern_corrections WHERE uid = ?", c.UID).Scan(&updated); {
	case errors.Is(err, sql.ErrNoRows):
		return true, nil
	case err != nil:
		return false, err
	}
	at, _ := parseTime(updated)
	return c.UpdatedAt.After(at), nil
}
