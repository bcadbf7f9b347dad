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

// IDsOf gives the ids of the entries with uids, leaving out those the
// journal does not hold.
func (s *Store) IDsOf(ctx context.Context, uids []string) (map[string]int64, error) {
	stmt, err := s.db.PrepareContext(ctx, "SELECT id FROM entries WHERE uid = ?")
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	ids := map[string]int64{}
	for _, uid := range uids {
		var id int64
		switch err := stmt.QueryRowContext(ctx, uid).Scan(&id); {
		case err == nil:
			ids[uid] = id
		case !errors.Is(err, sql.ErrNoRows):
			return nil, err
		}
	}
	return ids, nil
}
