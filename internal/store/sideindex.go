package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync/atomic"
)

// A journal's connection writes on one core, and building the full-text
// index took two fifths of an import's writing. An import into a journal
// with no entry yet, whose index is empty, builds it instead on a
// connection of its own, in memory, on the other core, while the writing
// goes on; at the end its tables take the place of the journal's, as they
// are: the same index, whose pages FTS5 wrote itself. Into a journal with
// entries, the index is written in the journal's own transaction.

// sideIndexWords is how many bytes of words an index built beside takes
// (the index of 100,000 generated entries took 71 MB of words and 63 MB of
// memory; a memdb database holds at most 1 GB): past it, the import
// indexes its entries in its own transaction, and its memory stays
// bounded. A variable so that a test can reach it.
var sideIndexWords = 256 << 20

// sideIndexes names each index built beside, since a memdb database is
// shared by every connection that opens its name.
var sideIndexes atomic.Int64

// sideIndex is the full-text index of an import into an empty journal,
// being built beside it.
type sideIndex struct {
	given  int // bytes of words added
	db     *sql.DB
	conn   *sql.Conn
	def    string          // the CREATE VIRTUAL TABLE statement of entries_fts
	chunks chan []indexRow // rows to index, as bulk.index passes them
	done   chan error
}

// indexTables are the tables FTS5 keeps entries_fts in (its configuration
// stays the journal's own), with their columns, of which the second is a
// blob that is never NULL: an empty one is read back as nil, which would be
// written as NULL.
var indexTables = []struct{ name, columns string }{
	{"entries_fts_data", "id, block"},
	{"entries_fts_idx", "segid, term, pgno"},
	{"entries_fts_docsize", "id, sz, origin"},
}

// newSideIndex starts building the index of tx's import beside it.
func newSideIndex(ctx context.Context, tx *sql.Tx) (*sideIndex, error) {
	si := &sideIndex{done: make(chan error, 1)}
	if err := tx.QueryRowContext(ctx, "SELECT sql FROM sqlite_schema WHERE name = 'entries_fts'").Scan(&si.def); err != nil {
		return nil, err
	}
	// In this process's memory, held by the one connection: a temporary
	// file would put the words on a disk the journal may not be on. In one
	// block (SQLite's memdb), not page by page as a :memory: database
	// keeps it: letting go of 60 MB of pages one at a time took about as
	// long as copying them, the allocator handing each region back to the
	// system.
	db, err := sql.Open("sqlite", fmt.Sprintf("file:/failup-index-%d?vfs=memdb", sideIndexes.Add(1)))
	if err != nil {
		return nil, err
	}
	si.db = db
	if si.conn, err = db.Conn(ctx); err != nil {
		db.Close()
		return nil, err
	}
	for _, q := range []string{"PRAGMA journal_mode = OFF", si.def,
		fmt.Sprintf("INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', %d)", bulkIndexMemory)} {
		if _, err := si.conn.ExecContext(ctx, q); err != nil {
			si.close()
			return nil, err
		}
	}
	// A few batches can wait, so that the writing goes on while the index
	// takes in one a little slower than the rows were written.
	chunks := make(chan []indexRow, 4)
	si.chunks = chunks
	go func() {
		err := si.build(ctx, chunks)
		for range chunks { // until finish or close
		}
		si.done <- err
	}()
	return si, nil
}

// build indexes the rows it is given in one transaction, so that FTS5
// writes them out a segment when bulkIndexMemory fills, and the rest when
// chunks is closed.
func (si *sideIndex) build(ctx context.Context, chunks <-chan []indexRow) error {
	tx, err := si.conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, insertIndexRow)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for rows := range chunks {
		if err := insertIndexRows(ctx, stmt, rows); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// add indexes rows, unless the index would then hold more than
// sideIndexWords of words.
func (si *sideIndex) add(rows []indexRow) bool {
	for _, r := range rows {
		si.given += r.size()
	}
	if si.given > sideIndexWords {
		return false
	}
	si.chunks <- rows
	return true
}

// finish waits for the index to be built and puts it in place of tx's,
// which is empty: entries_fts is made again, so that nothing this
// connection knew of the old one outlives it, and its tables are filled
// with the index's pages.
func (si *sideIndex) finish(ctx context.Context, tx *sql.Tx) error {
	close(si.chunks)
	si.chunks = nil
	if err := <-si.done; err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DROP TABLE entries_fts"); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, si.def); err != nil {
		return err
	}
	for _, t := range indexTables {
		if err := si.copy(ctx, tx, t.name, t.columns); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	return nil
}

// copy makes tx's table name hold what the side index's does.
func (si *sideIndex) copy(ctx context.Context, tx *sql.Tx, name, columns string) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM "+name); err != nil {
		return err
	}
	rows, err := si.conn.QueryContext(ctx, "SELECT "+columns+" FROM "+name)
	if err != nil {
		return err
	}
	defer rows.Close()
	width := strings.Count(columns, ",") + 1
	into := &bulkTable{into: "INTO " + name + " (" + columns + ")", width: width,
		row: "(?, coalesce(?, x'')" + strings.Repeat(", ?", width-2) + ")"}
	defer into.close()
	values := make([]any, width)
	ptrs := make([]any, width)
	for i := range values {
		ptrs[i] = &values[i]
	}
	for n := 1; rows.Next(); n++ {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		into.add(values...)
		if n%maxBulkRows == 0 {
			if err := into.flush(ctx, tx); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return into.flush(ctx, tx)
}

// close lets go of the side index, built or not.
func (si *sideIndex) close() {
	if si.chunks != nil {
		close(si.chunks)
		<-si.done
	}
	if si.conn != nil {
		si.conn.Close()
	}
	si.db.Close()
}
