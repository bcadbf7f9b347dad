package insight

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// gram packs a phrase of one to three stems into one map key: each stem id
// plus one in 21 bits, zero meaning "no word".
type gram uint64

const stemBits = 21

func gramOf(stems ...int32) gram {
	var g gram
	for i, s := range stems {
		g |= gram(s+1) << (stemBits * i)
	}
	return g
}

// fits reports whether stem can take part in a gram.
func fits(stem int32) bool { return stem < 1<<stemBits-1 }

// contentStep is one content word, with the two content words before it in
// the same sentence: content positions p, p1, p2 and stems s0, s1, s2, -1
// where there is no such word.
type contentStep struct {
	entry, field int32
	p, p1, p2    int32
	s0, s1, s2   int32
}

// eachContent walks the content words of the fields that show a setback's
// causes, in order. Stop words are skipped, so "end of the week" reaches fn
// as "end" then "week".
func (c *corpus) eachContent(fn func(s contentStep)) {
	for f := range c.fields {
		fl := &c.fields[f]
		if fl.support {
			continue
		}
		s := contentStep{entry: fl.entry, field: int32(f)}
		for p := fl.contentFirst; p < fl.contentEnd; p++ {
			if p == fl.contentFirst || c.contentStarts[p]&sentenceBreak != 0 {
				s.p1, s.p2, s.s1, s.s2 = -1, -1, -1, -1
			}
			s.p, s.s0 = p, c.contentStems[p]
			fn(s)
			s.p2, s.s2, s.p1, s.s1 = s.p1, s.s1, s.p, s.s0
		}
	}
}

// grams lists the phrases ending at step s: the word, and the two- and
// three-word phrases that end with it.
func (s contentStep) grams(out *[3]gram) []gram {
	out[0] = gramOf(s.s0)
	if s.s1 < 0 {
		return out[:1]
	}
	out[1] = gramOf(s.s1, s.s0)
	if s.s2 < 0 {
		return out[:2]
	}
	out[2] = gramOf(s.s2, s.s1, s.s0)
	return out[:3]
}

// tally is how many entries a phrase is in, and how much they weigh: each
// entry counts the weight of the most telling field it is written in.
type tally struct {
	df        int32
	weighted  float32
	lastEntry int32
	lastW     float32
}

func (t *tally) add(entry int32, w float32) {
	if t.lastEntry == entry && t.df > 0 {
		if w > t.lastW {
			t.weighted += w - t.lastW
			t.lastW = w
		}
		return
	}
	t.df++
	t.weighted += w
	t.lastEntry, t.lastW = entry, w
}

// phraseTallies counts every phrase that could recur often enough. Longer
// phrases are counted only when all their shorter parts already recur, so
// rare words never cost a map entry.
type phraseTallies struct {
	byGram map[gram]*tally
	// uses counts, by stem, every use of the word, where tallies count
	// entries.
	uses []int32
}

func countPhrases(c *corpus, minDF int32) *phraseTallies {
	stems := len(c.stems)
	unigrams := make([]tally, stems)
	pt := &phraseTallies{byGram: map[gram]*tally{}, uses: make([]int32, stems)}
	c.eachContent(func(s contentStep) {
		unigrams[s.s0].add(s.entry, c.fields[s.field].weight)
		pt.uses[s.s0]++
	})
	recurring := make([]bool, stems)
	for stem := range unigrams {
		if unigrams[stem].df >= minDF {
			recurring[stem] = true
			pt.byGram[gramOf(int32(stem))] = &unigrams[stem]
		}
	}
	pt.count(c, func(s contentStep) (gram, bool) {
		return gramOf(s.s1, s.s0), s.s1 >= 0 && recurring[s.s1] && recurring[s.s0]
	})
	// A three-word phrase is counted when both its two-word parts recur.
	lastRecurs := false
	pt.count(c, func(s contentStep) (gram, bool) {
		if s.s1 < 0 {
			lastRecurs = false
			return 0, false
		}
		before := lastRecurs
		lastRecurs = pt.recurs(gramOf(s.s1, s.s0), minDF)
		return gramOf(s.s2, s.s1, s.s0), s.s2 >= 0 && before && lastRecurs
	})
	return pt
}

// count tallies, for every content word, the phrase that phrase picks if
// it picks one.
func (pt *phraseTallies) count(c *corpus, phrase func(s contentStep) (gram, bool)) {
	c.eachContent(func(s contentStep) {
		g, ok := phrase(s)
		if !ok {
			return
		}
		t := pt.byGram[g]
		if t == nil {
			t = &tally{}
			pt.byGram[g] = t
		}
		t.add(s.entry, c.fields[s.field].weight)
	})
}

func (pt *phraseTallies) recurs(g gram, minDF int32) bool {
	t := pt.byGram[g]
	return t != nil && t.df >= minDF
}

// isName reports whether stem names a person: mostly written capitalised
// in mid-sentence, and at least once where only a person fits ("told Deb",
// "Deb said", "Deb's"). Weekdays, months, titles and common apps are never
// names: they are capitalised whatever they name.
func (c *corpus) isName(stem int32) bool {
	return c.writtenCapitalised(stem) && c.personUses[stem] > 0
}

