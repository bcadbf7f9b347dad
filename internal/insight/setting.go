package insight

import (
	"math"
	"slices"
)

// dropSettings removes the groups that are one word and nothing else whose
// entries have nothing else in common: a word for where things happen
// ("counter", "supplier", "lab"), written in entries about unrelated
// setbacks. A word that names a theme ("wrist") keeps company: the entries
// that use it are more alike than two entries of the journal picked at
// random, even leaving the word itself out. So with names: a partner or a
// flatmate who turns up in all kinds of setbacks is part of the person's
// life, not a pattern.
func dropSettings(c *corpus, groups []*phraseGroup, minDF int32) []*phraseGroup {
	var judged []*phraseGroup
	for _, g := range groups {
		// A name in few entries is not judged (see minNameCohesion).
		if g.lone() || g.seed.name && g.seed.entries.count() >= 2*int(minDF) {
			judged = append(judged, g)
		}
	}
	if len(judged) == 0 {
		return groups
	}
	alike := cohesion(c, judged)
	return slices.DeleteFunc(groups, func(g *phraseGroup) bool {
		i := slices.Index(judged, g)
		switch {
		case i < 0:
			return false
		case g.seed.name:
			return alike[i] < minNameCohesion
		case calendarStems()[c.stems[g.seed.stems[0]]], addressStems()[c.stems[g.seed.stems[0]]]:
			return alike[i] < minCalendarCohesion
		}
		return alike[i] < minCohesion
	})
}

// minCohesion is how much more alike than two random entries of the
// journal a lone word's entries must be to make it a theme: a word for the
// person's trade ("customer" for a plumber, "season" for a coach) is in
// entries a little more alike than chance, since they share the trade's
// other words; a word for what keeps going wrong ("knee", "wrist", "van")
// is in entries half as alike again at least.
const minCohesion = 1.25

// minCalendarCohesion is the same for a word that says when ("Saturday",
// "weekend"): the days a cook or a teacher works are in entries alike for
// sharing the work's other words, so only a day whose entries tell nearly
// one story ("deployed on a Friday" again and again) is a theme. So for a
// title of address: a coach is "Coach" to players and parents alike, and
// calls other coaches "Coach Bell", "Coach Pham".
const minCalendarCohesion = 3.5

// minNameCohesion is the same for a name in twice the entries a theme needs
// at least. The entries about someone the person keeps clashing with, or
// keeps avoiding, are alike at least as often as chance (0.9 to 4 in the
// labelled journals); those of someone who is simply around, in setbacks of
// every kind, are less alike than two entries picked at random (0.65 to
// 0.75). A name in fewer entries is not judged: a handful of one-line
// entries can share no other word by chance.
const minNameCohesion = 0.8

func (g *phraseGroup) lone() bool {
	return !g.seed.name && len(g.members) == 1 && len(g.seed.stems) == 1
}

// cohesion says, for each group, how alike its entries are: the mean cosine
// similarity of their TF-IDF vectors, in pairs and without the group's own
// word, over the same for all the journal's entries. It sums unit vectors,
// since the mean over pairs of a set of m unit vectors is
// (|sum|² - m) / (m(m-1)).
func cohesion(c *corpus, groups []*phraseGroup) []float64 {
	n := len(c.entries)
	df := make([]int32, len(c.stems))
	last := make([]int32, len(c.stems))
	for i := range last {
		last[i] = -1
	}
	c.eachContent(func(s contentStep) {
		if last[s.s0] != s.entry {
			last[s.s0] = s.entry
			df[s.s0]++
		}
	})
	all := make([]float64, len(c.stems))
	sums := make([][]float64, len(groups))
	sizes := make([]int, len(groups))
	for i := range sums {
		sums[i] = make([]float64, len(c.stems))
	}
	allSize := 0
	tf := map[int32]float64{}
	current := int32(-1)
	flush := func() {
		if len(tf) == 0 {
			return
		}
		var norm float64
		for s, k := range tf {
			w := (1 + math.Log(k)) * math.Log(float64(n)/float64(df[s]))
			tf[s] = w
			norm += w * w
		}
		if norm > 0 {
			allSize++
			for s, w := range tf {
				all[s] += w / math.Sqrt(norm)
			}
		}
		for gi, g := range groups {
			if !g.seed.entries.has(current) {
				continue
			}
			word := g.seed.stems[0]
			rest := norm - tf[word]*tf[word]
			if rest <= 0 {
				continue
			}
			sizes[gi]++
			for s, w := range tf {
				if s != word {
					sums[gi][s] += w / math.Sqrt(rest)
				}
			}
		}
		clear(tf)
	}
	c.eachContent(func(s contentStep) {
		if s.entry != current {
			flush()
			current = s.entry
		}
		tf[s.s0]++
	})
	flush()
	base := meanPairCosine(all, allSize)
	out := make([]float64, len(groups))
	for i := range groups {
		out[i] = math.Inf(1)
		if base > 0 {
			out[i] = meanPairCosine(sums[i], sizes[i]) / base
		}
	}
	return out
}

func meanPairCosine(sum []float64, m int) float64 {
	if m < 2 {
		return 0
	}
	return (squaredLength(sum) - float64(m)) / float64(m*(m-1))
}

// squaredLength is the squared length of the vector v.
func squaredLength(v []float64) float64 {
	var sq float64
	for _, x := range v {
		sq += x * x
	}
	return sq
}
