package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/failup/failup/internal/atomicfile"
	"github.com/failup/failup/internal/journal"
)

// Rescued is what Rescue brought out of a damaged journal.
type Rescued struct {
	// Entries were read whole; Partial were read without some of their
	// answers, tags, skills or follow-ups, which could not be read.
	Entries, Partial int
	// Lost counts the entries whose ids the journal still knew but whose
	// row could not be read at all.
	Lost int
}

// Rescue copies every entry (and correction to the patterns) that can
// still be read from the journal at from, however damaged (cut short,
// overwritten in places), into a new journal at to, which must not exist yet. The damaged file and its -wal
// are read from a private copy and never written. It refuses only when
// nothing at all can be read.
func Rescue(ctx context.Context, from, to string) (Rescued, error) {
	var r Rescued
	if _, err := os.Lstat(to); err == nil {
		return r, fmt.Errorf("%s already exists; give a new file name to rescue the entries into", to)
	}
	if err := atomicfile.Replaceable(to); err != nil {
		return r, err
	}
	damaged, cleanup, err := privateCopy(from, filepath.Dir(to))
	if err != nil {
		return r, err
	}
	defer cleanup()
	// writable_schema lets SQLite read a file shorter than its header says,
	// as a journal cut short is; nothing is written to the copy. The other
	// pragmas of dsn are left out: setting synchronous reads the whole
	// schema first, and fails on such a file.
	db, err := sql.Open("sqlite", fileURI(damaged)+"?mode=rw&_pragma=writable_schema(1)&_pragma=busy_timeout(30000)")
	if err != nil {
		return r, err
	}
	defer db.Close()
	src := &Store{db: db, path: damaged}
	var entries []journal.Entry
	for _, id := range readableIDs(ctx, db) {
		e, err := src.Get(ctx, id)
		if err == nil {
			entries = append(entries, e)
			r.Entries++
			continue
		}
		if e, ok := bareEntry(ctx, db, id); ok {
			entries = append(entries, e)
			r.Partial++
			continue
		}
		r.Lost++
	}
	if len(entries) == 0 {
		return r, fmt.Errorf("no entry of %s can be read (%d found but unreadable); it was left untouched", from, r.Lost)
	}
	dst, err := Open(to)
	if err != nil {
		return r, err
	}
	defer dst.Close()
	seq := func(yield func(journal.Entry, error) bool) {
		for _, e := range entries {
			if !yield(e, nil) {
				return
			}
		}
	}
	// The person's corrections to their patterns come too, those that can
	// still be read whole.
	list, _ := corrections(ctx, db, "")
	kept := slices.DeleteFunc(list, func(c journal.Correction) bool { return c.Validate() != nil })
	if _, err := dst.ImportDocument(ctx, seq, func() []journal.Correction { return kept }); err != nil {
		dst.Close()
		os.Remove(to)
		return r, fmt.Errorf("the rescued entries could not be written to %s: %w", to, err)
	}
	return r, nil
}

// privateCopy copies the journal at path, with its -wal, into a locked file
// in the private folder of dir, so that SQLite may replay and read it
// without ever writing to the original.
func privateCopy(path, dir string) (string, func(), error) {
	src, err := os.Open(path)
	if err != nil {
		return "", nil, fmt.Errorf("cannot read %s: %w", path, unwrapPathError(err))
	}
	defer src.Close()
	if info, err := src.Stat(); err == nil && !info.Mode().IsRegular() {
		return "", nil, fmt.Errorf("%s is not a regular file; a journal is a file", path)
	}
	tmp, err := createLocked(filepath.Join(dir, privateFolder))
	if err != nil {
		return "", nil, err
	}
	name := tmp.Name()
	cleanup := func() {
		for _, side := range []string{"-wal", "-shm", "-journal"} {
			os.Remove(name + side)
		}
		tmp.Close()
		os.Remove(name)
		removeIfEmpty(filepath.Dir(name))
	}
	if _, err := io.Copy(tmp, src); err != nil {
		cleanup()
		return "", nil, err
	}
	// A -wal that is not the journal's own would be replayed into the copy:
	// it is left out, as every command leaves it.
	if wal, err := os.ReadFile(path + "-wal"); err == nil && checkWAL(path) == nil {
		if err := os.WriteFile(name+"-wal", wal, 0o600); err != nil {
			cleanup()
			return "", nil, err
		}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		cleanup()
		return "", nil, err
	}
	return name, cleanup, nil
}

// readableIDs lists the ids of the entries the damaged journal still knows:
// those its table of entries gives up before the first damaged page, and
// every id above them up to the highest it ever gave, each of which may
// still be found by itself.
func readableIDs(ctx context.Context, db *sql.DB) []int64 {
	var ids []int64
	var last int64
	if rows, err := db.QueryContext(ctx, "SELECT id FROM entries ORDER BY id"); err == nil {
		for rows.Next() {
			if rows.Scan(&last) == nil {
				ids = append(ids, last)
			}
		}
		complete := rows.Err() == nil
		rows.Close()
		if complete {
			return ids
		}
	}
	var highest int64
	if db.QueryRowContext(ctx, "SELECT last_entry_id FROM journal_meta").Scan(&highest) != nil {
		highest = last + 10_000
	}
	for id := last + 1; id <= highest; id++ {
		var found int64
		if err := db.QueryRowContext(ctx, "SELECT id FROM entries WHERE id = ?", id).Scan(&found); err == nil {
			ids = append(ids, found)
		} else if !errors.Is(err, sql.ErrNoRows) {
			ids = append(ids, id) // damaged where it would be: try it whole
		}
	}
	return ids
}

// bareEntry reads an entry's own row alone, for an entry whose answers,
// tags, skills or follow-ups cannot be read.
func bareEntry(ctx context.Context, db *sql.DB, id int64) (journal.Entry, bool) {
	rows, err := db.QueryContext(ctx, "SELECT "+entryColumns+" FROM entries e WHERE e.id = ?", id)
	if err != nil {
		return journal.Entry{}, false
	}
	defer rows.Close()
	if !rows.Next() {
		return journal.Entry{}, false
	}
	e, err := scanEntry(rows)
	return e, err == nil && rows.Err() == nil
}
