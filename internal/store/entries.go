package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/failup/failup/internal/journal"
)

// ErrNotFound is returned for an id that names no entry.
var ErrNotFound = errors.New("no such entry")

// timeLayout has a fixed width so stored times sort as strings.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

func parseTime(s string) (time.Time, error) { return time.Parse(timeLayout, s) }

// Create saves a new entry, which must already be complete and valid, and
// sets its ID.
func (s *Store) Create(ctx context.Context, e *journal.Entry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return insertEntry(ctx, tx, e) })
}

// Update replaces the stored entry with e.ID, keeping its uid and created_at,
// and sets e.UpdatedAt to now.
func (s *Store) Update(ctx context.Context, e *journal.Entry, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return updateEntry(ctx, tx, e, now) })
}

// SaveReflection creates e (when e.ID is 0) or updates it, and removes the
// draft it was written in, in one transaction: a saved reflection is never
// offered back as a draft, and a draft is never dropped unsaved.
func (s *Store) SaveReflection(ctx context.Context, e *journal.Entry, draftKey string, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if e.ID == 0 {
			err = insertEntry(ctx, tx, e)
		} else {
			err = updateEntry(ctx, tx, e, now)
		}
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM drafts WHERE key = ?", draftKey)
		return err
	})
}

func updateEntry(ctx context.Context, tx *sql.Tx, e *journal.Entry, now time.Time) error {
	var uid, created string
	err := tx.QueryRowContext(ctx, "SELECT uid, created_at FROM entries WHERE id = ?", e.ID).Scan(&uid, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	createdAt, err := parseTime(created)
	if err != nil {
		return err
	}
	e.UID, e.CreatedAt, e.UpdatedAt = uid, createdAt, now.UTC().Truncate(time.Second)
	if _, err := tx.ExecContext(ctx, `UPDATE entries SET updated_at = ?, occurred_on = ?, title = ?,
		prompt_set = ?, lesson = ?, severity = ?, confidence = ?, follows_uid = ? WHERE id = ?`,
		formatTime(e.UpdatedAt), string(e.OccurredOn), e.Title, e.PromptSet, e.Lesson,
		e.Severity, e.Confidence, nullString(e.FollowsUID), e.ID); err != nil {
		return err
	}
	for _, table := range []string{"answers", "tags", "skills", "followups"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE entry_id = ?", e.ID); err != nil {
			return err
		}
	}
	return insertChildren(ctx, tx, e)
}

// Delete removes an entry and everything that belongs to it.
func (s *Store) Delete(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM entries WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM entries_fts WHERE rowid = ?", id)
		return err
	})
}

// Import adds entries in one transaction, skipping those whose uid is already
// in the journal. Either all new entries are added or none are.
func (s *Store) Import(ctx context.Context, entries []journal.Entry) (added, skipped int, err error) {
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		added, skipped = 0, 0
		exists, err := tx.PrepareContext(ctx, "SELECT 1 FROM entries WHERE uid = ?")
		if err != nil {
			return err
		}
		defer exists.Close()
		for i := range entries {
			var one int
			err := exists.QueryRowContext(ctx, entries[i].UID).Scan(&one)
			if err == nil {
				skipped++
				continue
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if err := insertEntry(ctx, tx, &entries[i]); err != nil {
				return fmt.Errorf("entry %d: %w", i+1, err)
			}
			added++
		}
		return nil
	})
	return added, skipped, err
}

func insertEntry(ctx context.Context, tx *sql.Tx, e *journal.Entry) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO entries (uid, created_at, updated_at, occurred_on, title,
		prompt_set, lesson, severity, confidence, follows_uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.UID, formatTime(e.CreatedAt), formatTime(e.UpdatedAt), string(e.OccurredOn), e.Title,
		e.PromptSet, e.Lesson, e.Severity, e.Confidence, nullString(e.FollowsUID))
	if err != nil {
		return err
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return insertChildren(ctx, tx, e)
}

