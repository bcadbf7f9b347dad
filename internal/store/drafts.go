package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/failup/failup/internal/journal"
)

// SaveDraft stores d under d.Key, replacing any earlier draft with that key.
func (s *Store) SaveDraft(ctx context.Context, d journal.Draft, now time.Time) error {
	body, err := json.Marshal(d)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO drafts (key, body, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
		d.Key, string(body), formatTime(now))
	return err
}

// Draft returns the draft saved under key; ok is false when there is none.
func (s *Store) Draft(ctx context.Context, key string) (d journal.Draft, ok bool, err error) {
	var body, saved string
	err = s.db.QueryRowContext(ctx, "SELECT body, updated_at FROM drafts WHERE key = ?", key).Scan(&body, &saved)
	if errors.Is(err, sql.ErrNoRows) {
		return journal.Draft{}, false, nil
	}
	if err != nil {
		return journal.Draft{}, false, err
	}
	d, err = decodeDraft(key, body, saved)
	return d, err == nil, err
}

// decodeDraft is the draft stored under key as body, saved at saved.
func decodeDraft(key, body, saved string) (journal.Draft, error) {
	d := journal.Draft{Key: key}
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		return journal.Draft{}, err
	}
	var err error
	d.SavedAt, err = parseTime(saved)
	return d, err
}

// Drafts returns the drafts of what base names (see journal.DraftBase): every
// session's, the most recently saved first.
func (s *Store) Drafts(ctx context.Context, base string) ([]journal.Draft, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT key, body, updated_at FROM drafts
		WHERE key = ? OR key LIKE ? ORDER BY updated_at DESC, key`,
		base, base+":%")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var drafts []journal.Draft
	for rows.Next() {
		var key, body, saved string
		if err := rows.Scan(&key, &body, &saved); err != nil {
			return nil, err
		}
		d, err := decodeDraft(key, body, saved)
		if err != nil {
			return nil, err
		}
		drafts = append(drafts, d)
	}
	return drafts, rows.Err()
}

// DeleteDraft removes the draft saved under key, if any.
func (s *Store) DeleteDraft(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, "DELETE FROM drafts WHERE key = ?", key)
	return err
}
