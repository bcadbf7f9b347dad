package insight

import (
	"cmp"
	"slices"
)

// lexiconReader finds, entry by entry as they are scanned, the entries that
// show each lexicon pattern. An entry counts when its distinct terms and
// hints in the title and the answers about causes, each weighted by the
// field it was written in, add up to joinAt; words in the other answers
// add to how strongly it shows the pattern, but cannot show it alone.
type lexiconReader struct {
	m      *lexMatcher
	drafts []*draft
	// termSlot maps a lexicon term to its index in its draft's terms.
	termSlot []int32
	hits     []lexHit
}

func newLexiconReader(m *lexMatcher) *lexiconReader {
	r := &lexiconReader{m: m, drafts: make([]*draft, len(m.patterns)), termSlot: make([]int32, len(m.terms))}
	for i, p := range m.patterns {
		r.drafts[i] = &draft{key: keyPattern + p.ID, label: p.Label, source: SourceLexicon, patternID: p.ID}
	}
	for i, t := range m.terms {
		if t.kind == kindExcept {
			continue
		}
		d := r.drafts[t.pattern]
		r.termSlot[i] = int32(len(d.terms))
		d.terms = append(d.terms, t.shown)
		d.hints = append(d.hints, t.kind == kindHint)
	}
	return r
}

func (r *lexiconReader) read(c *corpus, ew *entryWords) {
	m := r.m
	r.hits = m.entryHits(ew, r.hits[:0])
	slices.SortFunc(r.hits, func(a, b lexHit) int {
		return cmp.Or(cmp.Compare(m.terms[a.term].pattern, m.terms[b.term].pattern), cmp.Compare(a.term, b.term))
	})
	for rest := r.hits; len(rest) > 0; {
		pattern := m.terms[rest[0].term].pattern
		n := 1
		for n < len(rest) && m.terms[rest[n].term].pattern == pattern {
			n++
		}
		r.addMember(c, ew, r.drafts[pattern], rest[:n])
		rest = rest[n:]
	}
}

// addMember weighs one entry's hits of one pattern, and adds the entry to
// the pattern's draft if they are worth enough. Each term counts once, at
// its best, and a hit inside a stronger one adds nothing: "said yes to too
// much" is one piece of evidence, not three.
func (r *lexiconReader) addMember(c *corpus, ew *entryWords, d *draft, hits []lexHit) {
	m := r.m
	slices.SortFunc(hits, func(a, b lexHit) int {
		return cmp.Or(cmp.Compare(m.worth(c, b), m.worth(c, a)), cmp.Compare(b.last-b.first, a.last-a.first))
	})
	kept := hits[:0]
	var total, shown float32
	var counted [8]int32
	seen := counted[:0]
	for _, h := range hits {
		if overlapsAny(h, kept) {
			continue
		}
		kept = append(kept, h)
		if !slices.Contains(seen, h.term) {
			seen = append(seen, h.term)
			w := m.worth(c, h)
			total += w
			if !c.fields[h.field].support {
				shown += w
			}
		}
	}
	if shown < joinAt {
		return
	}
	first := int32(len(d.hits))
	d.hits = room(d.hits, len(kept))
	for _, h := range kept {
		d.hits = append(d.hits, hit{term: r.termSlot[h.term], field: h.field, first: int32(ew.starts[h.first]), last: int32(ew.starts[h.last])})
	}
	d.add(ew.entry, min(total, 1), first)
}

func overlapsAny(h lexHit, hits []lexHit) bool {
	for _, o := range hits {
		if o.field == h.field && o.first <= h.last && h.first <= o.last {
			return true
		}
	}
	return false
}
