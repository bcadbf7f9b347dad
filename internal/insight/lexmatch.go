package insight

import (
	"fmt"
	"slices"
	"strings"
)

// hintWorth is what a hint counts for, against 1 for a term; an entry joins a
// pattern when its words are worth joinAt, after weighting by field.
const (
	hintWorth = 0.5
	joinAt    = 0.6
)

// lexMatcher is a lexicon compiled against a vocabulary.
type lexMatcher struct {
	vocab    *vocab
	patterns []Pattern
	terms    []lexTerm
	// starts lists, by word id, the terms whose first word it can be. It
	// grows with the vocabulary, from byStem and the prefixes.
	starts      [][]termStart
	byStem      map[int32][]termStart
	prefixes    []string
	byPrefix    [][]termStart
	byFirstByte [256][]int32
	// prefixesOf lists, by word id, the prefixes the word starts with.
	prefixesOf [][]int32
}

type lexTerm struct {
	pattern int32
	kind    termKind
	shown   string
	words   []matchWord
	// proper marks a term the lexicon writes with a capital ("Salesforce"):
	// written so in mid-sentence, it is still the term.
	proper bool
	// mine marks a term written with "my" ("on my own", "forgot my keys"):
	// written with "his" or "her" instead, it is someone else's.
	mine bool
}

// key identifies what t matches, whatever its spelling in the lexicon; an
// except phrase never stands in for a term.
func (t lexTerm) key() string {
	return fmt.Sprint(t.kind == kindExcept, t.words)
}

// matchWord matches by stem, or by prefix when prefix >= 0.
type matchWord struct {
	stem, prefix int32
}

// termStart is a term that may start at a word, with the term's second
// word (noWord for a term of one word) kept alongside: most terms tried at a
// word fail on their second, and checking it here spares fetching the term;
// a match goes on from where the second was found.
type termStart struct {
	term   int32
	second matchWord
}

var noWord = matchWord{stem: -1, prefix: -1}

func compileLexicon(lex Lexicon, v *vocab) *lexMatcher {
	m := &lexMatcher{vocab: v, patterns: lex.Patterns, byStem: map[int32][]termStart{}}
	prefixIDs := map[string]int32{}
	for p, pat := range lex.Patterns {
		// Terms that read the same once stemmed ("ask", "asking") are one
		// term; the stronger kind comes first, so it is the one kept.
		seen := map[string]bool{}
		for kind, list := range [][]string{pat.Terms, pat.Hints, pat.Except} {
			for _, text := range list {
				t := lexTerm{pattern: int32(p), kind: termKind(kind), shown: strings.ReplaceAll(text, "*", ""), proper: strings.ToLower(text) != text,
					mine: slices.Contains(strings.Fields(strings.ToLower(text)), "my")}
				for _, w := range splitTerm(text, termKind(kind)) {
					if !w.prefix {
						t.words = append(t.words, matchWord{stem: v.stemOf(w.text), prefix: -1})
						continue
					}
					id, ok := prefixIDs[w.text]
					if !ok {
						id = int32(len(m.prefixes))
						prefixIDs[w.text] = id
						m.prefixes = append(m.prefixes, w.text)
						m.byPrefix = append(m.byPrefix, nil)
						m.byFirstByte[w.text[0]] = append(m.byFirstByte[w.text[0]], id)
					}
					t.words = append(t.words, matchWord{stem: -1, prefix: id})
				}
				if key := t.key(); len(t.words) > 0 && !seen[key] {
					seen[key] = true
					m.terms = append(m.terms, t)
				}
			}
		}
	}
	for i, t := range m.terms {
		ts := termStart{term: int32(i), second: noWord}
		if len(t.words) > 1 {
			ts.second = t.words[1]
		}
		if first := t.words[0]; first.prefix >= 0 {
			m.byPrefix[first.prefix] = append(m.byPrefix[first.prefix], ts)
		} else {
			m.byStem[first.stem] = append(m.byStem[first.stem], ts)
		}
	}
	return m
}

