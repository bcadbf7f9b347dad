package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Cached returns what build made the last time it ran for name, if neither
// the journal nor version (whatever else the result depends on, such as the
// day) has changed since; otherwise it runs build and keeps the result.
func (s *Store) Cached(ctx context.Context, name, version string, build func() ([]byte, error)) ([]byte, error) {
	var generation int64
	if err := s.db.QueryRowContext(ctx, "SELECT generation FROM journal_meta").Scan(&generation); err != nil {
		return nil, err
	}
	version = fmt.Sprintf("%d %s", generation, version)
	var body []byte
	err := s.db.QueryRowContext(ctx, "SELECT body FROM cache WHERE name = ? AND version = ?", name, version).Scan(&body)
	switch {
	case err == nil:
		return body, nil
	case !errors.Is(err, sql.ErrNoRows):
		return nil, err
	}
	if body, err = build(); err != nil {
		return nil, err
	}
	// A cache that cannot be written (a read-only journal) is only slower.
	_, _ = s.db.ExecContext(ctx, `INSERT INTO cache (name, version, body) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET version = excluded.version, body = excluded.body`, name, version, body)
	return body, nil
}
