package store

import (
	"context"
	"database/sql"
	"errors"
)

// KnownUIDs reports which of uids are already in the journal, for a preview
// of what an import would skip.
func (s *Store) KnownUIDs(ctx context.Context, uids []string) (map[string]bool, error) {
	stmt, err := s.db.PrepareContext(ctx, "SELECT 1 FROM entries WHERE uid = ?")
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	known := map[string]bool{}
	for _, uid := range uids {
		var one int
		switch err := stmt.QueryRowContext(ctx, uid).Scan(&one); {
		case err == nil:
			known[uid] = true
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
	}
	return known, nil
}
