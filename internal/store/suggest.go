package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/failup/failup/internal/searchquery"
	"github.com/failup/failup/internal/wordform"
)

// suggest is r's query with each word the journal does not have replaced by
// the closest word it has, when that query finds entries; "" otherwise.
func (s *Store) suggest(ctx context.Context, r Request) (string, error) {
	q := r.Query
	q.All = make([][]searchquery.Term, len(r.Query.All))
	changed := false
	for i, group := range r.Query.All {
		q.All[i] = make([]searchquery.Term, len(group))
		for j, t := range group {
			words := wordform.Words(t.Text)
			for k, w := range words {
				better, err := s.closestWord(ctx, w)
				if err != nil {
					return "", err
				}
				if better != "" {
					words[k], changed = better, true
				}
			}
			q.All[i][j] = searchquery.Term{Text: strings.Join(words, " "), Phrase: t.Phrase}
		}
	}
	if !changed {
		return "", nil
	}
	r.Query = q
	found, err := s.Find(ctx, Request{Query: q, Limit: 1, Today: r.Today, Pattern: r.Pattern})
	if err != nil || len(found.Hits) == 0 {
		return "", err
	}
	return q.String(), nil
}

// closestWord is the word of the journal closest to w when w's form is not
// in the journal, as the journal writes it; "" when w is in the journal or
// nothing is close. Words starting with the same letter are compared: a
// typo rarely changes the first letter, and reading the whole vocabulary of
// a large journal would take too long.
func (s *Store) closestWord(ctx context.Context, w string) (string, error) {
	form := wordform.Form(w)
	first, _ := utf8.DecodeRuneInString(form)
	words, err := s.wordsFrom(ctx, first)
	if err != nil {
		return "", err
	}
	best, bestWritten, bestDist, bestDocs := "", "", 0, 0
	for _, word := range words {
		if word.Term == form {
			return "", nil
		}
		d := min(editDistance(form, word.Term), editDistance(w, word.Term))
		if !near(d, form, word.Term) || best != "" && (d > bestDist || d == bestDist && word.Docs <= bestDocs) {
			continue
		}
		// A word that w only runs on from ("demo" for "demons", "over" for
		// "overpriced") is a near spelling only when the journal writes it
		// near w too ("rushed" for "rushd").
		written := ""
		if strings.HasPrefix(form, word.Term) || strings.HasPrefix(w, word.Term) {
			if written, err = s.writtenAs(ctx, word.Term); err != nil {
				return "", err
			}
			if !near(editDistance(w, written), w, written) {
				continue
			}
		}
		best, bestWritten, bestDist, bestDocs = word.Term, written, d, word.Docs
	}
	if best == "" || bestWritten != "" {
		return bestWritten, nil
	}
	return s.writtenAs(ctx, best)
}

// near reports whether d changes are few enough for a to be a typo of b:
// one for a word of five letters or fewer, two for a longer one, counted on
// the shorter of the two, so that a long word is not near a short one it
// merely begins with.
func near(d int, a, b string) bool {
	limit := 1
	if min(utf8.RuneCountInString(a), utf8.RuneCountInString(b)) > 5 {
		limit = 2
	}
	return d <= limit
}

// indexedWord is a form in the search index and how many entries have it.
type indexedWord struct {
	Term string `json:"t"`
	Docs int    `json:"d"`
}

// wordsFrom is every form in the search index that begins with first. They
// are kept until the journal changes: listing them reads every entry that
// has one (tens of milliseconds for a letter of a 100,000-entry journal).
func (s *Store) wordsFrom(ctx context.Context, first rune) ([]indexedWord, error) {
	list := func() ([]byte, error) {
		rows, err := s.db.QueryContext(ctx, "SELECT term, doc FROM entries_fts_words WHERE term >= ? AND term < ?",
			string(first), string(first+1))
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		words := []indexedWord{}
		for rows.Next() {
			var w indexedWord
			if err := rows.Scan(&w.Term, &w.Docs); err != nil {
				return nil, err
			}
			words = append(words, w)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		return json.Marshal(words)
	}
	body, err := s.Cached(ctx, "search-words."+string(first), "1", list)
	if err != nil {
		return nil, err
	}
	var words []indexedWord
	if json.Unmarshal(body, &words) != nil { // a kept list that cannot be read
		if body, err = list(); err != nil {
			return nil, err
		}
		err = json.Unmarshal(body, &words)
	}
	return words, err
}

// writtenAs is a word of the journal whose form is form, as written in the
// newest entry that has it.
func (s *Store) writtenAs(ctx context.Context, form string) (string, error) {
	var lesson, answers, followup, title, labels string
	err := s.db.QueryRowContext(ctx, `SELECT e.lesson,
		coalesce((SELECT group_concat(a.text, char(10)) FROM answers a WHERE a.entry_id = e.id), ''),
		coalesce((SELECT f.commitment || char(10) || coalesce(f.outcome, '') FROM followups f WHERE f.entry_id = e.id), ''),
		e.title,
		coalesce((SELECT group_concat(t.tag, ' ') FROM tags t WHERE t.entry_id = e.id), '') || ' ' ||
			coalesce((SELECT group_concat(s.skill, ' ') FROM skills s WHERE s.entry_id = e.id), '')
		FROM entries e WHERE e.id = (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid DESC LIMIT 1)`,
		quoteFTS(form)).Scan(&lesson, &answers, &followup, &title, &labels)
	if errors.Is(err, sql.ErrNoRows) {
		return form, nil
	}
	if err != nil {
		return "", err
	}
	written := form
	for _, text := range []string{title, lesson, answers, followup, labels} {
		wordform.Each(text, func(word string, _, _ int) {
			if written == form && wordform.Form(word) == form {
				written = word
			}
		})
		if written != form {
			break
		}
	}
	return written, nil
}

// editDistance counts the letters to add, remove, change or swap with a
// neighbour to turn a into b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
