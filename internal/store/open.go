// Package store is the only package that speaks SQL: it opens and migrates the
// journal, reads and writes entries and drafts, and searches them.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// applicationID marks a SQLite file as a failup journal ("fail" in ASCII).
const applicationID = 0x6661696c

// Store is an open journal.
type Store struct {
	db   *sql.DB
	path string
	// readOnly is set for a journal on a read-only mount or in a read-only
	// folder, opened without its write-ahead log: every write is refused.
	readOnly bool
	// swept are the leftover temporary copies removed on opening.
	swept []string
	// stamped is set once the journal has its stamp, which every write
	// transaction then moves on (see checkWAL).
	stamped bool
	// checkpoints are the checkpoints begun after a bulk write, which Close
	// waits for.
	checkpoints sync.WaitGroup
}

// Open opens the journal at path, creating it (and its directory, 0700) with
// mode 0600 when it does not exist, and brings its schema up to date. A file
// that is not a failup journal, or is from a newer failup, is refused untouched.
// Only the commands that write a first entry open a journal this way.
func Open(path string) (*Store, error) { return open(path, true) }

// OpenExisting opens the journal at path as Open does, but never creates
// it: a path with no journal is an error wrapping ErrNoJournal. A journal
// that cannot be written (a read-only mount or folder) is opened read-only,
// and writing to it is refused.
func OpenExisting(path string) (*Store, error) { return open(path, false) }

// ErrNoJournal is the error of a path where no journal exists yet.
var ErrNoJournal = errors.New("there is no journal there")

type noJournalError struct{ path string }

func (e *noJournalError) Error() string {
	return fmt.Sprintf("there is no journal at %s; failup new writes the first entry there, or --db names another journal", e.path)
}

func (e *noJournalError) Is(target error) bool { return target == ErrNoJournal }

func open(path string, create bool) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if err := checkFile(abs, create); err != nil {
		return nil, err
	}
	if err := tighten(abs); err != nil {
		return nil, err
	}
	if dir := filepath.Dir(abs); filepath.Base(dir) == "failup" {
		// failup's own data folder (or one named like it): private, as the
		// files in it are.
		if err := TightenFolder(dir); err != nil {
			return nil, err
		}
	}
	if err := checkWAL(abs); err != nil {
		return nil, err
	}
	s, err := openWith(abs, "mode=rw")
	if err != nil && !create && isReadOnlyPlace(err) {
		// Nothing may be created beside a journal on a read-only mount, not
		// even the index of its write-ahead log, so it is read as it stands.
		s, err = openWith(abs, "immutable=1")
		if s != nil {
			s.readOnly = true
		}
	}
	if err != nil {
		return nil, describeOpenError(abs, err)
	}
	s.swept = s.SweepLeftovers()
	return s, nil
}

func openWith(path, mode string) (*Store, error) {
	db, err := sql.Open("sqlite", dsn(path, mode))
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, readOnly: mode != "mode=rw"}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// isReadOnlyPlace reports whether err is SQLite failing to open a journal
// because it, or the folder its write-ahead log would go in, cannot be
// written.
func isReadOnlyPlace(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
		return true
	}
	return false
}

// Path is the journal's absolute file name.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the journal was opened read-only, because it or
// its folder cannot be written.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close closes the journal, once the checkpoints begun are done.
func (s *Store) Close() error {
	s.checkpoints.Wait()
	return s.db.Close()
}

// checkFile makes sure path is a regular file to open as a journal, and
// creates it (and its folder) when create is set and it does not exist.
func checkFile(path string, create bool) error {
	info, err := os.Lstat(path)
	if err == nil && info.Mode()&fs.ModeSymlink != 0 {
		target, _ := os.Readlink(path)
		if info, err = os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s is a link to %s, which does not exist; point the link at the journal, or remove it", path, target)
		}
	}
	switch {
	case err == nil && info.IsDir():
		return fmt.Errorf("%s is a directory, not a journal file", path)
	case err == nil && !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file (it is a device, a pipe or a socket); a journal is a file", path)
	case err == nil:
		return nil
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot read %s: %w", path, unwrapPathError(err))
	case !create:
		return &noJournalError{path}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("cannot create the journal's folder %s: %w", filepath.Dir(path), unwrapPathError(err))
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("cannot create the journal %s: %w", path, unwrapPathError(err))
	}
	if f != nil {
		return f.Close()
	}
	return nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// dsn sets every pragma in the connection string so each pooled connection
