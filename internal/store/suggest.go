package store

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/failup/failup/internal/searchquery"
	"github.com/failup/failup/internal/wordform"
	"github.com/failup/failup/internal/wordfreq"
)

// everydayZipf is how common in everyday English (see wordfreq.Zipf) a word
// of four letters or more must be to be taken as meant, never as a typo:
// "wrist" is 3, "shame" 4. Shorter words in the list are as often a slip
// ("gm" for gym) or a scrap of one.
const everydayZipf = 3.0

// suggest is r's query with each word the journal does not have replaced by
// the closest word it has, when that query finds entries; "" otherwise.
// closest keeps the closest word found for each word (see closestWord).
func (s *Store) suggest(ctx context.Context, r Request, closest map[string]string) (string, error) {
	q := r.Query
	q.All = make([][]searchquery.Term, len(r.Query.All))
	changed := false
	for i, group := range r.Query.All {
		q.All[i] = make([]searchquery.Term, len(group))
		for j, t := range group {
			text, ok, err := s.corrected(ctx, t.Text, closest)
			if err != nil {
				return "", err
			}
			changed = changed || ok
			// A word written with a * keeps it; the word being typed is
			// offered whole.
			q.All[i][j] = searchquery.Term{Text: text, Phrase: t.Phrase, Prefix: t.Prefix && !r.Typing}
		}
	}
	if !changed {
		return "", nil
	}
	r.Query = q
	found, err := s.Find(ctx, Request{Query: q, Limit: 1, Today: r.Today, Order: r.Order, Pattern: r.Pattern})
	if err != nil || len(found.Hits) == 0 {
		return "", err
	}
	return q.String(), nil
}

// unmatched are the words and phrases of q that no entry has, each with the
// closest the journal has when there is one; of words given as
// alternatives (a OR b), only when no entry has any of them.
func (s *Store) unmatched(ctx context.Context, q searchquery.Query, closest map[string]string) ([]Unmatched, error) {
	var out []Unmatched
	for _, group := range q.All {
		var none []Unmatched
		for _, t := range group {
			has, err := s.hasTerm(ctx, t)
			if err != nil {
				return nil, err
			}
			if has {
				none = nil
				break
			}
			star := ""
			if t.Prefix {
				star = "*"
			}
			u := Unmatched{Text: t.Text + star}
			text, changed, err := s.corrected(ctx, t.Text, closest)
			if err != nil {
				return nil, err
			}
			better := searchquery.Term{Text: text, Phrase: t.Phrase, Prefix: t.Prefix}
			if changed {
				if has, err = s.hasTerm(ctx, better); err != nil {
					return nil, err
				}
			}
			if changed && has {
				u.Suggestion = better.Text + star
			}
			none = append(none, u)
		}
		out = append(out, none...)
	}
	return out, nil
}

// corrected is text's words, each the journal does not have replaced by
// the closest word it has (see closestKept); changed reports whether any
// was.
func (s *Store) corrected(ctx context.Context, text string, closest map[string]string) (_ string, changed bool, err error) {
	words := wordform.Words(text)
	for k, w := range words {
		better, err := s.closestKept(ctx, w, closest)
		if err != nil {
			return "", false, err
		}
		if better != "" {
			words[k], changed = better, true
		}
	}
	return strings.Join(words, " "), changed, nil
}

// hasTerm reports whether any entry has t; a term without words is taken
// as had, since the search leaves it out.
func (s *Store) hasTerm(ctx context.Context, t searchquery.Term) (bool, error) {
	expr := termExpr(t, &forms{exact: map[string]bool{}})
	if expr == "" {
		return true, nil
	}
	var has bool
	err := s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM entries_fts WHERE entries_fts MATCH ?)", expr).Scan(&has)
	return has, err
}

