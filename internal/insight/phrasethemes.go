package insight

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// groupSlot says which group and term a phrase belongs to.
type groupSlot struct {
	group, term int32
	alone       bool
}

// groupHit is a phrase found in the entry being read.
type groupHit struct {
	group int32
	alone bool
	hit
}

// phraseDrafts finds, in one walk of the corpus, where each group's phrases
// were written. An entry joins a group when it has a phrase that counts
// alone (the group's first one among them), or two phrases of the group.
func phraseDrafts(c *corpus, groups []*phraseGroup) []*draft {
	index := map[gram][]groupSlot{}
	ends := make([]bool, len(c.stems))
	drafts := make([]*draft, len(groups))
	for gi, g := range groups {
		d := &draft{source: SourceRecurringPhrase, lone: len(g.members) == 1 && len(g.seed.stems) == 1}
		if g.seed.name {
			d.source, d.names = SourceName, []int32{0}
		}
		for ti, t := range g.members {
			index[t.cand.key] = append(index[t.cand.key], groupSlot{group: int32(gi), term: int32(ti), alone: t.alone})
			ends[t.cand.stems[len(t.cand.stems)-1]] = true
			d.terms = append(d.terms, c.phrase(t.cand.stems))
		}
		drafts[gi] = d
	}
	var pending []groupHit
	current := int32(-1)
	var buf [3]gram
	c.eachContent(func(s contentStep) {
		if s.entry != current {
			flushGroupHits(c, drafts, current, pending)
			pending, current = pending[:0], s.entry
		}
		if !ends[s.s0] {
			return
		}
		firsts := [3]int32{s.p, s.p1, s.p2}
		for n, g := range s.grams(&buf) {
			for _, slot := range index[g] {
				h := hit{term: slot.term, field: s.field, first: c.start(firsts[n]), last: c.start(s.p)}
				pending = append(pending, groupHit{slot.group, slot.alone, h})
			}
		}
	})
	flushGroupHits(c, drafts, current, pending)
	for gi, d := range drafts {
		d.label = phraseLabel(c, d, groups[gi])
		d.key = keyPhrase + c.phrase(groups[gi].seed.stems)
		if d.source == SourceName {
			d.key = keyName + strings.ToLower(d.label)
		}
	}
	return drafts
}

func flushGroupHits(c *corpus, drafts []*draft, entry int32, hits []groupHit) {
	slices.SortFunc(hits, func(a, b groupHit) int {
		return cmp.Or(cmp.Compare(a.group, b.group), cmp.Compare(a.term, b.term))
	})
	for len(hits) > 0 {
		n, votes := 0, 0
		var weight float32
		for n < len(hits) && hits[n].group == hits[0].group {
			h := hits[n]
			weight = max(weight, c.fields[h.field].weight)
			if n == 0 || hits[n-1].term != h.term {
				votes++
				if h.alone {
					votes++
				}
			}
			n++
		}
		if votes >= 2 {
			d := drafts[hits[0].group]
			first := int32(len(d.hits))
			d.hits = room(d.hits, n)
			for _, h := range hits[:n] {
				d.hits = append(d.hits, h.hit)
			}
			d.add(entry, min(weight, 1), first)
		}
		hits = hits[n:]
	}
}

// phraseLabel is the group's first phrase as written most often, keeping
// the capital of a name or a weekday ("Marcus", "Friday"); or a longer
// phrase of the group that holds it and is in half as many entries or
// more, which says more ("bank shifts", not "shifts").
func phraseLabel(c *corpus, d *draft, g *phraseGroup) string {
	forms, reach := d.writtenForms(c), d.reach(d.sample())
	label, chosen := mostCommon(forms[0], true), 0
	if !g.seed.name {
		seed := " " + d.terms[0] + " "
		longest := 0
		for k := 1; k < len(d.terms); k++ {
			if reach[k] == 0 || 2*reach[k] < reach[0] {
				continue
			}
			if n := len(d.terms[k]); n > longest && strings.Contains(" "+d.terms[k]+" ", seed) {
				label, chosen, longest = mostCommon(forms[k], true), k, n
			}
		}
	}
	// A day, a month or a title keeps its capitals, with or without a full
	// stop: "Mr. Park", not "mr park"; so does a phrase whose every word is
	// written with a capital in mid-sentence, as a name is ("Hui Min").
	proper := !slices.ContainsFunc(g.members[chosen].cand.stems, func(s int32) bool { return !c.writtenCapitalised(s) }) || writtenAsName(forms[chosen])
	if first, _, _ := strings.Cut(label, " "); !g.seed.name && !proper && !notNames()[strings.TrimSuffix(strings.ToLower(first), ".")] {
		label = tidyKeepingNames(c, label, g.members[chosen].cand.stems)
	}
	return label
}

// tidyKeepingNames is tidyTerm of label, but a word the journal writes with
// a capital in mid-sentence keeps it: "Okafor called", not "okafor called".
func tidyKeepingNames(c *corpus, label string, stems []int32) string {
	tidy := strings.Fields(tidyTerm(label))
	written := termWords(label)
	if len(written) != len(tidy) {
		return strings.Join(tidy, " ")
	}
	for i, w := range written {
		if s := slices.IndexFunc(stems, func(s int32) bool { return c.stems[s] == stemText(tidy[i]) }); s >= 0 && c.writtenCapitalised(stems[s]) {
			tidy[i] = w
		}
	}
	return strings.Join(tidy, " ")
}

// mostCommon picks the form used most, counting spellings that differ only
// in case together; with preferCase, the most used casing of it.
func mostCommon(forms map[string]int, preferCase bool) string {
	folded := map[string]int{}
	for f, n := range forms {
		folded[strings.ToLower(f)] += n
	}
	best := ""
	for f, n := range folded {
		if n > folded[best] || n == folded[best] && f < best {
			best = f
		}
	}
	if !preferCase {
		return best
	}
	cased := best
	for f, n := range forms {
		if strings.ToLower(f) == best && (n > forms[cased] || n == forms[cased] && f < cased) {
			cased = f
		}
	}
	return cased
}

// writtenAsName reports whether a phrase of two words or more is written,
// in nearly all its uses, with a capital on every word: "Hui Min", though
// "min" alone is a minute. (One word with a capital may only start a
// sentence; writtenCapitalised counts its uses in mid-sentence.)
func writtenAsName(forms map[string]int) bool {
	total, capped := 0, 0
	for f, n := range forms {
		total += n
		if everyWordCapitalised(f) {
			capped += n
		}
	}
	return total > 0 && float64(capped) >= 0.8*float64(total)
}

func everyWordCapitalised(s string) bool {
	words := strings.Fields(s)
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return len(words) > 1
}
