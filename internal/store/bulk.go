package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"iter"
	"math/bits"
	"strings"
	"time"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/wordform"
)

// Import adds entries, read one at a time, in one transaction, skipping those
// whose uid is already in the journal. Either all new entries are added or
// none are: an error from entries ends the import and is returned as it is.
func (s *Store) Import(ctx context.Context, entries iter.Seq2[journal.Entry, error]) (added, skipped int, err error) {
	n, err := s.ImportDocument(ctx, entries, nil)
	return n.Added, n.Skipped, err
}

// Imported counts what an import added and skipped, of entries and of
// corrections to the patterns.
type Imported struct {
	Added, Skipped                       int
	CorrectionsAdded, CorrectionsSkipped int
}

// ImportDocument is Import, then the corrections that corrections returns
// once every entry has been read (a document may list them last), in the
// same transaction: a correction whose uid the journal holds is skipped
// unless the one read was changed later.
func (s *Store) ImportDocument(ctx context.Context, entries iter.Seq2[journal.Entry, error], corrections func() []journal.Correction) (n Imported, err error) {
	var added, skipped int
	err = s.inBulkTx(ctx, func(tx *sql.Tx) error {
		b, err := newBulk(ctx, tx)
		if err != nil {
			return err
		}
		defer b.close()
		restore, err := suspendTriggers(ctx, tx, rowTriggers)
		if err != nil {
			return err
		}
		if err := b.setAside(ctx); err != nil {
			return err
		}
		if err := setIndexMemory(ctx, tx, bulkIndexMemory); err != nil {
			return err
		}
		for batch, err := range readAhead(withIndexText(entries), importBatch) {
			if err != nil {
				return err
			}
			if err := b.write(ctx, batch); err != nil {
				return err
			}
		}
		if err := b.finish(ctx); err != nil {
			return err
		}
		if err := setIndexMemory(ctx, tx, defaultIndexMemory); err != nil {
			return err
		}
		added, skipped = b.added, b.skipped
		if err := restore(); err != nil {
			return err
		}
		if corrections != nil {
			if n.CorrectionsAdded, n.CorrectionsSkipped, err = importCorrections(ctx, tx, corrections()); err != nil {
				return err
			}
		}
		if added == 0 {
			return nil
		}
		return b.tally(ctx)
	})
	n.Added, n.Skipped = added, skipped
	return n, err
}

// The full-text index gathers the words it is given in memory, up to the
// size set here, and writes them out as a segment whenever that fills or a
// statement opens a savepoint (as an insert into a table with triggers or
// foreign keys does); segments are merged as they add up. At FTS5's
// default of 1 MB, writing and merging segments took a third of the time of
// indexing 100,000 entries in one statement (3.4 s of CPU in a profile); at
// 16 MB, 0.7 s. An import or a sync sets it for its transaction, and back
// to the default at the end.
const (
	bulkIndexMemory    = 16 << 20
	defaultIndexMemory = 1 << 20
)

// indexChunk is how many entries an import indexes at a time in its
// transaction (not beside), after their rows are written: one segment each
// (a chunk's words fit in bulkIndexMemory), a dozen for 100,000 entries. A
// variable so that a test can index a small import in several chunks.
var indexChunk = 8192

// indexedEntry is an entry with what the full-text index holds for it.
type indexedEntry struct {
	journal.Entry
	text indexText
}

// indexText is what entries_search_text (migration 0004) makes of an entry,
// made in Go from the entry read, so that an import does it on the
// goroutine that reads the document rather than by reading back what it
// wrote. TestImportMatchesSavingOneByOne holds the two to the same words.
type indexText struct{ title, lesson, answers, followup, labels string }

func textToIndex(e *journal.Entry) indexText {
	answers := make([]string, len(e.Answers))
	for i, a := range e.Answers {
		answers[i] = a.Text
	}
	var followup string
	if f := e.Followup; f != nil {
		followup = f.Commitment + "\n"
		if f.Outcome != nil {
			followup += *f.Outcome
		}
	}
	skills := make([]string, len(e.Skills))
	for i, sk := range e.Skills {
		skills[i] = string(sk)
	}
	return indexText{
		title:    wordform.Text(e.Title),
		lesson:   wordform.Text(e.Lesson),
		answers:  wordform.Text(strings.Join(answers, "\n")),
		followup: wordform.Text(followup),
		labels:   wordform.Text(strings.Join(e.Tags, " ") + " " + strings.Join(skills, " ")),
	}
}

