package insight

import (
	"cmp"
	"math"
	"slices"
)

// Entries written like a pattern's entries join it, though none of the
// pattern's words are in them: people put the same setback in many more
// ways than a catalogue can list. An entry joins when more of the entries
// written most like it (by the words they share, weighed as Similar weighs
// them) show the pattern than chance would put there.
const (
	likeNeighbours = 7
	// likeChance is how unlikely the votes must be by chance: the chance
	// that so many of an entry's neighbours are in a pattern this size if
	// they were drawn at random.
	likeChance = 0.02
	// likeWeight is how strongly a joined entry shows the pattern: a
	// quarter of an entry that names it, in its rank as in its evidence. A
	// pattern written in few of its own words but in many entries alike
	// ranks with the patterns named outright.
	likeWeight = 0.25
	// likeShown is how many of the words a joined entry shares with its
	// neighbours in the pattern show why it joined.
	likeShown = 3
	// Between these sizes entries are compared with each other (to grow
	// patterns, and to rank a theme by how alike its entries are): in fewer
	// entries, an entry's nearest are most of the journal; in more, every
	// entry is compared with every other, and the patterns have words
	// enough without it.
	minLikeEntries = 30
	maxLikeEntries = 2000
)

// joinLookalikes adds to each lexicon pattern among drafts (found in at
// least minDF entries) the entries whose nearest neighbours show it, each
// with the words it shares with them as its evidence; an entry the person
// took out of the pattern stays out, and still counts as showing it.
func joinLookalikes(c *corpus, drafts []*draft, minDF int32, removed []Membership) {
	n := len(c.entries)
	if n < minLikeEntries || n > maxLikeEntries {
		return
	}
	var patterns []*draft
	for _, d := range drafts {
		if d.source == SourceLexicon && len(d.members) >= int(minDF) {
			patterns = append(patterns, d)
		}
	}
	vecs := entryVectors(newFeatureSpace(scanned{c: c, drafts: patterns}))
	near := nearestEntries(vecs, likeNeighbours)
	for _, d := range patterns {
		// set stays as it was before any joined: an entry joins by the
		// entries that show the pattern in their own words.
		set := d.entrySet(n)
		for _, e := range d.takenOut {
			set.add(e)
		}
		need := votesNeeded(likeNeighbours, float64(len(d.members)+len(d.takenOut))/float64(n))
		for e := range int32(n) {
			if set.has(e) || slices.Contains(d.strays, e) || slices.Contains(removed, Membership{Theme: d.key, UID: c.entries[e].UID}) {
				continue
			}
			alike := slices.DeleteFunc(slices.Clone(near[e]), func(o int32) bool { return !set.has(o) })
			if len(alike) >= need {
				d.joinAlike(c, e, sharedStems(c, vecs, e, alike))
			}
		}
	}
}

// votesNeeded is the fewest of k neighbours in a pattern holding share of
// the journal that random neighbours would reach less often than likeChance.
func votesNeeded(k int, share float64) int {
	tail := 1.0
	for v := 0; v <= k; v++ {
		if tail < likeChance {
			return v
		}
		tail -= binomial(k, v, share)
	}
	return k + 1
}

func binomial(k, v int, p float64) float64 {
	return math.Exp(logChoose(k, v) + float64(v)*math.Log(p) + float64(k-v)*math.Log1p(-p))
}

// sharedStems are the words entry e shares most with the entries alike,
// most telling first; words that only say when (a Thursday, the night) or
// come before a name (Mr, Dr) are not why it is alike.
func sharedStems(c *corpus, vecs [][]feature, e int32, alike []int32) []int32 {
	weight := map[int32]float64{}
	for _, o := range alike {
		eachShared(vecs[e], vecs[o], func(id int32, w float64) {
			if int(id) < len(c.stems) && !calendarStems()[c.stems[id]] && !titles[c.stems[id]] {
				weight[id] += w
			}
		})
	}
	stems := make([]int32, 0, len(weight))
	for s := range weight {
		stems = append(stems, s)
	}
	slices.SortFunc(stems, func(a, b int32) int { return cmp.Or(cmp.Compare(weight[b], weight[a]), cmp.Compare(a, b)) })
	return stems[:min(likeShown, len(stems))]
}

// joinAlike adds entry e to d, its hits the first place each of stems is
// written in it, among the words that show a theme if they are there.
func (d *draft) joinAlike(c *corpus, e int32, stems []int32) {
	first := int32(len(d.hits))
	for _, s := range stems {
		if h, ok := c.firstUse(e, s); ok {
			h.term = d.termFor(c.stems[s])
			d.hits = append(d.hits, h)
		}
	}
	d.add(e, likeWeight, first)
}

// termFor is the index of term in d.terms, added as a hint if it is new.
func (d *draft) termFor(term string) int32 {
	if i := slices.Index(d.terms, term); i >= 0 {
		return int32(i)
	}
	d.hints = append(d.hints, make([]bool, len(d.terms)-len(d.hints))...)
	d.terms = append(d.terms, term)
	d.hints = append(d.hints, true)
	return int32(len(d.terms) - 1)
}

