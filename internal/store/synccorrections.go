package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/failup/failup/internal/changelog"
	"github.com/failup/failup/internal/journal"
)

// A correction to the patterns travels as entries do, as versions of it
// under its uid. A correction is replaced whole, never edited in parts, so
// two versions made at once need no one to choose between them: the newest
// head stands, as the newest version of an entry is the one shown.

// canonicalCorrection is the correction as versions carry it, and its
// fingerprint.
func canonicalCorrection(c journal.Correction) ([]byte, string) {
	c.CreatedAt, c.UpdatedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC()
	body, err := json.Marshal(c)
	if err != nil {
		panic(err) // a correction is plain values
	}
	return body, fingerprint(body)
}

// decodeVersionCorrection checks the correction a version carries and
// returns it in canonical form, with its fingerprint.
func decodeVersionCorrection(v changelog.Version) ([]byte, string, journal.Correction, error) {
	return decodeVersion(v, "correction", func(c journal.Correction) string { return c.UID }, canonicalCorrection)
}

// settleCorrection writes into the journal the newest head of correction
// uid, or takes the correction back when every head is a deletion.
func (sm *syncMerge) settleCorrection(ctx context.Context, uid string, res *Merged) error {
	heads, err := sm.headsOf(ctx, uid)
	if err != nil {
		return err
	}
	var was string
	if err := sm.hash.QueryRowContext(ctx, uid).Scan(&was); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	best := newest(heads)
	if best == nil {
		gone, err := sm.tx.ExecContext(ctx, "DELETE FROM pattern_corrections WHERE uid = ?", uid)
		if err != nil {
			return err
		}
		if n, _ := gone.RowsAffected(); n > 0 {
			res.Corrections++
		}
		return sm.remember(ctx, uid, "")
	}
	_, hash, c, err := decodeVersionCorrection(*best)
	if err != nil {
		return fmt.Errorf("version %s: %w", best.ID, err)
	}
	if hash == was {
		return nil
	}
	if err := putCorrection(ctx, sm.tx, c); err != nil {
		return err
	}
	res.Corrections++
	return sm.remember(ctx, uid, hash)
}