// index extends starts to the words added to the vocabulary since the last
// call.
func (m *lexMatcher) index() {
	for id := len(m.starts); id < len(m.vocab.words); id++ {
		w := m.vocab.words[id]
		starts := m.byStem[w.stem]
		var prefixes []int32
		for _, p := range m.byFirstByte[w.text[0]] {
			if strings.HasPrefix(w.text, m.prefixes[p]) {
				prefixes = append(prefixes, p)
				starts = append(slices.Clip(starts), m.byPrefix[p]...)
			}
		}
		m.starts = append(m.starts, starts)
		m.prefixesOf = append(m.prefixesOf, prefixes)
	}
}

// wordMatches reports whether word k of the entry is w.
func (m *lexMatcher) wordMatches(w matchWord, ew *entryWords, k int32) bool {
	if w.prefix >= 0 {
		return slices.Contains(m.prefixesOf[ew.words[k]], w.prefix)
	}
	return ew.stems[k] == w.stem
}

// matchFrom reports where term t ends if its first n words end at word k of
// a field that ends at word end.
func (m *lexMatcher) matchFrom(ew *entryWords, t *lexTerm, n int, k, end int32) (int32, bool) {
	var window [maxGap + 1]int32
	pos := k
	for _, w := range t.words[n:] {
		j, found := m.find(w, ew, following(ew, pos, end, window[:0]))
		if !found {
			return 0, false
		}
		pos = j
	}
	return pos, true
}

// following appends to at the words that may come next in a term after
// word pos, in a field that ends at word end: the next few, up to the first
// that may not stand inside a term, within the sentence.
func following(ew *entryWords, pos, end int32, at []int32) []int32 {
	for j := pos + 1; j < end && j <= pos+1+maxGap && ew.flags[j]&(startsSentence|afterComma) == 0; j++ {
		at = append(at, j)
		if ew.flags[j]&skippable == 0 {
			break
		}
	}
	return at
}

// find returns the first of the words at that is w.
func (m *lexMatcher) find(w matchWord, ew *entryWords, at []int32) (int32, bool) {
	for _, j := range at {
		if m.wordMatches(w, ew, j) {
			return j, true
		}
	}
	return 0, false
}

// lexHit is one term found in one field, at words first..last of the entry.
type lexHit struct {
	term        int32
	field       int32
	first, last int32
}

// entryHits finds every term of the lexicon in the entry, dropping those
// that overlap an except phrase of the same pattern. It appends to hits.
func (m *lexMatcher) entryHits(ew *entryWords, hits []lexHit) []lexHit {
	m.index()
	from := len(hits)
	begin := int32(0)
	for i, f := range ew.fields {
		end := ew.ends[i]
		for k := begin; k < end; k++ {
			starts := m.starts[ew.words[k]]
			if len(starts) == 0 {
				continue
			}
			var window [maxGap + 1]int32
			second := following(ew, k, end, window[:0])
			for _, ts := range starts {
				last := k
				if ts.second == noWord && ew.flags[k]&nameLike != 0 && !m.terms[ts.term].proper {
					continue // "Bill" in mid-sentence is a person, not a bill
				}
				if ts.second != noWord {
					j, ok := m.find(ts.second, ew, second)
					if !ok {
						continue
					}
					if last, ok = m.matchFrom(ew, &m.terms[ts.term], 2, j, end); !ok {
						continue
					}
					if m.terms[ts.term].mine && m.othersBetween(ew, k, last) {
						continue
					}
				}
				if m.someoneElseDoes(ew, k, begin) {
					continue
				}
				hits = append(hits, lexHit{term: ts.term, field: f, first: k, last: last})
			}
		}
		begin = end
	}
	return m.dropExcepted(hits, from)
}

// othersBetween says whether a possessive other than the person's own
// stands between words first and last of the entry: "on his own", "forgot
// her keys". (someoneElses asks the same of the word before a name.)
func (m *lexMatcher) othersBetween(ew *entryWords, first, last int32) bool {
	for k := first + 1; k < last; k++ {
		if othersPossessives[m.vocab.words[ew.words[k]].text] {
			return true
		}
	}
	return false
}