// withIndexText yields entries with what the index holds for each, so that
// the goroutine reading the document makes that too.
func withIndexText(entries iter.Seq2[journal.Entry, error]) iter.Seq2[indexedEntry, error] {
	return func(yield func(indexedEntry, error) bool) {
		for e, err := range entries {
			if err != nil {
				yield(indexedEntry{}, err)
				return
			}
			if !yield(indexedEntry{e, textToIndex(&e)}, nil) {
				return
			}
		}
	}
}

// indexRow is an entry's row of the full-text index.
type indexRow struct {
	id int64
	indexText
}

func (r indexRow) size() int {
	return len(r.title) + len(r.lesson) + len(r.answers) + len(r.followup) + len(r.labels)
}

// insertIndexRow adds a row to the full-text index. A row at a time, each
// a statement that opens no savepoint, FTS5 gathers the words of the rows
// and writes them out as a segment when bulkIndexMemory fills or another
// statement opens a savepoint, as it did for one statement adding a chunk's
// rows from a JSON list; but nothing copies a chunk's words into one large
// list, which SQLite copied twice more to parse it: at 6 MB a chunk, a
// third of an import's page faults.
const insertIndexRow = `INSERT INTO entries_fts (rowid, title, lesson, answers, followup, labels) VALUES (?, ?, ?, ?, ?, ?)`

func insertIndexRows(ctx context.Context, stmt *sql.Stmt, rows []indexRow) error {
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, r.id, r.title, r.lesson, r.answers, r.followup, r.labels); err != nil {
			return err
		}
	}
	return nil
}

// index adds the entries written since it last ran to the full-text index:
// beside, or in the transaction, where the next statement that opens a
// savepoint (the next batch's rows) writes their words out as a segment.
func (b *bulk) index(ctx context.Context) error {
	if len(b.unindexed) == 0 {
		return nil
	}
	rows := b.unindexed
	b.unindexed = nil
	if b.side != nil {
		if b.side.add(rows) {
			return nil
		}
		// Too large to be held beside: every entry written so far is
		// indexed here from its rows, as saving one does, and the rest as
		// it comes.
		b.side.close()
		b.side = nil
		_, err := b.tx.ExecContext(ctx, `INSERT INTO entries_fts (rowid, title, lesson, answers, followup, labels)
			SELECT * FROM entries_search_text WHERE id >= ?`, b.first)
		return err
	}
	if b.indexRow == nil {
		var err error
		if b.indexRow, err = b.tx.PrepareContext(ctx, insertIndexRow); err != nil {
			return err
		}
	}
	return insertIndexRows(ctx, b.indexRow, rows)
}

func setIndexMemory(ctx context.Context, tx *sql.Tx, bytes int) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO entries_fts (entries_fts, rank) VALUES ('hashsize', ?)", bytes)
	return err
}

// rowTriggers keep the tallies, journal_meta and sync_pending up to date
// as each entry, skill and commitment is added. An import sets them aside
// and does their work once for all its rows (tally), which makes its writes
// about three times as quick; in the same transaction, so a failed import
// leaves them as they were along with everything else. A sync sets aside
// the counting ones (it sets aside sync_pending's for the whole merge).
var (
	countTriggers = []string{"entries_tally_insert", "skills_tally_insert", "followups_tally_insert",
		"entries_generation_insert"}
	rowTriggers = append(countTriggers[:len(countTriggers):len(countTriggers)], "sync_pending_insert")
)

