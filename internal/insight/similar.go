package insight

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/failup/failup/internal/journal"
)

// Match is a past entry like a new one, and what they share.
type Match struct {
	ID         int64        `json:"id"`
	UID        string       `json:"uid"`
	OccurredOn journal.Date `json:"occurred_on"`
	Title      string       `json:"title"`
	// Score is the cosine similarity, from 0 to 1.
	Score float64 `json:"score"`
	// Words are words both entries contain, the most telling first: never
	// a title of address, a word for when something happened, nor a word
	// of everyday English.
	Words []string `json:"words"`
	// Patterns are the labels of the lexicon's patterns both entries show.
	Patterns []string `json:"patterns"`
}

// Similar returns up to n entries of past most like target, best first,
// by TF-IDF cosine over stemmed words weighted by the field they are in,
// counting the lexicon's patterns as shared features too, so that
// "triple-booked" and "said yes to too much" make two entries alike. The
// target itself (same uid, or same non-zero id) is skipped.
func (l Lexicon) Similar(target journal.Entry, past []journal.Entry, n int) []Match {
	entries := make([]journal.Entry, 0, len(past)+1)
	entries = append(entries, target)
	for i := range past {
		if !sameEntry(&past[i], &target) {
			entries = append(entries, past[i])
		}
	}
	if n <= 0 || len(entries) < 2 {
		return []Match{}
	}
	fs := newFeatureSpace(scan(entries, l))
	var want []feature
	best := make([]Match, 0, n+1)
	fs.each(func(entry int32, fv []feature) {
		if entry == 0 {
			want = slices.Clone(fv)
			return
		}
		e := &entries[entry]
		score := cosine(want, fv)
		if score <= 0 || len(best) == n && !better(score, e, best[n-1]) {
			return
		}
		at := slices.IndexFunc(best, func(m Match) bool { return better(score, e, m) })
		if at < 0 {
			at = len(best)
		}
		m := Match{ID: e.ID, UID: e.UID, OccurredOn: e.OccurredOn, Title: e.Title, Score: score}
		m.Words, m.Patterns = fs.shared(want, fv)
		best = slices.Insert(best, at, m)[:min(n, len(best)+1)]
	})
	return best
}

// better ranks a score for entry e above match m: higher, or as high and
// more recent.
func better(score float64, e *journal.Entry, m Match) bool {
	return score > m.Score || score == m.Score && e.OccurredOn > m.OccurredOn
}

func sameEntry(a, b *journal.Entry) bool {
	return a.UID != "" && a.UID == b.UID || a.ID != 0 && a.ID == b.ID
}

// maxShared bounds the features a Match names.
const maxShared = 5

// featureSpace weighs each entry's stems, and lexicon patterns after them,
// by field weight and inverse document frequency. It keeps no vectors:
// each is made again, entry by entry, when it is needed.
type featureSpace struct {
	c   *corpus
	idf []float64
	// names are how features are shown: stems as the first entry wrote
	// them (in lower case, but for a name's capital; without a possessive),
	// then the patterns' labels.
	names []string
	// patterns lists, by entry, the lexicon patterns it shows.
	patterns [][]feature
}

type feature struct {
	id     int32
	weight float64
}

func newFeatureSpace(sc scanned) *featureSpace {
	c := sc.c
	stems := len(c.stems)
	fs := &featureSpace{c: c, names: slices.Clone(c.stems), patterns: make([][]feature, len(c.entries))}
	for p, d := range sc.drafts {
		for _, m := range d.members {
			fs.patterns[m.entry] = append(fs.patterns[m.entry], feature{int32(stems + p), float64(m.weight)})
		}
		fs.names = append(fs.names, d.label)
	}
	for f := range c.fields {
		fl := &c.fields[f]
		if fl.entry > 0 {
			break
		}
		text := fs.c.fieldText(int32(f))
		for p := fl.contentFirst; p < fl.contentEnd; p++ {
			start := int(c.start(p))
			if stem := c.contentStems[p]; fs.names[stem] == c.stems[stem] {
				fs.names[stem] = withoutPossessive(text[start:wordEnd(text, start)])
				if !c.writtenCapitalised(stem) {
					fs.names[stem] = strings.ToLower(fs.names[stem])
				}
			}
		}
	}
	df := make([]int, stems+len(sc.drafts))
	fs.idf = make([]float64, len(df))
	fs.rawEach(func(_ int32, fv []feature) {
		for _, f := range fv {
			df[f.id]++
		}
	})
	for id, d := range df {
		if d > 0 {
			fs.idf[id] = math.Log(1 + float64(len(c.entries))/float64(d))
		}
	}
	return fs
}

