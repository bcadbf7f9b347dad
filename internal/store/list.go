package store

import (
	"context"
	"iter"
	"math"
	"strings"

	"github.com/failup/failup/internal/journal"
)

// Filter narrows a listing. Zero fields do not filter.
type Filter struct {
	Since, Until journal.Date
	Tags         []string // every tag must be present (case-insensitively)
	Skill        journal.Skill
	// Text keeps entries whose title or a tag contains it, case-insensitively.
	Text   string
	Limit  int
	Offset int
}

// where is the WHERE clause keeping the entries f keeps. drive, when not "",
// is one of f.Tags whose entries are looked up through the tag's index (see
// drivingTag); the other tags are checked entry by entry.
// Narrows reports whether f keeps only some entries (Limit and Offset aside).
func (f Filter) Narrows() bool {
	return f.Since != "" || f.Until != "" || len(f.Tags) > 0 || f.Skill != "" || f.Text != ""
}

func (f Filter) where(drive string) (string, []any) {
	var conds []string
	var args []any
	if f.Since != "" {
		conds = append(conds, "e.occurred_on >= ?")
		args = append(args, string(f.Since))
	}
	if f.Until != "" {
		conds = append(conds, "e.occurred_on <= ?")
		args = append(args, string(f.Until))
	}
	if drive != "" {
		conds = append(conds, "e.id IN (SELECT entry_id FROM tags WHERE tag = ?)")
		args = append(args, drive)
	}
	for _, t := range f.Tags {
		if t != drive {
			conds = append(conds, "EXISTS (SELECT 1 FROM tags t WHERE t.entry_id = e.id AND t.tag = ?)")
			args = append(args, t)
		}
	}
	if f.Skill != "" {
		conds = append(conds, "EXISTS (SELECT 1 FROM skills s WHERE s.entry_id = e.id AND s.skill = ?)")
		args = append(args, string(f.Skill))
	}
	if f.Text != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(f.Text) + "%"
		// The matching tags are found first, visiting each distinct tag once
		// through the index instead of every entry's tags.
		conds = append(conds, `(e.title LIKE ? ESCAPE '\' OR e.id IN (SELECT entry_id FROM tags WHERE tag IN (
			WITH RECURSIVE names (tag) AS (
				SELECT min(tag) FROM tags
				UNION ALL SELECT (SELECT min(tag) FROM tags WHERE tag > names.tag) FROM names WHERE names.tag IS NOT NULL)
			SELECT tag FROM names WHERE tag LIKE ? ESCAPE '\')))`)
		args = append(args, like, like)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

// Entries yields the entries matching f, newest first (by occurred_on, then
// created_at), loading them a page at a time: any number of them pass
// through in little memory.
func (s *Store) Entries(ctx context.Context, f Filter) iter.Seq2[journal.Entry, error] {
	return s.filtered(ctx, f, whole)
}

// Writings is Entries with only what was written in each and when: its id,
// uid, day, title and lesson, its answers' keys and texts (not the questions
// they were written to), its tags and skills, and its follow-up's
// commitment. It is what reading the entries for their patterns and lessons
// needs, with less to read and to hold.
func (s *Store) Writings(ctx context.Context, f Filter) iter.Seq2[journal.Entry, error] {
	return s.filtered(ctx, f, writing)
}

// Headlines is Entries without each entry's answers and follow-up: what a
// listing shows, in a fraction of the time.
func (s *Store) Headlines(ctx context.Context, f Filter) iter.Seq2[journal.Entry, error] {
	return s.filtered(ctx, f, headline)
}

func (s *Store) filtered(ctx context.Context, f Filter, sh shape) iter.Seq2[journal.Entry, error] {
	return func(yield func(journal.Entry, error) bool) {
		drive, err := s.drivingTag(ctx, f)
		if err != nil {
			yield(journal.Entry{}, err)
			return
		}
		where, args := f.where(drive)
		tail := ""
		if f.Limit > 0 || f.Offset > 0 {
			limit := f.Limit
			if limit <= 0 {
				limit = -1
			}
			tail = "LIMIT ? OFFSET ?"
			args = append(args, limit, f.Offset)
		}
		s.entries(ctx, where, args, tail, sh)(yield)
	}
}

// List returns the entries matching f, newest first (by occurred_on, then
// created_at).
func (s *Store) List(ctx context.Context, f Filter) ([]journal.Entry, error) {
	var out []journal.Entry
	for e, err := range s.Entries(ctx, f) {
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// Count is how many entries match f, ignoring its Limit and Offset.
func (s *Store) Count(ctx context.Context, f Filter) (int, error) {
	f.Limit, f.Offset = 0, 0
	drive, err := s.drivingTag(ctx, f)
	if err != nil {
		return 0, err
	}
	where, args := f.where(drive)
	var n int
	err = s.db.QueryRowContext(ctx, "SELECT count(*) FROM entries e "+where, args...).Scan(&n)
	return n, err
}

// IDs are the ids of the entries f keeps, ignoring its Limit and Offset, in
// no particular order.
func (s *Store) IDs(ctx context.Context, f Filter) ([]int64, error) {
	f.Limit, f.Offset = 0, 0
	drive, err := s.drivingTag(ctx, f)
	if err != nil {
		return nil, err
	}
	where, args := f.where(drive)
	rows, err := s.db.QueryContext(ctx, "SELECT e.id FROM entries e "+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Extent is how many entries a filter keeps, and the earliest and latest day
// they happened on ("" when it keeps none).
type Extent struct {
	Count       int
	First, Last journal.Date
}

// Extent is the extent of the entries f keeps, ignoring its Limit and Offset.
func (s *Store) Extent(ctx context.Context, f Filter) (Extent, error) {
	f.Limit, f.Offset = 0, 0
	drive, err := s.drivingTag(ctx, f)
	if err != nil {
		return Extent{}, err
	}
	where, args := f.where(drive)
	var x Extent
	err = s.db.QueryRowContext(ctx, "SELECT count(*), coalesce(min(e.occurred_on), ''), coalesce(max(e.occurred_on), '') FROM entries e "+where,
		args...).Scan(&x.Count, &x.First, &x.Last)
	return x, err
}

// drivingTag chooses how the entries carrying f.Tags are found. Walking the
// entries newest first and checking each stops once enough are found, but
// for a rare tag it checks nearly every entry; looking a tag's entries up and
// sorting them costs in proportion to how many carry it. The rarest tag
// drives when every match is wanted, or when it is rare enough that the
// lookup costs less than the walk.
func (s *Store) drivingTag(ctx context.Context, f Filter) (string, error) {
	if len(f.Tags) == 0 {
		return "", nil
	}
	bound := int64(-1) // no bound: every match is wanted
	if f.Limit > 0 {
		var entries int64
		if err := s.db.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM entries").Scan(&entries); err != nil {
			return "", err
		}
		// The walk checks about wanted*entries/carriers entries; an entry
		// looked up costs about as much as ten checked (measured on 100k).
		wanted := int64(f.Limit + f.Offset)
		bound = int64(math.Sqrt(float64(wanted*entries) / 10))
	}
	drive, fewest := "", int64(-1)
	for _, t := range f.Tags {
		var n int64
		err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM tags WHERE tag = ? LIMIT ?)", t, bound).Scan(&n)
		if err != nil {
			return "", err
		}
		if (bound < 0 || n < bound) && (fewest < 0 || n < fewest) {
			drive, fewest = t, n
		}
	}
	return drive, nil
}

// TagCount is a tag and how many entries carry it.
type TagCount struct {
	Tag   string `json:"tag"`
	Count int    `json:"count"`
}

// Tags lists every tag in use, most used first, for completion.
func (s *Store) Tags(ctx context.Context) ([]TagCount, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT tag, count(*) AS n FROM tags GROUP BY tag ORDER BY n DESC, tag")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TagCount
	for rows.Next() {
		var tc TagCount
		if err := rows.Scan(&tc.Tag, &tc.Count); err != nil {
			return nil, err
		}
		out = append(out, tc)
	}
	return out, rows.Err()
}