// firstUse finds stem in entry e, in the fields that can show a theme
// before the others.
func (c *corpus) firstUse(e int32, stem int32) (hit, bool) {
	from, _ := slices.BinarySearchFunc(c.fields, e, func(f field, e int32) int { return cmp.Compare(f.entry, e) })
	for _, support := range []bool{false, true} {
		for f := from; f < len(c.fields) && c.fields[f].entry == e; f++ {
			fl := &c.fields[f]
			if fl.support != support {
				continue
			}
			for p := fl.contentFirst; p < fl.contentEnd; p++ {
				if c.contentStems[p] == stem {
					at := c.start(p)
					return hit{field: int32(f), first: at, last: at}, true
				}
			}
		}
	}
	return hit{}, false
}

// entryVectors are every entry's TF-IDF features.
func entryVectors(fs *featureSpace) [][]feature {
	vecs := make([][]feature, len(fs.c.entries))
	fs.each(func(entry int32, fv []feature) { vecs[entry] = slices.Clone(fv) })
	return vecs
}

// nearestEntries lists, for each entry, the k entries most like it by
// cosine, most alike first; only entries with a word in common count. The
// dot products are summed word by word, over the entries that use each.
func nearestEntries(vecs [][]feature, k int) [][]int32 {
	type posting struct {
		entry  int32
		weight float64
	}
	var postings [][]posting
	norms := make([]float64, len(vecs))
	for e, v := range vecs {
		norms[e] = math.Sqrt(norm(v))
		for _, f := range v {
			if int(f.id) >= len(postings) {
				postings = append(postings, make([][]posting, int(f.id)+1-len(postings))...)
			}
			postings[f.id] = append(postings[f.id], posting{int32(e), f.weight})
		}
	}
	dots := make([]float64, len(vecs))
	var touched []int32
	var best []scored
	near := make([][]int32, len(vecs))
	for e, v := range vecs {
		for _, f := range v {
			for _, p := range postings[f.id] {
				if dots[p.entry] == 0 {
					touched = append(touched, p.entry)
				}
				dots[p.entry] += f.weight * p.weight
			}
		}
		best = best[:0]
		for _, o := range touched {
			s := scored{o, dots[o] / (norms[e] * norms[o])}
			dots[o] = 0
			if o == int32(e) || len(best) == k && !s.before(best[k-1]) {
				continue
			}
			at, _ := slices.BinarySearchFunc(best, s, func(a, b scored) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.entry, b.entry)) })
			best = slices.Insert(best, at, s)[:min(k, len(best)+1)]
		}
		touched = touched[:0]
		for _, s := range best {
			near[e] = append(near[e], s.entry)
		}
	}
	return near
}

// scored is an entry and how alike it is to the one being compared.
type scored struct {
	entry int32
	score float64
}

// before orders more alike first, then earlier entries first.
func (s scored) before(t scored) bool {
	return s.score > t.score || s.score == t.score && s.entry < t.entry
}

// alikeRank is how much a theme's rank follows how alike its entries are:
// a theme that tells one story is more likely what keeps going wrong than
// one spread over setbacks of every kind (a partner, a word of the trade).
const alikeRank = 0.25

// minAlike bounds how far a theme whose entries share no words at all
// falls: to a third of its rank.
const minAlike = 0.01

// unitVectors are the entries' TF-IDF vectors scaled to length one, for a
// journal of the sizes likeness works in; nil for any other.
func unitVectors(c *corpus) [][]feature {
	n := len(c.entries)
	if n < minLikeEntries || n > maxLikeEntries {
		return nil
	}
	units := entryVectors(newFeatureSpace(scanned{c: c}))
	for _, v := range units {
		length := math.Sqrt(norm(v))
		for k := range v {
			v[k].weight /= length
		}
	}
	return units
}

// sumUnits sets sum to the sum of the unit vectors of entries, and says how
// many entries there were.
func sumUnits(sum []float64, units [][]feature, entries func(yield func(int32) bool)) int {
	clear(sum)
	m := 0
	for e := range entries {
		m++
		for _, f := range units[e] {
			sum[f.id] += f.weight
		}
	}
	return m
}

// weighCohesion sets each draft's alike: how much more alike its entries
// are than any two of the journal's (the mean cosine of their unit vectors
// in pairs, over the same for all entries), to the power alikeRank. Journals
// without units are left as they are.
func weighCohesion(c *corpus, units [][]feature, drafts []*draft) {
	if units == nil {
		return
	}
	n := len(c.entries)
	sum := make([]float64, len(c.stems))
	meanPair := func(entries func(yield func(int32) bool)) float64 {
		return meanPairCosine(sum, sumUnits(sum, units, entries))
	}
	base := meanPair(func(yield func(int32) bool) {
		for e := range int32(n) {
			if !yield(e) {
				return
			}
		}
	})
	if base <= 0 {
		return
	}
	for _, d := range drafts {
		d.alike = math.Pow(max(meanPair(d.memberEntries)/base, minAlike), alikeRank)
	}
}