// gets them; busy_timeout comes first so the others wait for a busy journal.
// A long import holds the write lock for seconds, hence the long timeout.
// journal_mode is not among them: WAL is kept in the file, and migrate sets it
// once the file is known to be a journal, so a refused file is left as it was.
// mode is mode=rw (the file was created by checkFile with the right
// permissions) or immutable=1 for a journal that cannot be written.
// temp_store(MEMORY): statement journals (every write that fires a trigger
// has one) and large sorts stay in memory, which is quicker, and leaves no
// journal text in temporary files.
func dsn(path, mode string) string {
	return fileURI(path) + "?" + mode +
		"&_pragma=busy_timeout(" + strconv.Itoa(busyTimeout) + ")" +
		"&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(NORMAL)" +
		"&_pragma=temp_store(MEMORY)" +
		"&_txlock=immediate"
}

// busyTimeout is how long, in milliseconds, a statement waits for another
// failup writing to the journal.
const busyTimeout = 30000

// fileURI is path as a SQLite file: URI, before its parameters.
func fileURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.ToSlash(path))
}

func (s *Store) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	var version, appID, objects int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return err
	}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&objects); err != nil {
		return err
	}
	switch {
	case appID != applicationID && (appID != 0 || objects > 0):
		return errNotJournal
	case version > len(names):
		return &newerError{have: version, know: len(names)}
	case s.readOnly && version < len(names):
		return fmt.Errorf("%w: it needs an update to its format that cannot be written", errReadOnly)
	case s.readOnly:
		return nil
	}
	if _, err := s.db.ExecContext(ctx, "PRAGMA journal_mode = WAL"); err != nil {
		return err
	}
	stampedFrom := 0 // the version that brings the stamp
	for i, name := range names {
		if strings.HasSuffix(name, "_journal_identity.sql") {
			stampedFrom = i + 1
		}
	}
	s.stamped = version >= stampedFrom
	for i := version; i < len(names); i++ {
		body, err := migrationFiles.ReadFile(names[i])
		if err != nil {
			return err
		}
		if err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("%s: %w", names[i], err)
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", i+1, applicationID))
			return err
		}); err != nil {
			return err
		}
		s.stamped = i+1 >= stampedFrom
	}
	return nil
}

var (
	errNotJournal = errors.New("not a failup journal")
	errReadOnly   = errors.New("the journal cannot be written")
)

// IsDamaged reports whether err is SQLite finding the journal damaged.
func IsDamaged(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CORRUPT
}

// IsBusy reports whether err is another process holding the journal's write
// lock for longer than the busy timeout.
func IsBusy(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_BUSY
}

type newerError struct{ have, know int }

func (e *newerError) Error() string {
	return fmt.Sprintf("written by a newer failup (schema %d; this failup knows up to %d)", e.have, e.know)
}

func describeOpenError(path string, err error) error {
	var se *sqlite.Error
	var newer *newerError
	switch {
	case errors.As(err, &newer):
		return fmt.Errorf("%s was %s; update failup to open it", path, newer)
	case errors.Is(err, errReadOnly):
		return fmt.Errorf("cannot write to the journal %s: check that it and its folder are writable (%w)", path, err)
	case errors.Is(err, errNotJournal):
		return fmt.Errorf("%s is a SQLite database but not a failup journal; choose another file with --db", path)
	case errors.As(err, &se):
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return fmt.Errorf("%s is not a failup journal (not a SQLite database); it was left untouched", path)
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
			return fmt.Errorf("cannot write to the journal %s: check that it and its folder are writable", path)
		case sqlite3.SQLITE_CORRUPT:
			return fmt.Errorf("%s is damaged (%s); it was left untouched, and failup doctor --rescue -o NEW.db copies every entry that can still be read into a new journal", path, se.Error())
		case sqlite3.SQLITE_FULL:
			return fmt.Errorf("the disk holding %s is full", path)
		}
		if se.Code() == sqlite3.SQLITE_IOERR_SHMSIZE {
			return fmt.Errorf("cannot open the journal %s: the disk holding it is full, or its folder cannot be written to", path)
		}
	}
	return fmt.Errorf("cannot open the journal %s: %w", path, err)
}

