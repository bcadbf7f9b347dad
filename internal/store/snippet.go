package store

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/failup/failup/internal/wordform"
)

// snippetWords is how many words a snippet shows.
const snippetWords = 14

// snippets sets each hit's Snippet: the stretch of its text with the most
// words the search looked for, those words marked, found in the entry's own
// text by the forms they share with the query's words. The index keeps no
// text, so the hits' entries are read again: a page of them, not all.
func (s *Store) snippets(ctx context.Context, hits []Hit, matched *forms) error {
	if len(hits) == 0 {
		return nil
	}
	ids := make([]int64, len(hits))
	at := make(map[int64]int, len(hits))
	for i, h := range hits {
		ids[i], at[h.ID] = h.ID, i
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.lesson,
		coalesce((SELECT group_concat(a.text, char(10) ORDER BY a.position) FROM answers a WHERE a.entry_id = e.id), ''),
		coalesce((SELECT f.commitment || char(10) || coalesce(f.outcome, '') FROM followups f WHERE f.entry_id = e.id), ''),
		e.title
		FROM entries e WHERE e.id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var lesson, answers, followup, title string
		if err := rows.Scan(&id, &lesson, &answers, &followup, &title); err != nil {
			return err
		}
		hits[at[id]].Snippet = snippet(matched, title, lesson, answers, followup)
	}
	return rows.Err()
}

type span struct{ start, end int }

// snippet is the best stretch of the texts, in order of preference: the one
// with the most distinct matched forms, else the start of the first text
// that has words. The title is shown beside it, so it is never the snippet,
// nor is a text that says the same: a word only the title has is seen there,
// and the snippet shows how the entry goes on. Without another text, the
// snippet is "".
func snippet(matched *forms, title string, texts ...string) string {
	bestText, bestScore, bestFrom := -1, 0, 0
	var bestWords []span
	var bestHits []bool
	for ti, text := range texts {
		if sameText(text, title) {
			continue
		}
		var words []span
		var hits []bool
		var fs []string
		wordform.Each(text, func(word string, start, end int) {
			words = append(words, span{start, end})
			hit := matched.hasWord(word)
			hits = append(hits, hit)
			if hit {
				fs = append(fs, wordform.Form(word))
			} else {
				fs = append(fs, "")
			}
		})
		if len(words) == 0 {
			continue
		}
		if bestText < 0 {
			bestText, bestWords, bestHits = ti, words, hits
		}
		for from := range words {
			if !hits[from] {
				continue
			}
			seen := map[string]bool{}
			for k := from; k < len(words) && k < from+snippetWords; k++ {
				if hits[k] {
					seen[fs[k]] = true
				}
			}
			if len(seen) > bestScore {
				bestText, bestScore, bestWords, bestHits = ti, len(seen), words, hits
				// Start a little before the first match, for context.
				bestFrom = max(0, min(from-3, len(words)-snippetWords))
			}
		}
	}
	if bestText < 0 {
		return ""
	}
	return mark(texts[bestText], bestWords, bestHits, bestFrom)
}

// mark writes snippetWords words of text from the word from, the matching
// ones between MatchStart and MatchEnd, with "…" where text goes on. What
// comes before the first word shown is kept when it is the text's start,
// and quotation marks and brackets written onto the first and last words
// are kept: they are part of what was written.
func mark(text string, words []span, hits []bool, from int) string {
	to := min(len(words), from+snippetWords)
	var b strings.Builder
	last := 0
	if from > 0 {
		b.WriteString("…")
		last = words[from].start
		for last > words[from-1].end {
			r, size := utf8.DecodeLastRuneInString(text[:last])
			if r != '"' && r != '\'' && !unicode.In(r, unicode.Ps, unicode.Pi) {
				break
			}
			last -= size
		}
	}
	for k := from; k < to; k++ {
		b.WriteString(text[last:words[k].start])
		if hits[k] {
			b.WriteString(MatchStart + text[words[k].start:words[k].end] + MatchEnd)
		} else {
			b.WriteString(text[words[k].start:words[k].end])
		}
		last = words[k].end
	}
	if to < len(words) {
		end := last
		for end < words[to].start {
			r, size := utf8.DecodeRuneInString(text[end:])
			if r != '"' && r != '\'' && !unicode.In(r, unicode.Pe, unicode.Pf) {
				break
			}
			end += size
		}
		b.WriteString(text[last:end] + "…")
	} else {
		b.WriteString(strings.TrimRight(text[last:], " \n\t"))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// sameText reports whether a and b are the same words, however spaced and
// stopped.
func sameText(a, b string) bool {
	return slices.Equal(wordform.Words(a), wordform.Words(b))
}
