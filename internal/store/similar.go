package store

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/wordform"
)

// likeWords is how many of an entry's words Like looks for; commonAt is how
// many entries make a word common.
const (
	likeWords = 16
	commonAt  = 500
)

// Like finds up to limit entries that share the most telling words of e
// (those in the fewest other entries) through the search index, in any of
// their forms: "slept" in one entry and "sleeping" in another are shared.
// Best match first, leaving e itself out. They are candidates for a closer
// comparison; reading them costs the same in a journal of any size.
func (s *Store) Like(ctx context.Context, e journal.Entry, limit int) ([]journal.Entry, error) {
	if limit <= 0 {
		return nil, nil
	}
	telling, err := s.tellingForms(ctx, e)
	if err != nil || len(telling) == 0 {
		return nil, err
	}
	match := anyOf(telling)
	from, err := s.rankFrom(ctx, match, "", nil, limit)
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT rowid FROM entries_fts
		WHERE entries_fts MATCH ? AND rowid >= ? AND rowid != ? AND rank MATCH 'bm25(`+rankWeights+`)'
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

// tellingForms are the forms of e's words that the fewest other entries
// have: the words that say what this entry is about, not how it is said.
// Forms no other entry has are left out, as they find nothing.
func (s *Store) tellingForms(ctx context.Context, e journal.Entry) ([]string, error) {
	texts := []string{e.Title, e.Lesson}
	for _, a := range e.Answers {
		texts = append(texts, a.Text)
	}
	if e.Followup != nil {
		texts = append(texts, e.Followup.Commitment)
	}
	texts = append(texts, e.Tags...)
	seen := map[string]bool{}
	var forms []string
	for _, t := range texts {
		wordform.Each(t, func(word string, _, _ int) {
			if f := wordform.Form(word); len(f) >= 3 && !seen[f] {
				seen[f] = true
				forms = append(forms, f)
			}
		})
	}
	own := 0
	if e.ID != 0 {
		own = 1 // a saved entry counts itself
	}
	type counted struct {
		form string
		docs int
	}
	var found []counted
	count, err := s.db.PrepareContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM entries_fts WHERE entries_fts MATCH ? LIMIT ?)")
	if err != nil {
		return nil, err
	}
	defer count.Close()
	for _, f := range forms {
		// Counting stops at commonAt: a common word's entries would take
		// long to count.
		var docs int
		if err := count.QueryRowContext(ctx, quoteFTS(f), commonAt).Scan(&docs); err != nil {
			return nil, err
		}
		if docs > own {
			found = append(found, counted{f, docs})
		}
	}
	// Among common words, the longest stand in for the rarest.
	slices.SortStableFunc(found, func(a, b counted) int { return cmp.Or(a.docs-b.docs, len(b.form)-len(a.form)) })
	out := make([]string, 0, likeWords)
	for _, c := range found[:min(len(found), likeWords)] {
		out = append(out, c.form)
	}
	return out, nil
}

// anyOf is an FTS5 query matching any of forms.
func anyOf(forms []string) string {
	quoted := make([]string, len(forms))
	for i, f := range forms {
		quoted[i] = quoteFTS(f)
	}
	return strings.Join(quoted, " OR ")
}
