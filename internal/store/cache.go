package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
)

// A Stamp names the state a kept result is made from: the journal's
// generation, and whatever else the result depends on (its version, such as
// the day). A result kept under a stamp is read back only while the journal
// is still in that state.
type Stamp string

// Stamp is the stamp for results that depend on version besides the journal.
func (s *Store) Stamp(ctx context.Context, version string) (Stamp, error) {
	var generation int64
	if err := s.db.QueryRowContext(ctx, "SELECT generation FROM journal_meta").Scan(&generation); err != nil {
		return "", err
	}
	return Stamp(fmt.Sprintf("%d %s", generation, version)), nil
}

// Kept is what was kept under name with the stamp at, and whether there is
// such a thing.
func (s *Store) Kept(ctx context.Context, name string, at Stamp) ([]byte, bool, error) {
	var body []byte
	err := s.db.QueryRowContext(ctx, "SELECT body FROM cache WHERE name = ? AND version = ?", name, string(at)).Scan(&body)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, false, nil
	case err != nil:
		return nil, false, err
	}
	return body, true, nil
}

// Keep keeps a result made in parts, each named, under the stamp at, in one
// transaction, replacing whatever was kept under name or a name that starts
// with name and a dot: a result kept in fewer parts than before leaves none
// of the old ones behind.
func (s *Store) Keep(ctx context.Context, at Stamp, name string, parts map[string][]byte) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM cache WHERE name = ? OR substr(name, 1, ?) = ?`,
		name, len(name)+1, name+"."); err != nil {
		return err
	}
	for part, body := range parts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO cache (name, version, body) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET version = excluded.version, body = excluded.body`, part, string(at), body); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// Cached returns what build made the last time it ran for name, if neither
// the journal nor version (whatever else the result depends on, such as the
// day) has changed since; otherwise it runs build and keeps the result.
func (s *Store) Cached(ctx context.Context, name, version string, build func() ([]byte, error)) ([]byte, error) {
	at, err := s.Stamp(ctx, version)
	if err != nil {
		return nil, err
	}
	body, ok, err := s.Kept(ctx, name, at)
	if ok || err != nil {
		return body, err
	}
	if body, err = build(); err != nil {
		return nil, err
	}
	s.keepIfFree(ctx, name, at, body)
	return body, nil
}

// keepIfFree keeps body under name and at unless the journal cannot be
// written at once: a read-only journal, or one another failup is writing
// to (an import holds it for minutes) only leaves the result to be made
// again, where waiting for the journal would hold up a command that only
// reads.
func (s *Store) keepIfFree(ctx context.Context, name string, at Stamp, body []byte) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA busy_timeout = 0"); err != nil {
		return
	}
	_, _ = conn.ExecContext(ctx, `INSERT INTO cache (name, version, body) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET version = excluded.version, body = excluded.body`, name, string(at), body)
	// The connection goes back to the pool to wait as every other does, or
	// is closed.
	if _, err := conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA busy_timeout = %d", busyTimeout)); err != nil {
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	}
}
