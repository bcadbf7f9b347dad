package insight

import (
	"math"
	"slices"
)

// Grouping recurring phrases into themes.
const (
	// A phrase joins a group when this share of the smaller of the two entry
	// sets is shared, and sharing that many would happen by chance less
	// often than once in 1/maxChance.
	joinOverlap = 0.6
	maxChance   = 1e-4
	// A joined phrase found with the group's first phrase this often counts
	// an entry in on its own; a weaker one needs a second phrase beside it.
	aloneShare = 0.75
	// absorbedShare of a phrase's entries inside a lexicon theme means the
	// phrase is that theme in other words.
	absorbedShare = 0.7
)

// phraseGroup is phrases that cover nearly the same entries, led by the
// best-scoring one.
type phraseGroup struct {
	seed     *candidate
	seedSize int
	members  []groupTerm
	stems    map[int32]bool
	// independent counts joined phrases that share no word with the others:
	// other words for the same thing, which make a theme believable.
	independent int
}

type groupTerm struct {
	cand  *candidate
	alone bool
}

// groupPhrases merges candidates (best first) into groups and keeps the
// groups that look like themes: a name, a phrase of two or more words, a
// word specific to this journal, or a word backed by other words that keep
// company with it.
func groupPhrases(cands []*candidate, lexicon []entrySet, n int, minDF int32, limit int) []*phraseGroup {
	var groups []*phraseGroup
	for _, cd := range cands {
		size := cd.entries.count()
		if !cd.name && absorbed(cd.entries, size, lexicon) {
			continue
		}
		if g := bestGroup(groups, cd, size, n, minDF); g != nil {
			g.join(cd, size)
			continue
		}
		if len(groups) < limit {
			groups = append(groups, &phraseGroup{
				seed:     cd,
				seedSize: size,
				members:  []groupTerm{{cand: cd, alone: true}},
				stems:    stemSet(cd.stems),
			})
		}
	}
	return slices.DeleteFunc(groups, func(g *phraseGroup) bool {
		return !g.seed.name && len(g.seed.stems) == 1 && g.independent == 0 && !g.seed.specific
	})
}

func absorbed(s entrySet, size int, lexicon []entrySet) bool {
	for _, l := range lexicon {
		if float64(s.common(l)) >= absorbedShare*float64(size) {
			return true
		}
	}
	return false
}

func bestGroup(groups []*phraseGroup, cd *candidate, size, n int, minDF int32) *phraseGroup {
	var best *phraseGroup
	bestOverlap := 0.0
	for _, g := range groups {
		shared := cd.entries.common(g.seed.entries)
		if shared < int(minDF) {
			continue
		}
		overlap := float64(shared) / float64(min(size, g.seedSize))
		if overlap >= joinOverlap && overlap > bestOverlap && unlikely(shared, size, g.seedSize, n) {
			best, bestOverlap = g, overlap
		}
	}
	return best
}

func (g *phraseGroup) join(cd *candidate, size int) {
	shared := cd.entries.common(g.seed.entries)
	g.members = append(g.members, groupTerm{cand: cd, alone: float64(shared) >= aloneShare*float64(size)})
	newWords := true
	for _, s := range cd.stems {
		if g.stems[s] {
			newWords = false
		}
		g.stems[s] = true
	}
	if newWords {
		g.independent++
	}
}

func stemSet(stems []int32) map[int32]bool {
	set := make(map[int32]bool, len(stems))
	for _, s := range stems {
		set[s] = true
	}
	return set
}

// unlikely reports whether two random sets of sizes a and b drawn from n
// entries would share as many as k less often than maxChance. It uses the
// hypergeometric probability of exactly k, which dominates the tail above
// the expected overlap.
func unlikely(k, a, b, n int) bool {
	if float64(k) <= float64(a)*float64(b)/float64(n) {
		return false
	}
	return logChoose(a, k)+logChoose(n-a, b-k)-logChoose(n, b) < math.Log(maxChance)
}

func logChoose(n, k int) float64 {
	x, _ := math.Lgamma(float64(n + 1))
	y, _ := math.Lgamma(float64(k + 1))
	z, _ := math.Lgamma(float64(n - k + 1))
	return x - y - z
}
