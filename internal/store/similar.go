package store

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/failup/failup/internal/journal"
)

// likeWords is how many of an entry's words Like looks for.
const likeWords = 16

// Like finds up to limit entries that share the most telling words of e
// (the longest, as a stand-in for the rarest) through the search index, best
// match first, leaving e itself out. They are candidates for a closer
// comparison; reading them costs the same in a journal of any size.
func (s *Store) Like(ctx context.Context, e journal.Entry, limit int) ([]journal.Entry, error) {
	match := anyOf(entryWords(e))
	if match == "" || limit <= 0 {
		return nil, nil
	}
	from, err := s.rankFrom(ctx, match, "", nil, limit)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM entries_fts
		WHERE entries_fts MATCH ? AND rowid >= ? AND rowid != ? AND rank MATCH 'bm25(5.0, 1.0, 3.0)'
		ORDER BY rank LIMIT ?`, match, from, e.ID, limit+1)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]journal.Entry, 0, len(ids))
	for _, id := range ids {
		got, err := s.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if got.UID != e.UID && len(out) < limit {
			out = append(out, got)
		}
	}
	return out, nil
}

// entryWords are the longest distinct words of e's title, answers and lesson.
func entryWords(e journal.Entry) []string {
	texts := []string{e.Title, e.Lesson}
	for _, a := range e.Answers {
		texts = append(texts, a.Text)
	}
	seen := map[string]bool{}
	var words []string
	for _, t := range texts {
		for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len([]rune(w)) >= 4 && !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	slices.SortStableFunc(words, func(a, b string) int { return len(b) - len(a) })
	return words[:min(len(words), likeWords)]
}

// anyOf is an FTS5 query matching any of words.
func anyOf(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return strings.Join(quoted, " OR ")
}
