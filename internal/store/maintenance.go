package store

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/failup/failup/internal/atomicfile"
)

// Backup writes a consistent copy of the journal to path with VACUUM INTO,
// which reads one snapshot while other processes go on writing. The copy is
// made in the private folder beside the journal (mode 0600), synced and
// renamed over path, so path is never left half written and a killed backup
// leaves no copy that is not removed the next time the journal is opened.
// A path atomicfile.Replaceable refuses (the journal itself, its -wal) is
// refused here too.
func (s *Store) Backup(ctx context.Context, path string) error {
	if err := atomicfile.Replaceable(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := s.privateCopy(ctx, dir)
	if err != nil {
		return err
	}
	name := tmp.Name()
	defer func() {
		tmp.Close() // the lock goes with it
		os.Remove(name)
		removeIfEmpty(filepath.Dir(name))
	}()
	if err := os.Rename(name, path); errors.Is(err, syscall.EXDEV) {
		// The journal is on another file system than path: copied across,
		// whole or not at all.
		return atomicfile.Write(path, 0o600, func(w io.Writer) error {
			_, err := io.Copy(w, io.NewSectionReader(tmp, 0, 1<<62))
			return err
		})
	} else if err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // makes the rename durable where the file system can
		d.Close()
	}
	return nil
}

// WithCopy hands use a consistent copy of the journal, open for reading,
// that has no name by then: it is made in the private folder (or one inside
// fallback) and removed from it before use reads it, so a failup stopped
// while use runs, even by kill -9, leaves no copy behind, and one stopped
// while it is made leaves an unlocked file that the next open removes.
func (s *Store) WithCopy(ctx context.Context, fallback string, use func(io.Reader) error) error {
	tmp, err := s.privateCopy(ctx, fallback)
	if err != nil {
		return err
	}
	defer tmp.Close()
	if err := os.Remove(tmp.Name()); err != nil {
		return err
	}
	removeIfEmpty(filepath.Dir(tmp.Name()))
	return use(io.NewSectionReader(tmp, 0, 1<<62))
}

// privateCopy writes a consistent copy of the journal with VACUUM INTO into
// a new locked file in the private folder beside the journal (or one inside
// fallback), synced; the file is removed again if that fails.
func (s *Store) privateCopy(ctx context.Context, fallback string) (*os.File, error) {
	tmp, err := s.createPrivate(fallback)
	if err != nil {
		return nil, err
	}
	// VACUUM INTO writes into an existing file only when it is empty, as
	// this one is, keeping its 0600.
	_, err = s.db.ExecContext(ctx, "VACUUM INTO ?", tmp.Name())
	if err == nil {
		err = tmp.Sync()
	}
	if err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		removeIfEmpty(filepath.Dir(tmp.Name()))
		return nil, err
	}
	return tmp, nil
}

// Health is what Check found inside the journal.
type Health struct {
	// SchemaVersion is the journal's schema; Known is the newest this
	// failup knows.
	SchemaVersion, Known int
	Entries              int
	// Integrity lists what PRAGMA integrity_check reported; empty means sound.
	Integrity []string
	// Orphans counts, by table, rows whose entry is gone (PRAGMA foreign_key_check).
	Orphans map[string]int
	// IndexError is what the full-text index's own integrity check said, if
	// anything; Unindexed and Stale count entries missing from the index and
	// index rows whose entry is gone.
	IndexError       string
	Unindexed, Stale int
	Drafts           []DraftInfo
	// Leftovers are the temporary copies (of the journal, or of an answer
	// open in an editor) left by a failup stopped mid-way, that were removed
	// when it was opened.
	Leftovers []string
}

// DraftInfo describes a saved draft without loading it.
type DraftInfo struct {
	Key     string    `json:"key"`
	Title   string    `json:"title"`
	SavedAt time.Time `json:"saved_at"`
}

// Check looks the journal over: SQLite's integrity and foreign-key checks,
// the full-text index against the entries, the schema version, and the drafts
// left behind. A problem found is reported in Health; err is for a check that
// could not run.
func (s *Store) Check(ctx context.Context) (Health, error) {
	h := Health{Known: s.knownVersion(), Leftovers: append(s.swept, s.SweepLeftovers()...)}
	var integrity, orphans, drafts string
	for _, q := range []struct {
		query string
		dest  any
	}{
		{"PRAGMA user_version", &h.SchemaVersion},
		{"SELECT count(*) FROM entries", &h.Entries},
		{`SELECT coalesce(group_concat(integrity_check, char(10)), '') FROM pragma_integrity_check
			WHERE integrity_check <> 'ok'`, &integrity},
		{`SELECT json_group_object("table", n) FROM
			(SELECT "table", count(*) AS n FROM pragma_foreign_key_check GROUP BY "table")`, &orphans},
		{"SELECT count(*) FROM entries WHERE id NOT IN (SELECT rowid FROM entries_fts)", &h.Unindexed},
		{"SELECT count(*) FROM entries_fts WHERE rowid NOT IN (SELECT id FROM entries)", &h.Stale},
		{`SELECT json_group_array(json_object('key', key, 'saved_at', updated_at,
			'title', coalesce(json_extract(body, '$.entry.title'), ''))) FROM (SELECT * FROM drafts ORDER BY updated_at)`, &drafts},
	} {
		if err := s.db.QueryRowContext(ctx, q.query).Scan(q.dest); err != nil {
			return h, err
		}
	}
	if integrity != "" {
		h.Integrity = strings.Split(integrity, "\n")
	}
	if err := json.Unmarshal([]byte(orphans), &h.Orphans); err != nil {
		return h, err
	}
	if err := json.Unmarshal([]byte(drafts), &h.Drafts); err != nil {
		return h, err
	}
	// FTS5's own check is a write; a journal that cannot be written has its
	// index checked by the counts above alone.
	if s.readOnly {
		return h, nil
	}
	if _, err := s.db.ExecContext(ctx, "INSERT INTO entries_fts (entries_fts) VALUES ('integrity-check')"); err != nil && s.writeError(err) == err {
		h.IndexError = err.Error()
	}
	return h, nil
}

// knownVersion is the schema version the embedded migrations bring a
// journal to.
func (s *Store) knownVersion() int {
	names, _ := fs.Glob(migrationFiles, "migrations/*.sql")
	return len(names)
}

// Identity is the journal's own id, given when it was made and kept for
// good, in lower-case hex: a copy of the journal has the same one.
func (s *Store) Identity(ctx context.Context) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, "SELECT lower(hex(journal)) FROM journal_stamp").Scan(&id)
	return id, err
}

// Generation counts the changes made to the journal's entries, and to
// what belongs to them, since it was made; reading, drafts and cached
// results leave it as it is.
func (s *Store) Generation(ctx context.Context) (int64, error) {
	var g int64
	err := s.db.QueryRowContext(ctx, "SELECT generation FROM journal_meta").Scan(&g)
	return g, err
}
