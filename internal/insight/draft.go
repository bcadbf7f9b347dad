package insight

import (
	"cmp"
	"slices"
	"strings"
)

// draft is a theme being assembled: its entries, how strongly each shows
// it, and the words that did.
type draft struct {
	// key names the theme the same way from one run to the next, so that
	// corrections can find it: see Theme.Key.
	key       string
	label     string
	source    Source
	patternID string
	// terms are what the hits matched; hit.term indexes it. hints marks
	// the lexicon's weaker terms.
	terms   []string
	hints   []bool
	spelled []string
	members []member
	// hits holds the members' hits, each member's together.
	hits []hit
	// strays are the entries that showed d but were left out as strays:
	// they do not join it by likeness either.
	strays []int32
	// takenOut are the entries that showed d in their own words and that the
	// person took out of it: they still count when others join it by
	// likeness, so that taking one entry out takes out that entry alone.
	takenOut []int32
	score    float64
	// names are, for a person's theme, the terms that are their name and
	// its short forms; the others are words that keep them company.
	names []int32
	// lone marks a theme shown by one recurring word and nothing else: the
	// least certain kind, ranked below the others.
	lone bool
	// alike scales the rank by how alike the entries are, when that was
	// measured (see weighCohesion).
	alike float64
}

// member is an entry that shows a draft, how strongly, and where: its hits
// are hits[first:end] of the draft.
type member struct {
	entry      int32
	weight     float32
	first, end int32
}

// add appends a member whose hits were just appended to d.hits, from
// index first on.
func (d *draft) add(entry int32, weight float32, first int32) {
	d.members = append(room(d.members, 1), member{entry: entry, weight: weight, first: first, end: int32(len(d.hits))})
}

// isName says whether term is one of d's person's names.
func (d *draft) isName(term int32) bool { return slices.Contains(d.names, term) }

// room is s with room for n more, made by doubling it when it is short: a
// long slice grown by append alone grows by a quarter at a time, and is
// copied over and over.
func room[S ~[]E, E any](s S, n int) S {
	if cap(s)-len(s) >= n {
		return s
	}
	return slices.Grow(s, max(n, len(s)))
}

func (d *draft) hitsOf(m member) []hit { return d.hits[m.first:m.end] }

// hit is a term found in a field: first and last are the byte offsets of
// the first and the last of its words.
type hit struct {
	term        int32
	field       int32
	first, last int32
}

func (d *draft) entrySet(n int) entrySet {
	s := newEntrySet(n)
	for _, m := range d.members {
		s.add(m.entry)
	}
	return s
}

// rank scores d by how many entries show it and how centrally: an entry
// that names it in its cause counts more than one that mentions it in passing.
func (d *draft) rank() {
	d.score = 0
	for _, m := range d.members {
		d.score += float64(m.weight)
	}
	if d.lone {
		d.score *= loneRank
	}
	if d.source == SourceLexicon {
		d.score *= 1 - wordedRank/2 + wordedRank*d.inSeveralWords()
	}
	if d.alike > 0 {
		d.score *= d.alike
	}
}

// memberEntries yields the entries of d's members.
func (d *draft) memberEntries(yield func(int32) bool) {
	for _, m := range d.members {
		if !yield(m.entry) {
			return
		}
	}
}

// loneRank scales the score of a lone word's theme: a word that means
// something to this person ranks below a pattern shown in many words.
const loneRank = 0.7

// wordedRank is how much a catalogue pattern's rank follows the share of its
// entries that show it in more than one of its words: "put it off again,
// the usual procrastinating" is the pattern; "screens" alone, in a
// developer's journal, may be something else. One word in every entry ranks
// it a tenth lower, several words in every entry a tenth higher.
const wordedRank = 0.2

// inSeveralWords is the share of d's members that show it in two or more
// of its terms.
func (d *draft) inSeveralWords() float64 {
	if len(d.members) == 0 {
		return 0
	}
	several := 0
	for _, m := range d.members {
		hits := d.hitsOf(m)
		if slices.ContainsFunc(hits, func(h hit) bool { return h.term != hits[0].term }) {
			several++
		}
	}
	return float64(several) / float64(len(d.members))
}

// spellingSample is how many entries are read to learn how a term is
// usually written; more would only confirm it.
const spellingSample = 1000

// sample is the members read to learn how the terms are written.
func (d *draft) sample() []member { return d.members[:min(len(d.members), spellingSample)] }

// writtenForms counts, for each term, how often each way of writing it
// stands in the sampled members.
func (d *draft) writtenForms(c *corpus) []map[string]int {
	forms := make([]map[string]int, len(d.terms))
	for i := range forms {
		forms[i] = map[string]int{}
	}
	for _, m := range d.sample() {
		for _, h := range d.hitsOf(m) {
			forms[h.term][c.text(h)]++
		}
	}
	return forms
}

// reach counts, for each term, how many of members have it.
func (d *draft) reach(members []member) []int {
	reach := make([]int, len(d.terms))
	for _, m := range members {
		counted := map[int32]bool{}
		for _, h := range d.hitsOf(m) {
			if !counted[h.term] {
				counted[h.term] = true
				reach[h.term]++
			}
		}
	}
	return reach
}

// spell sets d.spelled: each term as it was most often written. A term
// found only beyond the sample is shown as its first spelling.
func (d *draft) spell(c *corpus) {
	d.spelled = make([]string, len(d.terms))
	for i, f := range d.writtenForms(c) {
		d.spelled[i] = tidyTerm(mostCommon(f, false))
	}
	for _, m := range d.members[len(d.sample()):] {
		for _, h := range d.hitsOf(m) {
			if d.spelled[h.term] == "" {
				d.spelled[h.term] = tidyTerm(c.text(h))
			}
		}
	}
}

// tidyTerm lowercases matched text and keeps only its words: `said "sure`
// and `said 'sure` are shown as "said sure".
func tidyTerm(s string) string {
	words := termWords(strings.ToLower(s))
	for i, w := range words {
		if w == "i" || strings.HasPrefix(w, "i'") || strings.HasPrefix(w, "i’") {
			words[i] = "I" + w[1:] // "I", "I'm", "I’d": lower case reads as a typo
		}
	}
	return strings.Join(words, " ")
}

// termWords are the words of s as a term shows them: no quote mark or dash
// left at either end.
func termWords(s string) []string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !isTermRune(r) })
	for i, w := range words {
		words[i] = strings.Trim(w, "'’-")
	}
	return slices.DeleteFunc(words, func(w string) bool { return w == "" })
}

// isTermRune says whether r is part of a word as a term shows it: a letter,
// a digit, an apostrophe or a hyphen.
func isTermRune(r rune) bool { return isWordRune(r) || r == '\'' || r == '’' || r == '-' }

// shownTerms lists the terms as spelled, those found in the most entries
// first and hints after terms.
func (d *draft) shownTerms() []string {
	reach := d.reach(d.members)
	order := make([]int, 0, len(d.terms))
	for i, r := range reach {
		if r > 0 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(d.isHint(a), d.isHint(b)), cmp.Compare(reach[b], reach[a]))
	})
	var shown []string
	for _, t := range order {
		if !slices.Contains(shown, d.spelled[t]) {
			shown = append(shown, d.spelled[t])
		}
	}
	return shown
}

func (d *draft) isHint(term int) int {
	if term < len(d.hints) && d.hints[term] {
		return 1
	}
	return 0
}