// suspendTriggers drops the triggers named; restore creates them again as
// they were.
func suspendTriggers(ctx context.Context, tx *sql.Tx, names []string) (restore func() error, err error) {
	var defs []string
	for _, name := range names {
		var def string
		if err := tx.QueryRowContext(ctx, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", name).Scan(&def); err != nil {
			return nil, fmt.Errorf("trigger %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, "DROP TRIGGER "+name); err != nil {
			return nil, err
		}
		defs = append(defs, def)
	}
	return recreate(ctx, tx, defs), nil
}

// recreate runs defs, the statements that made what was set aside, again.
func recreate(ctx context.Context, tx *sql.Tx, defs []string) func() error {
	return func() error {
		for _, def := range defs {
			if _, err := tx.ExecContext(ctx, def); err != nil {
				return err
			}
		}
		return nil
	}
}

// entryTables are the tables an import writes, whose indexes
// setIndexesAside drops.
const entryTables = "'entries', 'answers', 'tags', 'skills', 'followups'"

// setAside readies the writing of entries into a journal that holds none
// yet (a first import, a restore, a new device's first sync): its indexes
// are set aside, and its full-text index is built beside the writing.
// Into a journal with entries it does nothing: rebuilding its indexes would
// cost more than the import saves.
func (b *bulk) setAside(ctx context.Context) error {
	var empty bool
	if err := b.tx.QueryRowContext(ctx, "SELECT NOT EXISTS (SELECT 1 FROM entries)").Scan(&empty); err != nil || !empty {
		return err
	}
	var err error
	if b.rebuild, err = setIndexesAside(ctx, b.tx); err != nil {
		return err
	}
	b.written = map[string]bool{}
	b.side, err = newSideIndex(ctx, b.tx)
	return err
}

// finish indexes the entries not indexed yet and puts back what setAside
// set aside.
func (b *bulk) finish(ctx context.Context) error {
	if err := b.index(ctx); err != nil {
		return err
	}
	// The indexes are made again while the index built beside takes in the
	// entries last sent to it, on the other core.
	if b.rebuild != nil {
		if err := b.rebuild(); err != nil {
			return err
		}
	}
	if b.side != nil {
		return b.side.finish(ctx, b.tx)
	}
	return nil
}

// setIndexesAside drops the indexes of the tables an import writes, other
// than their keys; rebuild creates them again, from rows in order, which
// costs less than keeping them as each row goes in (the newest-first index,
// for one, gains every row at its start, splitting page after page).
func setIndexesAside(ctx context.Context, tx *sql.Tx) (rebuild func() error, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_schema
		WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (`+entryTables+`) ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return nil, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX "`+name+`"`); err != nil {
			return nil, err
		}
	}
	return recreate(ctx, tx, defs), nil
}

// tallyKey is a row of tallies: what is counted, and the value, a string
// or an int64 as the triggers store it.
type tallyKey struct {
	kind string
	key  any
}

// count adds e to the tallies, as the tally triggers and followup_tallies
// (migration 0002) count an entry, its skills and its commitment: counted
// as the entries are written, the tallies cost an import a few hundred
// upserts at its end, where reading back every entry and commitment took
// half a second at 100,000 entries. TestImportMatchesSavingOneByOne holds
// the two to the same counts.
func (b *bulk) count(e *journal.Entry) {
	add := func(kind string, key any) { b.counts[tallyKey{kind, key}]++ }
	add("month", string(e.OccurredOn)[:min(7, len(e.OccurredOn))])
	if e.Confidence != nil {
		add("confidence", int64(*e.Confidence))
	}
	for _, sk := range e.Skills {
		add("skill", string(sk))
	}
	f := e.Followup
	if f == nil {
		return
	}
	tried := f.TriedAgain != nil && *f.TriedAgain
	switch {
	case f.DroppedAt != nil:
		add("state", "dropped")
	case f.CheckedInAt == nil:
		add("state", "open")
	case tried:
		add("state", "tried")
	default:
		add("state", "not-tried")
	}
	if f.ConfidenceAfter != nil {
		add("after", int64(*f.ConfidenceAfter))
		if e.Confidence != nil {
			add("change", int64(*f.ConfidenceAfter-*e.Confidence))
		}
	}
	if f.CheckedInAt != nil && tried {
		// Whole days from the day it happened to the day (UTC) of the
		// check-in, none if before.
		y, m, d := f.CheckedInAt.UTC().Date()
		if on, err := time.Parse(time.DateOnly, string(e.OccurredOn)); err == nil {
			add("days", max(int64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(on)/(24*time.Hour)), 0))
		}
	}
}

// tally does for the written entries what rowTriggers do for each.
func (b *bulk) tally(ctx context.Context) error {
	upsert, err := b.tx.PrepareContext(ctx, "INSERT INTO tallies (kind, key, n) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n")
	if err != nil {
		return err
	}
	defer upsert.Close()
	for k, n := range b.counts {
		if _, err := upsert.ExecContext(ctx, k.kind, k.key, n); err != nil {
			return err
		}
	}
	// In the order of uid, sync_pending's own, the rows go in one after
	// another rather than each at a random place (uids are random), which
	// made the trigger costly.
	if b.pending {
		if _, err := b.tx.ExecContext(ctx, "INSERT OR IGNORE INTO sync_pending (uid) SELECT uid FROM entries WHERE id >= ? ORDER BY uid",
			b.first); err != nil {
			return err
		}
	}
	_, err = b.tx.ExecContext(ctx, "UPDATE journal_meta SET generation = generation + ?, last_entry_id = max(last_entry_id, ?)",
		b.added, b.next-1)
	return err
}

// importBatch is how many entries an import writes at a time: each table's
// rows for them go in a few multi-row statements instead of one statement a
// row, which costs several times as much in statement overhead.
const importBatch = 128

// bulk writes an import's entries a batch at a time, giving them ids itself.
type bulk struct {
	tx      *sql.Tx
	exists  *sql.Stmt
	read    int // entries read from the document so far
	next    int64
	first   int64
	added   int
	skipped int
	// pending: tally notes the entries in sync_pending, as written here
	// (an import's are; a sync's came from elsewhere).
	pending bool

	entries, answers, tags, skills, followups *bulkTable
	// side builds the full-text index beside, and rebuild makes the
	// indexes setAside dropped, into an empty journal; written holds the
	// uids written so far, the only ones such a journal has, so that none
	// is looked up in it.
	side    *sideIndex
	rebuild func() error
	written map[string]bool
	// unindexed are the full-text index's rows of the entries written
	// since it was last written; indexRow adds one in the transaction.
	unindexed []indexRow
	indexRow  *sql.Stmt
	// counts are the tallies of the entries written.
	counts map[tallyKey]int
}

func newBulk(ctx context.Context, tx *sql.Tx) (*bulk, error) {
	b := &bulk{
		tx:      tx,
		pending: true,
		counts:  map[tallyKey]int{},
		entries: &bulkTable{into: `INTO entries (id, uid, created_at, updated_at, occurred_on, title, prompt_set,
			lesson, severity, confidence, follows_uid)`, width: 11},
		answers:   &bulkTable{into: "INTO answers (entry_id, position, key, question, text)", width: 5},
		tags:      &bulkTable{into: "INTO tags (entry_id, position, tag)", width: 3},
		skills:    &bulkTable{into: "INTO skills (entry_id, position, skill)", width: 3},
		followups: &bulkTable{into: "INTO followups (entry_id, commitment, due_on, checked_in_at, tried_again, outcome, confidence_after, dropped_at)", width: 8},
	}
	// An id is never given twice: see journal_meta, which the insert
	// trigger keeps up to date.
	if err := tx.QueryRowContext(ctx, "SELECT last_entry_id + 1 FROM journal_meta").Scan(&b.next); err != nil {
		return nil, err
	}
	var err error
	b.exists, err = tx.PrepareContext(ctx, "SELECT uid FROM entries WHERE uid IN (SELECT value FROM json_each(?))")
	return b, err
}

func (b *bulk) close() {
	if b.side != nil {
		b.side.close()
	}
	b.exists.Close()
	if b.indexRow != nil {
		b.indexRow.Close()
	}
	for _, t := range b.tables() {
		t.close()
	}
}

func (b *bulk) tables() []*bulkTable {
	return []*bulkTable{b.entries, b.answers, b.tags, b.skills, b.followups}
}

// write adds the entries of batch that are not in the journal yet, nor
// earlier in the batch, and indexes them: beside, at once; in the
// transaction, once indexChunk entries wait.
func (b *bulk) write(ctx context.Context, batch []indexedEntry) error {
	from := b.read + 1
	b.read += len(batch)
	taken, err := b.existing(ctx, batch)
	if err != nil {
		return err
	}
	for i := range batch {
		e := &batch[i].Entry
		if taken[e.UID] {
			b.skipped++
			continue
		}
		taken[e.UID] = true
		e.ID = b.next
		b.next++
		if b.first == 0 {
			b.first = e.ID
		}
		b.added++
		b.queue(e)
		b.count(e)
		b.unindexed = append(b.unindexed, indexRow{e.ID, batch[i].text})
	}
	// Parents first: the other tables refer to the entries.
	for _, t := range b.tables() {
		if err := t.flush(ctx, b.tx); err != nil {
			return fmt.Errorf("entries %d to %d: %w", from, b.read, err)
		}
	}
	if b.side != nil || len(b.unindexed) >= indexChunk {
		return b.index(ctx)
	}
	return nil
}

// existing is the set of the batch's uids already in the journal, to which
// write adds those it writes: into an empty journal, written itself.
func (b *bulk) existing(ctx context.Context, batch []indexedEntry) (map[string]bool, error) {
	if b.written != nil {
		return b.written, nil
	}
	uids := make([]string, len(batch))
	for i, e := range batch {
		uids[i] = e.UID
	}
	list, err := json.Marshal(uids)
	if err != nil {
		return nil, err
	}
	taken := make(map[string]bool, len(uids))
	err = each(ctx, b.exists, []any{list}, func(r *sql.Rows) error {
		var uid string
		err := r.Scan(&uid)
		taken[uid] = true
		return err
	})
	return taken, err
}

// queue adds e's rows to the tables' pending rows.
func (b *bulk) queue(e *journal.Entry) {
	b.entries.add(e.ID, e.UID, formatTime(e.CreatedAt), formatTime(e.UpdatedAt), string(e.OccurredOn), e.Title,
		e.PromptSet, e.Lesson, e.Severity, e.Confidence, nullString(e.FollowsUID))
	for i, a := range e.Answers {
		b.answers.add(e.ID, i, a.Key, a.Question, a.Text)
	}
	for i, t := range e.Tags {
		b.tags.add(e.ID, i, t)
	}
	for i, sk := range e.Skills {
		b.skills.add(e.ID, i, string(sk))
	}
	if f := e.Followup; f != nil {
		b.followups.add(e.ID, f.Commitment, nullString(string(f.DueOn)), nullTime(f.CheckedInAt), f.TriedAgain,
			f.Outcome, f.ConfidenceAfter, nullTime(f.DroppedAt))
	}
}

// bulkTable inserts rows into one table with multi-row INSERTs. Each
// statement writes a power of two rows, at most maxBulkRows, so a handful of
// statements, each prepared once, write any number of rows.
type bulkTable struct {
	into  string // "INTO" (or "OR IGNORE INTO"), the table and its columns
	width int    // values a row
	row   string // a row's values, if not "(?, ?, …)"
	args  []any  // the pending rows' values
	stmts map[int]*sql.Stmt
}

const maxBulkRows = 256

func (t *bulkTable) add(values ...any) { t.args = append(t.args, values...) }

func (t *bulkTable) flush(ctx context.Context, tx *sql.Tx) error {
	args := t.args
	for rows := len(args) / t.width; rows > 0; rows = len(args) / t.width {
		n := min(1<<(bits.Len(uint(rows))-1), maxBulkRows)
		stmt, err := t.stmt(ctx, tx, n)
		if err != nil {
			return err
		}
		if _, err := stmt.ExecContext(ctx, args[:n*t.width]...); err != nil {
			return err
		}
		args = args[n*t.width:]
	}
	clear(t.args) // let go of the entries' text
	t.args = t.args[:0]
	return nil
}

// stmt is the statement inserting n rows, prepared on first use.
func (t *bulkTable) stmt(ctx context.Context, tx *sql.Tx, n int) (*sql.Stmt, error) {
	if stmt := t.stmts[n]; stmt != nil {
		return stmt, nil
	}
	row := t.row
	if row == "" {
		row = "(" + strings.Repeat("?, ", t.width-1) + "?)"
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT "+t.into+" VALUES "+strings.Repeat(row+", ", n-1)+row)
	if err != nil {
		return nil, err
	}
	if t.stmts == nil {
		t.stmts = map[int]*sql.Stmt{}
	}
	t.stmts[n] = stmt
	return stmt, nil
}

func (t *bulkTable) close() {
	for _, stmt := range t.stmts {
		stmt.Close()
	}
}

// readAhead yields entries in batches of n, reading each batch on another
// goroutine while the caller writes the one before: reading a document
// (decoding, validating) costs about a third of what writing it does.
func readAhead[T any](entries iter.Seq2[T, error], n int) iter.Seq2[[]T, error] {
	type batch struct {
		entries []T
		err     error
	}
	return func(yield func([]T, error) bool) {
		batches, done := make(chan batch, 1), make(chan struct{})
		go func() {
			defer close(batches)
			send := func(b batch) bool {
				select {
				case batches <- b:
					return b.err == nil
				case <-done:
					return false
				}
			}
			pending := make([]T, 0, n)
			for e, err := range entries {
				if err != nil {
					send(batch{err: err})
					return
				}
				if pending = append(pending, e); len(pending) == n {
					if !send(batch{entries: pending}) {
						return
					}
					pending = make([]T, 0, n)
				}
			}
			if len(pending) > 0 {
				send(batch{entries: pending})
			}
		}()
		// Until the reader has stopped: what it read is the caller's again.
		defer func() {
			close(done)
			for range batches {
			}
		}()
		for b := range batches {
			if !yield(b.entries, b.err) || b.err != nil {
				return
			}
		}
	}
}