// loneWord reports whether q is one word and nothing else, which
// Results.Widen says enough about when no entry has it.
func loneWord(q searchquery.Query) bool {
	return len(q.All) == 1 && len(q.All[0]) == 1 && len(wordform.Words(q.All[0][0].Text)) == 1 &&
		len(q.None) == 0 && len(q.Tags) == 0 && len(q.Skills) == 0 && len(q.Patterns) == 0 && q.Before == "" && q.After == ""
}

// closestKept is closestWord, kept in closest for the next time w is asked
// about.
func (s *Store) closestKept(ctx context.Context, w string, closest map[string]string) (string, error) {
	if better, ok := closest[w]; ok {
		return better, nil
	}
	better, err := s.closestWord(ctx, w)
	if err == nil {
		closest[w] = better
	}
	return better, err
}

// closestWord is the word of the journal that w is most likely a typo of,
// as the journal writes it; "" when w is in the journal (in any form) or no
// word of it is a likely typo. A likely typo is a slip or two of the
// fingers (see typoCost) from a way the journal writes the word: "shame" is
// not taken for "same", "scared" for "score", nor "lonely" for "lined"
// (though "lone" and "line" are a key apart); nor is a word of everyday
// English taken for a typo at all ("shame" for "shake", "debt" for
// "debit"). Of equally likely words, the one in the most entries wins.
func (s *Store) closestWord(ctx context.Context, w string) (string, error) {
	if utf8.RuneCountInString(w) > maxTypoLen {
		return "", nil
	}
	if z, ok := wordfreq.Zipf(strings.ToLower(w)); ok && z >= everydayZipf && utf8.RuneCountInString(w) >= 4 {
		return "", nil
	}
	// What was typed is compared in lower case, as the journal's forms
	// are: a name is a name whether or not its capital was typed.
	lower := strings.ToLower(w)
	form := wordform.Form(w)
	// Only words starting with w's first letter are compared: a typo rarely
	// changes the first letter, and reading the whole vocabulary of a large
	// journal would take too long.
	first, _ := utf8.DecodeRuneInString(form)
	words, err := s.wordsFrom(ctx, first)
	if err != nil {
		return "", err
	}
	type candidate struct {
		indexedWord
		cost int
	}
	missing := leftOut(w)
	var near []candidate
	for _, word := range words {
		if word.Term == form {
			return "", nil
		}
		// A form may be near the start of w, the rest of w an ending the
		// form leaves out ("lock" for "lcoked"): it is read as written too.
		whole, head := typoCosts(lower, word.Term)
		cost := min(typoCost(form, word.Term), whole)
		if missing[word.Term] {
			cost = 1
		}
		if likelyTypo(cost, form, word.Term) || likelyTypo(head, form, word.Term) {
			// A whole word near w is likelier than a beginning.
			near = append(near, candidate{word, min(cost, head+1)})
		}
	}
	// The forms closest to w's, the most written first, are compared as
	// the journal writes them.
	slices.SortStableFunc(near, func(a, b candidate) int { return cmp.Or(a.cost-b.cost, b.Docs-a.Docs) })
	best, bestCost, bestDocs := "", 0, 0
	for _, c := range near[:min(len(near), writtenAtMost)] {
		written, spelled, err := s.writtenAs(ctx, c.Term, w)
		if err != nil {
			return "", err
		}
		cost := typoCost(lower, spelled)
		if likelyTypo(cost, lower, spelled) && (best == "" || cost < bestCost || cost == bestCost && c.Docs > bestDocs) {
			best, bestCost, bestDocs = written, cost, c.Docs
		}
	}
	return best, nil
}

// leftOut is the forms of the words w is with one letter left out, but its
// first. A letter left out may change the form a word is read as:
// "presription" is read as "presript", "prescription" as "prescrib".
func leftOut(w string) map[string]bool {
	lower := []rune(strings.ToLower(w))
	forms := map[string]bool{}
	if len(lower) < 3 || len(lower) > maxTypoLen {
		return forms
	}
	for i := 1; i <= len(lower); i++ {
		for c := 'a'; c <= 'z'; c++ {
			forms[wordform.FormOnce(string(lower[:i])+string(c)+string(lower[i:]))] = true
		}
	}
	return forms
}