// inTx runs fn in one immediate transaction, committing only if fn succeeds.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	return s.inTxOn(ctx, s.db.BeginTx, fn)
}

// inBulkTx is inTx for a transaction that writes much of the journal (an
// import): its commit does not copy the write-ahead log into the journal,
// as SQLite's commit of a transaction over 1,000 pages does before it
// returns (at 100,000 entries, 0.8 s of the import's time on one core).
// The same checkpoint runs on another connection instead, while the
// command goes on (the day's snapshot, which reads the journal through its
// log meanwhile); Close waits for it. Nothing is less durable: a commit in
// WAL mode is the log's, checkpointed or not.
func (s *Store) inBulkTx(ctx context.Context, fn func(*sql.Tx) error) error {
	if s.readOnly {
		return s.writeError(errReadOnly)
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return s.writeError(err)
	}
	defer conn.Close()
	var every int
	if err := conn.QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&every); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
		return err
	}
	err = s.inTxOn(ctx, conn.BeginTx, fn)
	if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", every)); err == nil {
		err = rerr
	}
	if err != nil {
		return err
	}
	s.checkpoints.Go(func() {
		// As a commit would have: PASSIVE, so that it waits for no reader
		// nor writer; what it cannot copy now, a later commit or closing
		// the journal does.
		s.db.ExecContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)")
	})
	return nil
}

func (s *Store) inTxOn(ctx context.Context, begin func(context.Context, *sql.TxOptions) (*sql.Tx, error), fn func(*sql.Tx) error) error {
	if s.readOnly {
		return s.writeError(errReadOnly)
	}
	tx, err := begin(ctx, nil)
	if err != nil {
		return s.writeError(err)
	}
	if s.stamped {
		if _, err := tx.ExecContext(ctx, stampWrite); err != nil {
			tx.Rollback()
			return s.writeError(err)
		}
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return s.writeError(err)
	}
	return s.writeError(tx.Commit())
}

// writeError words a write refused because the journal cannot be written
// (a 0400 file, which SQLite opens read-only, or a read-only mount); other
// errors pass unchanged.
func (s *Store) writeError(err error) error {
	var se *sqlite.Error
	if errors.Is(err, errReadOnly) || errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_READONLY {
		return fmt.Errorf("cannot write to the journal %s: check that it and its folder are writable; nothing was changed", s.path)
	}
	return err
}

// TightenFolder makes a folder of failup's own that others can enter or
// read (its data folder, the private folder of copies, the snapshots'
// folders) 0700 again, and never widens its mode: a 0500 folder stays 0500.
// When the folder is not the person's to change, it is refused with what to
// do.
func TightenFolder(dir string) error {
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() || info.Mode().Perm()&0o077 == 0 {
		return nil
	}
	err = os.Chmod(dir, info.Mode().Perm()&0o700)
	if err != nil && !errors.Is(err, syscall.EROFS) {
		return fmt.Errorf("the folder %s can be read by other users, and failup cannot change that (%w); run chmod 700 %s as its owner", dir, unwrapPathError(err), dir)
	}
	return nil
}

// tighten makes a journal that others can read private again (0600, and its
// write-ahead log and index beside it, which SQLite creates with the
// journal's own mode), so that nothing failup writes next is readable by
// others. It never widens a mode. When the file is not the person's to
// change, it is refused with what to do.
func tighten(path string) error {
	for _, name := range []string{path, path + "-wal", path + "-shm"} {
		info, err := os.Stat(name)
		if err != nil || info.Mode().Perm()&0o077 == 0 {
			continue
		}
		err = os.Chmod(name, info.Mode().Perm()&0o700)
		if err != nil && !errors.Is(err, syscall.EROFS) {
			return fmt.Errorf("%s can be read by other users, and failup cannot change that (%w); run chmod 600 %s as its owner", name, unwrapPathError(err), name)
		}
	}
	return nil
}