// rawEach calls fn with each entry's features, sorted by id and weighed
// by field but not yet by rarity. fv is reused between calls.
func (fs *featureSpace) rawEach(fn func(entry int32, fv []feature)) {
	c := fs.c
	tf := make([]float64, len(c.stems))
	var touched []int32
	var fv []feature
	f := 0
	for entry := range int32(len(c.entries)) {
		for ; f < len(c.fields) && c.fields[f].entry == entry; f++ {
			fl := &c.fields[f]
			for _, stem := range c.contentStems[fl.contentFirst:fl.contentEnd] {
				if tf[stem] == 0 {
					touched = append(touched, stem)
				}
				tf[stem] += float64(fl.weight)
			}
		}
		fv = fv[:0]
		for _, id := range touched {
			fv = append(fv, feature{id, tf[id]})
			tf[id] = 0
		}
		touched = touched[:0]
		fv = append(fv, fs.patterns[entry]...)
		slices.SortFunc(fv, func(a, b feature) int { return cmp.Compare(a.id, b.id) })
		fn(entry, fv)
	}
}

// each is rawEach with TF-IDF weights: a word in every entry says nothing
// about which entries are alike.
func (fs *featureSpace) each(fn func(entry int32, fv []feature)) {
	fs.rawEach(func(entry int32, fv []feature) {
		for k := range fv {
			fv[k].weight = (1 + math.Log(fv[k].weight+1)) * fs.idf[fv[k].id]
		}
		fn(entry, fv)
	})
}

// cosine compares two vectors sorted by feature id.
func cosine(a, b []feature) float64 {
	var dot float64
	eachShared(a, b, func(_ int32, w float64) { dot += w })
	if dot == 0 {
		return 0
	}
	return dot / math.Sqrt(norm(a)*norm(b))
}

// eachShared calls fn with each feature a and b share, and the product of
// its weights in them.
func eachShared(a, b []feature, fn func(id int32, w float64)) {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			fn(a[i].id, a[i].weight*b[j].weight)
			i++
			j++
		}
	}
}

func norm(v []feature) float64 {
	var sum float64
	for _, f := range v {
		sum += f.weight * f.weight
	}
	return sum
}

// shared names the words and the patterns a and b share that contribute
// most to their similarity, most first. The words leave out those that say
// nothing about why two setbacks are alike: a title of address, the day or
// the month, a word of everyday English.
func (fs *featureSpace) shared(a, b []feature) (words, patterns []string) {
	var both []feature
	eachShared(a, b, func(id int32, w float64) { both = append(both, feature{id, w}) })
	slices.SortStableFunc(both, func(x, y feature) int { return cmp.Compare(y.weight, x.weight) })
	words, patterns = []string{}, []string{}
	for _, f := range both {
		if int(f.id) >= len(fs.c.stems) {
			patterns = append(patterns, fs.names[f.id])
		} else if len(words) < maxShared && fs.telling(f.id) {
			words = append(words, fs.names[f.id])
		}
	}
	return words, patterns
}

// everydayZipf is how common in everyday English (see wordfreq.Zipf) a word
// must be to explain nothing about why two entries are alike: "door" is
// 5.5, "phone" 5.4, "dinner" 5.3, "fridge" 4.
const everydayZipf = 5.3

func (fs *featureSpace) telling(stem int32) bool {
	s := fs.c.stems[stem]
	return !titles[s] && !calendarStems()[s] && fs.c.zipfs[stem] < everydayZipf
}