func insertChildren(ctx context.Context, tx *sql.Tx, e *journal.Entry) error {
	for i, a := range e.Answers {
		if _, err := tx.ExecContext(ctx, "INSERT INTO answers (entry_id, position, key, question, text) VALUES (?, ?, ?, ?, ?)",
			e.ID, i, a.Key, a.Question, a.Text); err != nil {
			return err
		}
	}
	for i, t := range e.Tags {
		if _, err := tx.ExecContext(ctx, "INSERT INTO tags (entry_id, position, tag) VALUES (?, ?, ?)", e.ID, i, t); err != nil {
			return err
		}
	}
	for i, sk := range e.Skills {
		if _, err := tx.ExecContext(ctx, "INSERT INTO skills (entry_id, position, skill) VALUES (?, ?, ?)", e.ID, i, string(sk)); err != nil {
			return err
		}
	}
	if f := e.Followup; f != nil {
		if _, err := tx.ExecContext(ctx, `INSERT INTO followups (entry_id, commitment, due_on, checked_in_at,
			tried_again, outcome, confidence_after, dropped_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			e.ID, f.Commitment, nullString(string(f.DueOn)), nullTime(f.CheckedInAt), f.TriedAgain,
			f.Outcome, f.ConfidenceAfter, nullTime(f.DroppedAt)); err != nil {
			return err
		}
	}
	return indexEntry(ctx, tx, e)
}

// indexEntry replaces the entry's row in the full-text index.
func indexEntry(ctx context.Context, tx *sql.Tx, e *journal.Entry) error {
	texts := make([]string, len(e.Answers))
	for i, a := range e.Answers {
		texts[i] = a.Text
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM entries_fts WHERE rowid = ?", e.ID); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO entries_fts (rowid, title, answers, lesson) VALUES (?, ?, ?, ?)",
		e.ID, e.Title, strings.Join(texts, "\n\n"), e.Lesson)
	return err
}

func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

func nullTime(t *time.Time) sql.NullString {
	if t == nil {
		return sql.NullString{}
	}
	return sql.NullString{String: formatTime(*t), Valid: true}
}

// Get returns the entry with the given id, or ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (journal.Entry, error) {
	entries, err := s.query(ctx, "WHERE e.id = ?", []any{id}, "")
	if err != nil {
		return journal.Entry{}, err
	}
	if len(entries) == 0 {
		return journal.Entry{}, ErrNotFound
	}
	return entries[0], nil
}

const entryColumns = `e.id, e.uid, e.created_at, e.updated_at, e.occurred_on, e.title, e.prompt_set,
	e.lesson, e.severity, e.confidence, coalesce(e.follows_uid, '')`

// query loads the entries matching where (with args), newest first, with tail
// (LIMIT, OFFSET) appended, then their children in one query per table.
func (s *Store) query(ctx context.Context, where string, args []any, tail string) ([]journal.Entry, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+entryColumns+" FROM entries e "+where+
		" ORDER BY e.occurred_on DESC, e.created_at DESC, e.id DESC "+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var entries []journal.Entry
	index := map[int64]int{}
	for rows.Next() {
		var e journal.Entry
		var created, updated, occurred string
		if err := rows.Scan(&e.ID, &e.UID, &created, &updated, &occurred, &e.Title, &e.PromptSet,
			&e.Lesson, &e.Severity, &e.Confidence, &e.FollowsUID); err != nil {
			return nil, err
		}
		if e.CreatedAt, err = parseTime(created); err != nil {
			return nil, err
		}
		if e.UpdatedAt, err = parseTime(updated); err != nil {
			return nil, err
		}
		e.OccurredOn = journal.Date(occurred)
		e.Answers, e.Tags, e.Skills = []journal.Answer{}, []string{}, []journal.Skill{}
		index[e.ID] = len(entries)
		entries = append(entries, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, nil
	}
	return entries, s.loadChildren(ctx, entries, index)
}

func (s *Store) loadChildren(ctx context.Context, entries []journal.Entry, index map[int64]int) error {
	ids := make([]int64, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	idList, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	in := " WHERE entry_id IN (SELECT value FROM json_each(?)) ORDER BY entry_id, position"
	if err := s.each(ctx, "SELECT entry_id, key, question, text FROM answers"+in, idList, func(r *sql.Rows) error {
		var id int64
		var a journal.Answer
		if err := r.Scan(&id, &a.Key, &a.Question, &a.Text); err != nil {
			return err
		}
		e := &entries[index[id]]
		e.Answers = append(e.Answers, a)
		return nil
	}); err != nil {
		return err
	}
	if err := s.each(ctx, "SELECT entry_id, tag FROM tags"+in, idList, func(r *sql.Rows) error {
		var id int64
		var t string
		if err := r.Scan(&id, &t); err != nil {
			return err
		}
		e := &entries[index[id]]
		e.Tags = append(e.Tags, t)
		return nil
	}); err != nil {
		return err
	}
	if err := s.each(ctx, "SELECT entry_id, skill FROM skills"+in, idList, func(r *sql.Rows) error {
		var id int64
		var sk string
		if err := r.Scan(&id, &sk); err != nil {
			return err
		}
		e := &entries[index[id]]
		e.Skills = append(e.Skills, journal.Skill(sk))
		return nil
	}); err != nil {
		return err
	}
	return s.each(ctx, `SELECT entry_id, commitment, coalesce(due_on, ''), checked_in_at, tried_again, outcome,
		confidence_after, dropped_at FROM followups WHERE entry_id IN (SELECT value FROM json_each(?))`, idList,
		func(r *sql.Rows) error {
			var id int64
			var f journal.Followup
			var due string
			var checked, dropped sql.NullString
			if err := r.Scan(&id, &f.Commitment, &due, &checked, &f.TriedAgain, &f.Outcome, &f.ConfidenceAfter, &dropped); err != nil {
				return err
			}
			f.DueOn = journal.Date(due)
			var err error
			if f.CheckedInAt, err = optionalTime(checked); err != nil {
				return err
			}
			if f.DroppedAt, err = optionalTime(dropped); err != nil {
				return err
			}
			entries[index[id]].Followup = &f
			return nil
		})
}

func optionalTime(s sql.NullString) (*time.Time, error) {
	if !s.Valid {
		return nil, nil
	}
	t, err := parseTime(s.String)
	return &t, err
}

func (s *Store) each(ctx context.Context, query string, arg any, fn func(*sql.Rows) error) error {
	rows, err := s.db.QueryContext(ctx, query, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
