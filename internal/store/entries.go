package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"iter"
	"slices"
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
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return withWriter(ctx, tx, func(w *writer) error { return w.create(ctx, e) })
	})
}

// Update replaces the stored entry with e.ID, keeping its uid and created_at,
// and sets e.UpdatedAt to now.
func (s *Store) Update(ctx context.Context, e *journal.Entry, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return withWriter(ctx, tx, func(w *writer) error { return w.update(ctx, e, now) })
	})
}

// SaveReflection creates e (when e.ID is 0) or updates it, and removes the
// draft it was written in, in one transaction: a saved reflection is never
// offered back as a draft, and a draft is never dropped unsaved.
func (s *Store) SaveReflection(ctx context.Context, e *journal.Entry, draftKey string, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		err := withWriter(ctx, tx, func(w *writer) error {
			if e.ID == 0 {
				return w.create(ctx, e)
			}
			return w.update(ctx, e, now)
		})
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM drafts WHERE key = ?", draftKey)
		return err
	})
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

// writer writes entries in a transaction, each statement prepared once for
// however many entries it writes.
type writer struct {
	tx                                  *sql.Tx
	entry, answer, tag, skill, followup *sql.Stmt
}

func withWriter(ctx context.Context, tx *sql.Tx, fn func(*writer) error) error {
	w := &writer{tx: tx}
	defer w.close()
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		// An id is never given twice: see journal_meta.
		{&w.entry, `INSERT INTO entries (id, uid, created_at, updated_at, occurred_on, title, prompt_set, lesson,
			severity, confidence, follows_uid) VALUES ((SELECT last_entry_id + 1 FROM journal_meta), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&w.answer, "INSERT INTO answers (entry_id, position, key, question, text) VALUES (?, ?, ?, ?, ?)"},
		{&w.tag, "INSERT INTO tags (entry_id, position, tag) VALUES (?, ?, ?)"},
		{&w.skill, "INSERT INTO skills (entry_id, position, skill) VALUES (?, ?, ?)"},
		{&w.followup, `INSERT INTO followups (entry_id, commitment, due_on, checked_in_at, tried_again, outcome,
			confidence_after, dropped_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`},
	} {
		stmt, err := tx.PrepareContext(ctx, p.query)
		if err != nil {
			return err
		}
		*p.stmt = stmt
	}
	return fn(w)
}

func (w *writer) close() {
	for _, stmt := range []*sql.Stmt{w.entry, w.answer, w.tag, w.skill, w.followup} {
		if stmt != nil {
			stmt.Close()
		}
	}
}

// create adds e as a new entry, in the full-text index too, and sets its ID.
func (w *writer) create(ctx context.Context, e *journal.Entry) error {
	if err := w.insert(ctx, e); err != nil {
		return err
	}
	return w.index(ctx, e.ID, e.ID)
}

// insert adds e as a new entry and sets its ID, leaving it out of the
// full-text index: see index.
func (w *writer) insert(ctx context.Context, e *journal.Entry) error {
	res, err := w.entry.ExecContext(ctx, e.UID, formatTime(e.CreatedAt), formatTime(e.UpdatedAt),
		string(e.OccurredOn), e.Title, e.PromptSet, e.Lesson, e.Severity, e.Confidence, nullString(e.FollowsUID))
	if err != nil {
		return err
	}
	if e.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return w.children(ctx, e)
}

func (w *writer) update(ctx context.Context, e *journal.Entry, now time.Time) error {
	var uid, created string
	err := w.tx.QueryRowContext(ctx, "SELECT uid, created_at FROM entries WHERE id = ?", e.ID).Scan(&uid, &created)
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
	if _, err := w.tx.ExecContext(ctx, `UPDATE entries SET updated_at = ?, occurred_on = ?, title = ?,
		prompt_set = ?, lesson = ?, severity = ?, confidence = ?, follows_uid = ? WHERE id = ?`,
		formatTime(e.UpdatedAt), string(e.OccurredOn), e.Title, e.PromptSet, e.Lesson,
		e.Severity, e.Confidence, nullString(e.FollowsUID), e.ID); err != nil {
		return err
	}
	for _, table := range []string{"answers", "tags", "skills", "followups"} {
		if _, err := w.tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE entry_id = ?", e.ID); err != nil {
			return err
		}
	}
	if _, err := w.tx.ExecContext(ctx, "DELETE FROM entries_fts WHERE rowid = ?", e.ID); err != nil {
		return err
	}
	if err := w.children(ctx, e); err != nil {
		return err
	}
	return w.index(ctx, e.ID, e.ID)
}

// children writes what belongs to the entry e.ID.
func (w *writer) children(ctx context.Context, e *journal.Entry) error {
	for i, a := range e.Answers {
		if _, err := w.answer.ExecContext(ctx, e.ID, i, a.Key, a.Question, a.Text); err != nil {
			return err
		}
	}
	for i, t := range e.Tags {
		if _, err := w.tag.ExecContext(ctx, e.ID, i, t); err != nil {
			return err
		}
	}
	for i, sk := range e.Skills {
		if _, err := w.skill.ExecContext(ctx, e.ID, i, string(sk)); err != nil {
			return err
		}
	}
	if f := e.Followup; f != nil {
		_, err := w.followup.ExecContext(ctx, e.ID, f.Commitment, nullString(string(f.DueOn)),
			nullTime(f.CheckedInAt), f.TriedAgain, f.Outcome, f.ConfidenceAfter, nullTime(f.DroppedAt))
		return err
	}
	return nil
}

// index adds the entries with ids from first to last to the full-text index
// (see entries_search_text). One statement for a whole import
// lets the index write its words in large batches: FTS5 writes out what it
// has gathered whenever another statement opens a savepoint, as every
// insert into a table with triggers does.
func (w *writer) index(ctx context.Context, first, last int64) error {
	_, err := w.tx.ExecContext(ctx, `INSERT INTO entries_fts (rowid, title, lesson, answers, followup, labels)
		SELECT * FROM entries_search_text WHERE id BETWEEN ? AND ?`, first, last)
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
	for e, err := range s.entries(ctx, "WHERE e.id = ?", []any{id}, "", whole) {
		return e, err
	}
	return journal.Entry{}, ErrNotFound
}

// ByID returns the entries with the given ids, in the order of ids, leaving
// out ids that name no entry: a page of a list of ids kept elsewhere, read in
// a few queries instead of one entry at a time.
func (s *Store) ByID(ctx context.Context, ids []int64) ([]journal.Entry, error) {
	found := make(map[int64]journal.Entry, len(ids))
	const chunk = 500 // well under SQLite's limit on a statement's parameters
	for start := 0; start < len(ids); start += chunk {
		part := ids[start:min(start+chunk, len(ids))]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		where := "WHERE e.id IN (?" + strings.Repeat(", ?", len(part)-1) + ")"
		for e, err := range s.entries(ctx, where, args, "", whole) {
			if err != nil {
				return nil, err
			}
			found[e.ID] = e
		}
	}
	out := make([]journal.Entry, 0, len(ids))
	for _, id := range ids {
		if e, ok := found[id]; ok {
			out = append(out, e)
		}
	}
	return out, nil
}

const entryColumns = `e.id, e.uid, e.created_at, e.updated_at, e.occurred_on, e.title, e.prompt_set,
	e.lesson, e.severity, e.confidence, coalesce(e.follows_uid, '')`

// pageSize is how many entries are loaded at a time: enough that loading
// their answers, tags, skills and follow-ups costs few queries, few enough
// that any number of entries can pass through in little memory.
const pageSize = 256

// entries yields the entries matching where (with args), newest first, with
// tail (LIMIT, OFFSET) appended, and the children given. One connection
// reads them, so they come from one snapshot of the journal, a page at a
// time with the page's children. The next page is read while the caller
// works through the one before: the two take about as long for an export.
func (s *Store) entries(ctx context.Context, where string, args []any, tail string, sh shape) iter.Seq2[journal.Entry, error] {
	return func(yield func(journal.Entry, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		pages, spent := make(chan loadedPage, 1), make(chan []journal.Entry, 2)
		go s.loadPages(ctx, where, args, tail, sh, pages, spent)
		defer func() {
			cancel()
			for range pages { // until the loader has let go of its connection
			}
		}()
		for p := range pages {
			if p.err != nil {
				yield(journal.Entry{}, p.err)
				return
			}
			for _, e := range p.entries {
				if !yield(e, nil) {
					return
				}
			}
			// Each entry was yielded as a copy: the page can take others.
			select {
			case spent <- p.entries[:0]:
			default:
			}
		}
	}
}

type loadedPage struct {
	entries []journal.Entry
	err     error
}

// loadPages sends the entries a page at a time, then closes pages. It stops
// at the first error, which it sends, or when ctx is done. It reads into the
// pages spent gives back, if any, rather than new ones.
func (s *Store) loadPages(ctx context.Context, where string, args []any, tail string, sh shape, pages chan<- loadedPage, spent <-chan []journal.Entry) {
	defer close(pages)
	send := func(p loadedPage) bool {
		select {
		case pages <- p:
			return p.err == nil
		case <-ctx.Done():
			return false
		}
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		send(loadedPage{err: err})
		return
	}
	defer conn.Close()
	stmts, err := prepareChildren(ctx, conn, sh.children)
	if err != nil {
		send(loadedPage{err: err})
		return
	}
	defer stmts.close()
	rows, err := conn.QueryContext(ctx, "SELECT "+sh.columns+" FROM entries e "+where+
		" ORDER BY e.occurred_on DESC, e.created_at DESC, e.id DESC "+tail, args...)
	if err != nil {
		send(loadedPage{err: err})
		return
	}
	defer rows.Close()
	for {
		var page []journal.Entry
		select {
		case page = <-spent:
		default:
			page = make([]journal.Entry, 0, pageSize)
		}
		for len(page) < pageSize && rows.Next() {
			e, err := sh.scan(rows)
			if err != nil {
				send(loadedPage{err: err})
				return
			}
			page = append(page, e)
		}
		if err := rows.Err(); err != nil {
			send(loadedPage{err: err})
			return
		}
		if len(page) == 0 {
			return
		}
		if err := loadChildren(ctx, page, stmts); err != nil {
			send(loadedPage{err: err})
			return
		}
		if !send(loadedPage{entries: page}) {
			return
		}
	}
}

func scanEntry(rows *sql.Rows) (journal.Entry, error) {
	var e journal.Entry
	var created, updated, occurred string
	err := rows.Scan(&e.ID, &e.UID, &created, &updated, &occurred, &e.Title, &e.PromptSet,
		&e.Lesson, &e.Severity, &e.Confidence, &e.FollowsUID)
	if err != nil {
		return e, err
	}
	if e.CreatedAt, err = parseTime(created); err != nil {
		return e, err
	}
	if e.UpdatedAt, err = parseTime(updated); err != nil {
		return e, err
	}
	e.OccurredOn = journal.Date(occurred)
	e.Answers, e.Tags, e.Skills = []journal.Answer{}, []string{}, []journal.Skill{}
	return e, nil
}

// A shape is what is read of each entry: its columns, which scan reads, and
// the tables of what belongs to it.
type shape struct {
	columns  string
	scan     func(*sql.Rows) (journal.Entry, error)
	children []child
}

var (
	whole    = shape{entryColumns, scanEntry, allChildren}
	headline = shape{entryColumns, scanEntry, []child{tagRows, skillRows}}
	// writing is what was written in an entry, and when: its title,
	// lesson, answers (not their questions), tags, skills and commitment.
	writing = shape{"e.id, e.uid, e.occurred_on, e.title, e.lesson", scanWriting,
		[]child{answerTexts, tagRows, skillRows, commitmentRows}}
)

// scanWriting reads the columns of writing.
func scanWriting(rows *sql.Rows) (journal.Entry, error) {
	var e journal.Entry
	var occurred string
	err := rows.Scan(&e.ID, &e.UID, &occurred, &e.Title, &e.Lesson)
	e.OccurredOn = journal.Date(occurred)
	e.Answers, e.Tags, e.Skills = []journal.Answer{}, []string{}, []journal.Skill{}
	return e, err
}

// child is a table of what belongs to entries: query selects its rows,
// entry_id first, before a WHERE clause naming the entries and order; add
// puts a row of it into its entry, if the entry is in the page.
type child struct {
	query, order string
	add          func(r *sql.Rows, p *pageLoad) error
}

// pageLoad is a page of entries being filled from their child tables, by
// id. The answers are kept aside as they are read, each entry's together,
// and then shared out from one allocation rather than grown entry by entry.
type pageLoad struct {
	byID    map[int64]*journal.Entry
	answers []journal.Answer
	owners  []*journal.Entry
}

// addAnswer puts a aside for entry id, if it is in the page.
func (p *pageLoad) addAnswer(id int64, a journal.Answer) {
	if e := p.byID[id]; e != nil {
		p.answers = append(p.answers, a)
		p.owners = append(p.owners, e)
	}
}

// shareAnswers gives each entry the answers put aside for it.
func (p *pageLoad) shareAnswers() {
	all := slices.Clone(p.answers)
	for lo := 0; lo < len(all); {
		e, hi := p.owners[lo], lo+1
		for hi < len(all) && p.owners[hi] == e {
			hi++
		}
		e.Answers = all[lo:hi:hi]
		lo = hi
	}
	clear(p.answers)
	clear(p.owners)
	p.answers, p.owners = p.answers[:0], p.owners[:0]
}

var (
	answerRows = child{"SELECT entry_id, key, question, text FROM answers", " ORDER BY entry_id, position",
		func(r *sql.Rows, p *pageLoad) error {
			var id int64
			var a journal.Answer
			if err := r.Scan(&id, &a.Key, &a.Question, &a.Text); err != nil {
				return err
			}
			p.addAnswer(id, a)
			return nil
		}}
	// answerTexts is answerRows without the questions: a fifth of what the
	// answers hold, and the same few questions over and over.
	answerTexts = child{"SELECT entry_id, key, text FROM answers", " ORDER BY entry_id, position",
		func(r *sql.Rows, p *pageLoad) error {
			var id int64
			var a journal.Answer
			if err := r.Scan(&id, &a.Key, &a.Text); err != nil {
				return err
			}
			p.addAnswer(id, a)
			return nil
		}}
	tagRows      = listRows("tags", "tag", func(e *journal.Entry) *[]string { return &e.Tags })
	skillRows    = listRows("skills", "skill", func(e *journal.Entry) *[]journal.Skill { return &e.Skills })
	followupRows = child{`SELECT entry_id, commitment, coalesce(due_on, ''), checked_in_at, tried_again, outcome,
		confidence_after, dropped_at FROM followups`, "",
		func(r *sql.Rows, p *pageLoad) error {
			var id int64
			var f journal.Followup
			var due string
			var checked, dropped sql.NullString
			if err := r.Scan(&id, &f.Commitment, &due, &checked, &f.TriedAgain, &f.Outcome, &f.ConfidenceAfter, &dropped); err != nil {
				return err
			}
			e := p.byID[id]
			if e == nil {
				return nil
			}
			f.DueOn = journal.Date(due)
			var err error
			if f.CheckedInAt, err = optionalTime(checked); err != nil {
				return err
			}
			if f.DroppedAt, err = optionalTime(dropped); err != nil {
				return err
			}
			e.Followup = &f
			return nil
		}}

	// commitmentRows is followupRows without how the commitment went.
	commitmentRows = child{"SELECT entry_id, commitment FROM followups", "",
		func(r *sql.Rows, p *pageLoad) error {
			var id int64
			var f journal.Followup
			if err := r.Scan(&id, &f.Commitment); err != nil {
				return err
			}
			if e := p.byID[id]; e != nil {
				e.Followup = &f
			}
			return nil
		}}

	allChildren = []child{answerRows, tagRows, skillRows, followupRows}
)

// listRows is a child table that lists names in order, as tags does.
func listRows[T ~string](table, column string, list func(*journal.Entry) *[]T) child {
	return child{"SELECT entry_id, " + column + " FROM " + table, " ORDER BY entry_id, position",
		func(r *sql.Rows, p *pageLoad) error {
			var id int64
			var name string
			if err := r.Scan(&id, &name); err != nil {
				return err
			}
			if e := p.byID[id]; e != nil {
				l := list(e)
				*l = append(*l, T(name))
			}
			return nil
		}}
}

// childStmts are the statements reading each child table for a page of
// entries: listed takes a JSON list of the entries' ids, spanned the least
// and the greatest of them.
type childStmts struct {
	children        []child
	listed, spanned []*sql.Stmt
	// page is the page being loaded, kept from one to the next for the
	// room it has made.
	page pageLoad
}

// preparer is a connection or a transaction.
type preparer interface {
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}

func prepareChildren(ctx context.Context, db preparer, children []child) (*childStmts, error) {
	cs := &childStmts{children: children}
	for _, c := range children {
		listed, err := db.PrepareContext(ctx, c.query+" WHERE entry_id IN (SELECT value FROM json_each(?))"+c.order)
		if err != nil {
			cs.close()
			return nil, err
		}
		cs.listed = append(cs.listed, listed)
		spanned, err := db.PrepareContext(ctx, c.query+" WHERE entry_id BETWEEN ? AND ?"+c.order)
		if err != nil {
			cs.close()
			return nil, err
		}
		cs.spanned = append(cs.spanned, spanned)
	}
	return cs, nil
}

func (cs *childStmts) close() {
	for _, stmt := range append(cs.listed, cs.spanned...) {
		stmt.Close()
	}
}

// loadChildren fills a page of entries from each child table. A page whose
// ids are close together, as a journal's entries mostly are when read in
// order of their days, is read as one span of ids, skipping the few rows of
// other entries in it; any other page, by the list of its ids.
func loadChildren(ctx context.Context, page []journal.Entry, cs *childStmts) error {
	p := &cs.page
	if p.byID == nil {
		p.byID = make(map[int64]*journal.Entry, len(page))
	}
	clear(p.byID)
	ids := make([]int64, len(page))
	for i := range page {
		p.byID[page[i].ID] = &page[i]
		ids[i] = page[i].ID
	}
	least, greatest := slices.Min(ids), slices.Max(ids)
	stmts, args := cs.spanned, []any{least, greatest}
	if greatest-least >= 2*int64(len(ids)) {
		idList, err := json.Marshal(ids)
		if err != nil {
			return err
		}
		stmts, args = cs.listed, []any{idList}
	}
	for i, c := range cs.children {
		if err := each(ctx, stmts[i], args, func(r *sql.Rows) error { return c.add(r, p) }); err != nil {
			return err
		}
	}
	p.shareAnswers()
	return nil
}

func optionalTime(s sql.NullString) (*time.Time, error) {
	if !s.Valid {
		return nil, nil
	}
	t, err := parseTime(s.String)
	return &t, err
}

func each(ctx context.Context, stmt *sql.Stmt, args []any, fn func(*sql.Rows) error) error {
	rows, err := stmt.QueryContext(ctx, args...)
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