// maxTypoLen bounds the words a slip of the fingers is looked for in: a
// longer one is no word mistyped, and its spellings with a letter put back
// (26 for each place) and its comparisons with the journal's words grow
// with its square (a fuzzed query of 5,000 letters took the search down).
const maxTypoLen = 40

// writtenAtMost bounds the words close in form that closestWord reads as
// written: each is a look-up of a few entries.
const writtenAtMost = 8

// likelyTypo reports whether a typo costing cost (see typoCost) is few
// enough slips for a to be b mistyped: one for a word of seven letters or
// fewer, two for a longer one, counted on the shorter of the two, so that
// a long word is not near a short one it merely begins with.
func likelyTypo(cost int, a, b string) bool {
	limit := 1
	if min(utf8.RuneCountInString(a), utf8.RuneCountInString(b)) > 7 {
		limit = 2
	}
	return cost <= limit
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
// newest entries that have it: of their ways of writing it, the one closest
// to typed ("slept" for "slep", where the newest entry says "sleeping").
// spelled is that way lower-cased and without its accents, as the index
// holds it ("fátima" is "fatima"), for comparing with what was typed.
func (s *Store) writtenAs(ctx context.Context, form, typed string) (written, spelled string, err error) {
	rows, err := s.db.QueryContext(ctx, `SELECT e.title, e.lesson,
		coalesce((SELECT group_concat(a.text, char(10)) FROM answers a WHERE a.entry_id = e.id), ''),
		coalesce((SELECT f.commitment || char(10) || coalesce(f.outcome, '') FROM followups f WHERE f.entry_id = e.id), ''),
		coalesce((SELECT group_concat(t.tag, ' ') FROM tags t WHERE t.entry_id = e.id), '') || ' ' ||
			coalesce((SELECT group_concat(s.skill, ' ') FROM skills s WHERE s.entry_id = e.id), '')
		FROM entries e WHERE e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
		ORDER BY e.id DESC`, quoteFTS(form), writtenFrom)
	if err != nil {
		return "", "", err
	}
	defer rows.Close()
	typed = strings.ToLower(typed)
	written, spelled = form, form
	cost := -1
	// votes count each way of writing the word, capitals and all, in the
	// entries' own text: a capital that starts a sentence or a title says
	// nothing of the word ("Cricket", "Lost The Cricket Match"), nor do tags
	// and skills, lower-cased whatever the person writes ("hector" the tag,
	// "Hector" the man).
	votes := map[string]int{}
	for rows.Next() {
		texts := make([]any, 5)
		for i := range texts {
			texts[i] = new(string)
		}
		if err := rows.Scan(texts...); err != nil {
			return "", "", err
		}
		for i, t := range texts {
			text := *t.(*string)
			wordform.Each(text, func(word string, start, end int) {
				plain, ok := formAccentsAside(word, form)
				if !ok {
					return
				}
				// texts are the title, lesson, answers, follow-up and labels.
				if i > 0 && i < len(texts)-1 && !startsSentence(text[:start]) {
					word = caseOf(word, text[start:end])
					votes[word]++
				}
				// Of the ways as near to what was typed, in any case, the
				// one written most.
				c := typoCost(typed, plain)
				if cost < 0 || c < cost || c == cost && votes[word] > votes[written] {
					written, spelled, cost = word, plain, c
				}
			})
		}
	}
	return written, spelled, rows.Err()
}

// formAccentsAside reports whether word, as wordform gives it, is read by
// the index as form, whose accents the index leaves out: "fátima" is
// "fatima", "zoë" is "zoe". plain is word so spelled: form itself for a
// word with accents, which wordform leaves as it is, and word otherwise.
// Any letter not in ASCII is taken for the plain letter at its place, which
// is looser than SQLite's folding but enough among entries that have form.
func formAccentsAside(word, form string) (plain string, ok bool) {
	f := wordform.Form(word)
	if f == form {
		return word, true
	}
	rf, i := []rune(form), 0
	for _, r := range f {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case i == len(rf):
			return "", false
		case r != rf[i] && (r < utf8.RuneSelf || rf[i] >= utf8.RuneSelf || !unicode.IsLetter(r)):
			return "", false
		}
		i++
	}
	return form, i == len(rf)
}

