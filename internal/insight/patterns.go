package insight

import (
	"cmp"
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/failup/failup/internal/journal"
)

// Options tune Patterns. The zero value is ready to use.
type Options struct {
	// Today ends the trend window and the monthly counts; zero means the
	// date of the latest entry.
	Today journal.Date
	// MaxThemes caps the themes reported; zero means 12.
	MaxThemes int
	// MinCount is how many entries a theme needs; zero means 3, or one in
	// 200 entries for a large journal.
	MinCount int
	// Corrections are the person's changes to the themes, applied on top
	// of what is found.
	Corrections Corrections
}

const defaultMaxThemes = 12

func (o Options) withDefaults(entries []journal.Entry) Options {
	if o.Today.IsZero() {
		for i := range entries {
			e := &entries[i]
			o.Today = max(o.Today, e.OccurredOn)
		}
	}
	if o.MaxThemes <= 0 {
		o.MaxThemes = defaultMaxThemes
	}
	if o.MinCount <= 0 {
		o.MinCount = max(3, len(entries)/200)
	}
	return o
}

// sameTheme is the Jaccard similarity of entry sets above which two themes
// are one theme found twice; the better-ranked one is kept. A name and a
// pattern on the same entries are both kept: who, and what keeps happening.
const sameTheme = 0.6

// Patterns finds the themes that recur across entries, most important first:
// patterns from lex, recurring names, and recurring phrases, each with the
// entries and words that show it. It also counts tags and skills.
func Patterns(entries []journal.Entry, lex Lexicon, opt Options) Report {
	var s scanned
	if len(entries) > 0 {
		s = scan(entries, opt.Corrections.withWords(lex))
	}
	return patternsOfScan(entries, s, opt)
}

// Scan is a journal's entries, read and scanned for their patterns.
type Scan struct {
	entries []journal.Entry
	s       scanned
	opt     Options
}

// ScanOf reads the entries seq yields, scanning them as they are read: a
// whole journal's patterns are then Patterns, and the entries themselves
// are there for other work meanwhile. size is how many entries seq is
// likely to yield: room for them is made at once.
func ScanOf(seq iter.Seq2[journal.Entry, error], size int, lex Lexicon, opt Options) (*Scan, error) {
	entries, s, err := scanEach(seq, size, opt.Corrections.withWords(lex))
	if err != nil {
		return nil, err
	}
	return &Scan{entries: entries, s: s, opt: opt}, nil
}

// Entries are the entries read, in the order they were; they are not to be
// changed.
func (sc *Scan) Entries() []journal.Entry { return sc.entries }

// Patterns is Patterns of the entries read.
func (sc *Scan) Patterns() Report { return patternsOfScan(sc.entries, sc.s, sc.opt) }

// patternsOfScan is Patterns of entries, read into scanned.
func patternsOfScan(entries []journal.Entry, scanned scanned, opt Options) Report {
	opt = opt.withDefaults(entries)
	r := Report{
		EntriesAnalyzed: len(entries),
		Themes:          []Theme{},
		Tags:            countTags(entries),
		Skills:          countSkills(entries),
		Months:          monthsEnding(opt.Today, monthsShown),
	}
	if len(entries) == 0 {
		return r
	}
	c := scanned.c
	minDF := int32(opt.MinCount)
	units := unitVectors(c)
	dropStrays(c, units, scanned.drafts)
	// The person's own words for a theme count from the first entry.
	lexDrafts := slices.DeleteFunc(scanned.drafts, func(d *draft) bool {
		return len(d.members) < int(minDF) && !strings.HasPrefix(d.patternID, keyOwn) || len(d.members) == 0
	})
	// The words a person gave a theme that is not a pattern join that theme
	// once it is found: they do not absorb its phrases before.
	lexSets := make([]entrySet, 0, len(lexDrafts))
	for _, d := range lexDrafts {
		if !strings.HasPrefix(d.patternID, keyOwn) {
			lexSets = append(lexSets, d.entrySet(len(entries)))
		}
	}
	pt := countPhrases(c, minDF)
	groups := dropSettings(c, groupPhrases(pt.candidates(c, minDF), lexSets, len(entries), minDF, 6*opt.MaxThemes), minDF)
	people := mergeNicknames(recurring(phraseDrafts(c, groups), minDF))
	dropOthersKin(c, people)
	linkRoles(c, people)
	dropStrays(c, units, people)
	people = recurring(people, minDF)
	drafts := opt.Corrections.apply(entries, append(lexDrafts, people...))
	weighCohesion(c, units, drafts)
	joinLookalikes(c, drafts, minDF, opt.Corrections.Removed)
	kept := strongest(drafts, len(entries), opt.MaxThemes, opt.Corrections.themesCorrected())
	c.dropWords()
	window := newTrendWindow(entries, opt.Today)
	// Each theme's evidence is its own draft's and reads the corpus only, so
	// they are made side by side: in a large journal, on a core that would
	// otherwise wait.
	r.Themes = make([]Theme, len(kept))
	var wg sync.WaitGroup
	for i, d := range kept {
		wg.Go(func() { r.Themes[i] = d.theme(c, window, r.Months) })
	}
	wg.Wait()
	return r
}