// writtenCapitalised reports whether stem is mostly written with a capital
// in mid-sentence, as a name, a place or a firm is.
func (c *corpus) writtenCapitalised(stem int32) bool {
	mid, capd := c.midUses[stem], c.capUses[stem]
	return mid >= 2 && float64(capd) >= 0.8*float64(mid)
}

// candidate is a recurring phrase that might name a theme.
type candidate struct {
	key   gram
	stems []int32
	score float64
	name  bool
	// specific marks a single word that this journal uses far more than
	// everyday English does, and not in so many entries that it only
	// describes the person's setting: a theme on its own ("wrist").
	specific bool
	entries  entrySet
}

// Scoring of recurring phrases.
const (
	// maxPhraseShare keeps words found in more than this share of entries
	// ("work", "meeting") from passing for themes.
	maxPhraseShare = 0.35
	// nameBoost favours people, teams and meetings that keep coming up.
	nameBoost = 2.0
	// maxCandidates bounds the phrases compared with one another.
	maxCandidates = 300
	// A single word is specific when the journal uses it at least
	// 10^specificLift times as often as everyday English, in at most
	// settingShare of the entries: a word in more is where the person
	// works or lives ("shift", "kitchen"), not what keeps going wrong.
	specificLift = 1.5
	settingShare = 0.25
	// loneExtra is how many more entries than a theme needs a specific
	// word needs to stand alone: in a small journal, three or four entries
	// share an everyday word by chance ("flat", a tyre and a cake).
	loneExtra = 2
)

// lift is how many times more often, as a base-10 logarithm, the journal's
// entries use stem than everyday English uses its commonest word.
func (c *corpus) lift(stem, uses int32) float64 {
	return math.Log10(float64(uses)/float64(max(c.tokens, 1))*1e9) - float64(c.zipfs[stem])
}

// candidates picks the recurring phrases most likely to name themes, best
// first: found in many entries, in the fields that explain a setback, longer
// phrases and names above single words, common words below rare ones.
func (pt *phraseTallies) candidates(c *corpus, minDF int32) []*candidate {
	n := len(c.entries)
	// In a small journal the share is no test: three entries of four that
	// say the same thing are a pattern.
	maxDF := max(int32(maxPhraseShare*float64(n)), minDF)
	var out []*candidate
	for key, t := range pt.byGram {
		if t.df < minDF {
			continue
		}
		cd := &candidate{key: key, stems: key.stems()}
		if len(cd.stems) == 1 && len(c.stems[cd.stems[0]]) < 3 {
			continue
		}
		cd.name = true
		for _, stem := range cd.stems {
			cd.name = cd.name && c.isName(stem)
		}
		// A person can be in most entries and still be who keeps coming up.
		if t.df > maxDF && !cd.name {
			continue
		}
		cd.score = float64(t.weighted) * math.Log(float64(n)/float64(t.df)) * (1 + 0.5*float64(len(cd.stems)-1))
		switch {
		case cd.name:
			cd.score *= nameBoost
		case len(cd.stems) == 1:
			// Everyday words ("time", "work") rank below the ones this
			// person reaches for far more than most people do.
			lift := c.lift(cd.stems[0], pt.uses[cd.stems[0]])
			cd.score *= min(max(lift/specificLift, 0.25), 2)
			cd.specific = lift >= specificLift && t.df >= minDF+loneExtra && float64(t.df) <= settingShare*float64(n)
		}
		out = append(out, cd)
	}
	// Ties go by the words, not by stem ids, which depend on how the
	// journal was split for scanning.
	slices.SortFunc(out, func(a, b *candidate) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return strings.Compare(c.phrase(a.stems), c.phrase(b.stems))
	})
	if len(out) > maxCandidates {
		out = out[:maxCandidates]
	}
	pt.collectEntries(c, out)
	return out
}

// phrase is stems as text, the stemmed form of a phrase: "friday deploy".
func (c *corpus) phrase(stems []int32) string {
	words := make([]string, len(stems))
	for i, s := range stems {
		words[i] = c.stems[s]
	}
	return strings.Join(words, " ")
}

func (g gram) stems() []int32 {
	var out []int32
	for ; g != 0; g >>= stemBits {
		out = append(out, int32(g&(1<<stemBits-1))-1)
	}
	return out
}

// collectEntries fills each candidate's entry set in one walk of the corpus.
func (pt *phraseTallies) collectEntries(c *corpus, cands []*candidate) {
	index := make(map[gram]*candidate, len(cands))
	ends := make([]bool, len(c.stems))
	for _, cd := range cands {
		cd.entries = newEntrySet(len(c.entries))
		index[cd.key] = cd
		ends[cd.stems[len(cd.stems)-1]] = true
	}
	var buf [3]gram
	c.eachContent(func(s contentStep) {
		if !ends[s.s0] {
			return
		}
		for _, g := range s.grams(&buf) {
			if cd := index[g]; cd != nil {
				cd.entries.add(s.entry)
			}
		}
	})
}