// caseOf is word, which wordform gives lower-cased and without a
// possessive, in the case it is written in span.
func caseOf(word, span string) string {
	if len(span) >= len(word) && strings.EqualFold(span[:len(word)], word) {
		return span[:len(word)]
	}
	return word
}

// startsSentence reports whether a word after before starts a sentence,
// where a capital is no sign of a name.
func startsSentence(before string) bool {
	trimmed := strings.TrimRightFunc(before, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || r == '\'' || unicode.In(r, unicode.Ps, unicode.Pi)
	})
	return trimmed == "" || strings.Contains(before[len(trimmed):], "\n") || strings.ContainsAny(trimmed[len(trimmed)-1:], ".!?:")
}

// writtenFrom is how many of the newest entries with a word writtenAs reads
// for the ways it is written.
const writtenFrom = 10

// typoCost counts the slips that would turn the word meant, b, into the
// word typed, a: two letters swapped, a letter left out, a key next to the
// right one, or a letter doubled or struck with its neighbour cost one
// each, as does a vowel for another in words of four letters or more, a
// slip of spelling ("crickit", "docter"); any other letter wrong or added
// costs two, being less a slip than another word.
func typoCost(a, b string) int {
	whole, _ := typoCosts(a, b)
	return whole
}

// typoCosts are typoCost of a and b, and the least typoCost of b and a
// beginning of a that leaves out at most its last four letters, and at most
// half of a: an ending a form leaves out.
func typoCosts(a, b string) (whole, head int) {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > 7 || d < -3 {
		return 4, 4
	}
	// extra is what a's letter i costs when it is not in b.
	extra := func(i int) int {
		for _, k := range []int{i - 1, i + 1} {
			if k >= 0 && k < len(ra) && (ra[k] == ra[i] || nextKeys(ra[k], ra[i])) {
				return 1
			}
		}
		return 2
	}
	// In shorter words a vowel for another is as often another word: bat,
	// bet, bit.
	spelling := min(len(ra), len(rb)) >= 4
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	head = len(rb)
	for i := 1; i <= len(ra); i++ {
		cur[0] = prev[0] + extra(i-1)
		for j := 1; j <= len(rb); j++ {
			change := 0
			switch {
			case ra[i-1] == rb[j-1]:
			case nextKeys(ra[i-1], rb[j-1]), spelling && vowel(ra[i-1]) && vowel(rb[j-1]):
				change = 1
			default:
				change = 2
			}
			cur[j] = min(prev[j]+extra(i-1), cur[j-1]+1, prev[j-1]+change)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
		if i >= len(ra)-4 && 2*i >= len(ra) {
			head = min(head, prev[len(rb)])
		}
	}
	return prev[len(rb)], head
}

func vowel(r rune) bool { return strings.ContainsRune("aeiou", r) }

// keyRows are the letters of a QWERTY keyboard, row by row.
var keyRows = [3]string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// nextKeys reports whether a and b are different keys that touch on a
// QWERTY keyboard: on one row, side by side; on rows one apart, a key and
// the two it sits between.
func nextKeys(a, b rune) bool {
	ra, ca := keyAt(a)
	rb, cb := keyAt(b)
	if ra < 0 || rb < 0 || a == b {
		return false
	}
	switch ra - rb {
	case 0:
		return ca-cb == 1 || cb-ca == 1
	case 1: // a is on the row below b: the row below sits half a key right
		return cb == ca || cb == ca+1
	case -1:
		return ca == cb || ca == cb+1
	}
	return false
}

func keyAt(r rune) (row, col int) {
	for i, keys := range keyRows {
		if c := strings.IndexRune(keys, r); c >= 0 {
			return i, c
		}
	}
	return -1, -1
}
