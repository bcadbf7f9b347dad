package store

import (
	"context"
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

func (f Filter) where() (string, []any) {
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
	for _, t := range f.Tags {
		conds = append(conds, "EXISTS (SELECT 1 FROM tags t WHERE t.entry_id = e.id AND t.tag = ?)")
		args = append(args, t)
	}
	if f.Skill != "" {
		conds = append(conds, "EXISTS (SELECT 1 FROM skills s WHERE s.entry_id = e.id AND s.skill = ?)")
		args = append(args, string(f.Skill))
	}
	if f.Text != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(f.Text) + "%"
		conds = append(conds, `(e.title LIKE ? ESCAPE '\' OR EXISTS (SELECT 1 FROM tags t WHERE t.entry_id = e.id AND t.tag LIKE ? ESCAPE '\'))`)
		args = append(args, like, like)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(conds, " AND "), args
}

// List returns the entries matching f, newest first (by occurred_on, then
// created_at).
func (s *Store) List(ctx context.Context, f Filter) ([]journal.Entry, error) {
	where, args := f.where()
	tail := ""
	if f.Limit > 0 || f.Offset > 0 {
		limit := f.Limit
		if limit <= 0 {
			limit = -1
		}
		tail = "LIMIT ? OFFSET ?"
		args = append(args, limit, f.Offset)
	}
	return s.query(ctx, where, args, tail)
}

// Count is how many entries match f, ignoring its Limit and Offset.
func (s *Store) Count(ctx context.Context, f Filter) (int, error) {
	where, args := f.where()
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM entries e "+where, args...).Scan(&n)
	return n, err
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

// Hit is one search result.
type Hit struct {
	ID         int64        `json:"id"`
	UID        string       `json:"uid"`
	OccurredOn journal.Date `json:"occurred_on"`
	Title      string       `json:"title"`
	Snippet    string       `json:"snippet"`
}

// Snippet markers: the search terms inside Hit.Snippet are wrapped in these
// private-use characters, which survive termtext cleaning and are replaced
// before anything is shown.
const (
	MatchStart = "\ue000"
	MatchEnd   = "\ue001"
)

// Search finds entries whose title, answers or lesson match query, best match
// first. The query is plain words and "quoted phrases"; FTS5 syntax in it is
// taken literally.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.uid, e.occurred_on, e.title,
		snippet(entries_fts, -1, ?, ?, '…', 12)
		FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
		WHERE entries_fts MATCH ?
		ORDER BY bm25(entries_fts, 5.0, 1.0, 3.0), e.occurred_on DESC
		LIMIT ?`, MatchStart, MatchEnd, match, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		var occurred string
		if err := rows.Scan(&h.ID, &h.UID, &occurred, &h.Title, &h.Snippet); err != nil {
			return nil, err
		}
		h.OccurredOn = journal.Date(occurred)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// ftsQuery turns what a person typed into an FTS5 query: each word and each
// "quoted phrase" becomes a quoted string, so no character is FTS5 syntax.
// All terms must match.
func ftsQuery(input string) string {
	var terms []string
	for len(input) > 0 {
		input = strings.TrimLeft(input, " \t\r\n")
		if input == "" {
			break
		}
		var term string
		if input[0] == '"' {
			end := strings.IndexByte(input[1:], '"')
			if end < 0 {
				term, input = input[1:], ""
			} else {
				term, input = input[1:end+1], input[end+2:]
			}
		} else {
			end := strings.IndexAny(input, " \t\r\n\"")
			if end < 0 {
				end = len(input)
			}
			term, input = input[:end], input[end:]
		}
		if strings.IndexFunc(term, isWordRune) >= 0 {
			terms = append(terms, `"`+strings.ReplaceAll(term, `"`, `""`)+`"`)
		}
	}
	return strings.Join(terms, " ")
}

func isWordRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127
}