// recurring keeps the drafts found in at least minDF entries.
func recurring(drafts []*draft, minDF int32) []*draft {
	return slices.DeleteFunc(drafts, func(d *draft) bool { return len(d.members) < int(minDF) })
}

// strongest ranks the drafts and keeps the best limit, skipping any that
// covers nearly the same entries as a better one. Each is ranked lower by
// the share of its entries that a theme of its kind kept before it
// already holds: a theme that shows something new is worth more than one
// that repeats what is already shown. A theme whose key is in own, one the
// person corrected, is always kept, in its place: taking an entry out of a
// theme never makes it vanish.
func strongest(drafts []*draft, n, limit int, own map[string]bool) []*draft {
	for _, d := range drafts {
		d.rank()
	}
	slices.SortStableFunc(drafts, func(a, b *draft) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(len(b.members), len(a.members)), cmp.Compare(a.label, b.label))
	})
	sets := make([]entrySet, len(drafts))
	owned := 0
	for i, d := range drafts {
		sets[i] = d.entrySet(n)
		if own[d.key] {
			owned++
		}
	}
	covered := make([]float64, len(drafts))
	out := make([]bool, len(drafts))
	var kept []*draft
	var keptSets []entrySet
	for {
		best, bestScore := -1, 0.0
		for i, d := range drafts {
			if out[i] || len(kept)+owned >= limit && !own[d.key] {
				continue
			}
			if last := len(kept) - 1; last >= 0 && sameKind(d, kept[last]) {
				covered[i] = max(covered[i], float64(sets[i].common(keptSets[last]))/float64(len(d.members)))
			}
			if score := d.score * (1 - repeatRank*covered[i]); best < 0 || score > bestScore {
				best, bestScore = i, score
			}
		}
		if best < 0 {
			break
		}
		out[best] = true
		d := drafts[best]
		if own[d.key] {
			owned--
		} else if duplicates(sets[best], len(d.members), d, kept, keptSets) {
			continue
		}
		kept = append(kept, d)
		keptSets = append(keptSets, sets[best])
	}
	return kept
}

// repeatRank is how much lower a theme ranks whose entries are all in a
// theme of its kind ranked above it.
const repeatRank = 0.3

// sameKind says whether two themes compete for the same entries: a name and
// a pattern on the same entries are both kept, who and what keeps happening.
func sameKind(a, b *draft) bool { return (a.source == SourceName) == (b.source == SourceName) }

func duplicates(set entrySet, size int, d *draft, kept []*draft, sets []entrySet) bool {
	for i, k := range kept {
		if !sameKind(d, k) {
			continue
		}
		shared := set.common(sets[i])
		if float64(shared) >= sameTheme*float64(size+len(k.members)-shared) {
			return true
		}
	}
	return false
}