// othersPossessives say that what follows is someone else's.
var othersPossessives = map[string]bool{"his": true, "her": true, "their": true, "your": true, "its": true}

// someoneElseDoes says whether the term at word first, in a field that
// starts at word begin, is what someone else did: its clause's subject,
// just before it, is another person ("she went quiet", "then Jen snapped",
// "my manager forgot", "they just put it off"). A name or a role counts
// only as the clause's first words, where it is the subject: "rang Mum
// late" is still running late.
func (m *lexMatcher) someoneElseDoes(ew *entryWords, first, begin int32) bool {
	j := first - 1
	for ; j >= begin && ew.flags[j+1]&(startsSentence|afterComma) == 0; j-- {
		w := m.vocab.words[ew.words[j]].text
		if !beforeADeed[w] && !strings.HasSuffix(w, "ly") {
			break
		}
	}
	if j < begin || ew.flags[j+1]&(startsSentence|afterComma) != 0 {
		return false
	}
	w := &m.vocab.words[ew.words[j]]
	switch {
	case otherSubjects[w.text]:
		return true
	case w.role < 0 && ew.flags[j]&nameLike == 0:
		// A capital that opens a sentence may be a verb: "Kept putting
		// it off".
		return false
	}
	// A name or a role: the subject when it opens its clause, alone or
	// after "my", "the" or a word that joins clauses.
	for k := j; ; k-- {
		if ew.flags[k]&(startsSentence|afterComma) != 0 || k == begin {
			return true
		}
		switch m.vocab.words[ew.words[k-1]].text {
		case "and", "but", "then", "so", "when", "because", "cos", "while", "until", "after", "before", "if", "that":
			return true
		case "my", "our", "the", "his", "her", "their":
			if k == j {
				continue
			}
		}
		return false
	}
}

// otherSubjects are the subjects of a deed done by someone else; "we"
// includes the person, and "you" is often everyone.
var otherSubjects = map[string]bool{"he": true, "she": true, "they": true, "everyone": true, "everybody": true, "nobody": true, "someone": true, "somebody": true}

// beforeADeed are words that stand between a subject and what it did: "she
// just went quiet", "they both snapped".
var beforeADeed = map[string]bool{"just": true, "then": true, "also": true, "still": true, "always": true, "again": true, "even": true, "only": true, "all": true, "both": true, "kind": true, "sort": true, "of": true, "kinda": true, "sorta": true}

// dropExcepted drops from hits[from:] the exceptions, and the hits an
// exception of their pattern overlaps. Exceptions are few, so each hit is
// checked against them alone: an entry with thousands of hits stays linear.
func (m *lexMatcher) dropExcepted(hits []lexHit, from int) []lexHit {
	var except []lexHit
	for _, h := range hits[from:] {
		if m.terms[h.term].kind == kindExcept {
			except = append(except, h)
		}
	}
	if len(except) == 0 {
		return hits
	}
	kept := hits[:from]
	for _, h := range hits[from:] {
		if m.terms[h.term].kind == kindExcept || m.excepted(h, except) {
			continue
		}
		kept = append(kept, h)
	}
	return kept
}

// excepted says whether one of except, exceptions, overlaps h in h's
// pattern.
func (m *lexMatcher) excepted(h lexHit, except []lexHit) bool {
	pattern := m.terms[h.term].pattern
	for _, x := range except {
		if m.terms[x.term].pattern == pattern && x.field == h.field && x.first <= h.last && h.first <= x.last {
			return true
		}
	}
	return false
}

// worth is what a hit counts towards its pattern, given where it was written.
func (m *lexMatcher) worth(c *corpus, h lexHit) float32 {
	return worthIn(c.fields[h.field], m.terms[h.term].kind == kindHint)
}

// worthIn is what a term (or, with hint, a hint) counts for when written in
// field f.
func worthIn(f field, hint bool) float32 {
	if hint {
		return f.weight * hintWorth
	}
	return f.weight
}
