package insight

import (
	"math"
	"slices"
)

// LessonGroup is lessons under one heading.
type LessonGroup struct {
	// Title is a theme's label, OtherLessons, or a month as "March 2026".
	Title   string
	Lessons []Lesson
}

// OtherLessons heads the lessons that no theme covers.
const OtherLessons = "Other lessons"

// Grouping lessons as a person would.
const (
	// maxHeadings is how many themes one lesson is shown under at most:
	// its entry's first two in the report's order.
	maxHeadings = 2
	// nearEnough is the cosine similarity of words above which a lesson
	// whose entry shows no theme joins the theme whose lessons it reads
	// most like.
	nearEnough = 0.05
)

// LessonsByTheme groups lessons under the report's themes, in the report's
// order, keeping the lessons' order within each. A lesson appears under the
// first two themes its entry shows; a lesson whose entry shows none goes
// under the theme whose lessons share the most telling words with it, and
// under OtherLessons, last, when none is close.
func LessonsByTheme(lessons []Lesson, r Report) []LessonGroup {
	entries := make([][]int64, len(r.Themes))
	for t, th := range r.Themes {
		entries[t] = th.Entries
	}
	p := NewLessonPlacer()
	for _, l := range lessons {
		p.Add(l)
	}
	var out []LessonGroup
	for t, at := range p.Place(entries) {
		title := OtherLessons
		if t < len(r.Themes) {
			title = r.Themes[t].Label
		}
		if len(at) == 0 {
			continue
		}
		g := LessonGroup{Title: title, Lessons: make([]Lesson, len(at))}
		for i, k := range at {
			g.Lessons[i] = lessons[k]
		}
		out = append(out, g)
	}
	return out
}

// A LessonPlacer groups lessons as LessonsByTheme does, taking them one at
// a time as they are read, before the themes need be known: it keeps of
// each only its entry and the counts of its telling words, never its text,
// so a whole journal's lessons are placed in a few megabytes.
type LessonPlacer struct {
	themes int
	ids    []int64
	// The words of lesson i are stems[ends[i-1]:ends[i]], counted in counts.
	stems  []int32
	counts []uint16
	ends   []int32
	df     []int32
	v      *vocab
	buf    []byte
	seen   []int32
}

// NewLessonPlacer is ready to take lessons.
func NewLessonPlacer() *LessonPlacer { return &LessonPlacer{v: newVocab()} }

// Add takes the next lesson.
func (p *LessonPlacer) Add(l Lesson) {
	p.ids = append(room(p.ids, 1), l.ID)
	p.seen = p.seen[:0]
	for _, text := range [...]string{l.Title, l.Lesson, l.Differently} {
		p.buf = scanWords(text, p.buf, func(lower []byte, _, _ int, _ uint8) {
			if w := p.v.words[p.v.word(lower)]; w.contentStem >= 0 {
				p.seen = append(p.seen, w.contentStem)
			}
		})
	}
	slices.Sort(p.seen)
	p.stems, p.counts = room(p.stems, len(p.seen)), room(p.counts, len(p.seen))
	for i, s := range p.seen {
		if i > 0 && s == p.seen[i-1] {
			if c := &p.counts[len(p.counts)-1]; *c < math.MaxUint16 {
				*c++
			}
			continue
		}
		p.stems = append(p.stems, s)
		p.counts = append(p.counts, 1)
		if int(s) >= len(p.df) {
			grown := int(s) + 1 - len(p.df)
			p.df = append(room(p.df, grown), make([]int32, grown)...)
		}
		p.df[s]++
	}
	p.ends = append(room(p.ends, 1), int32(len(p.stems)))
}

// Place says where each lesson goes under themes whose entries are given,
// in the report's order: for each theme, then for OtherLessons, the lessons
// under it by the order they were added in.
func (p *LessonPlacer) Place(themeEntries [][]int64) [][]int {
	p.themes = len(themeEntries)
	heads := p.headings(themeEntries)
	w := p.weigh()
	centroids := p.centroids(w, heads)
	placed := make([][]int, p.themes+1)
	start := int32(0)
	for i, end := range p.ends {
		h := heads[i]
		if h[0] < 0 {
			h[0] = int16(p.nearest(centroids, w, i, start, end))
		}
		for _, t := range h {
			if t >= 0 {
				placed[t] = append(placed[t], i)
			}
		}
		start = end
	}
	return placed
}

// headings says, for each lesson added, the first themes (up to
// maxHeadings, by index) its entry shows, -1 past the last.
func (p *LessonPlacer) headings(themeEntries [][]int64) [][maxHeadings]int16 {
	var none [maxHeadings]int16
	for i := range none {
		none[i] = -1
	}
	shows := map[int64][maxHeadings]int16{}
	for t, ids := range themeEntries {
		for _, id := range ids {
			h, ok := shows[id]
			if !ok {
				h = none
			}
			if k := slices.Index(h[:], -1); k >= 0 {
				h[k] = int16(t)
				shows[id] = h
			}
		}
	}
	heads := make([][maxHeadings]int16, len(p.ids))
	for i, id := range p.ids {
		if h, ok := shows[id]; ok {
			heads[i] = h
		} else {
			heads[i] = none
		}
	}
	return heads
}

// weights weigh a lesson's words by TF-IDF, each lesson's scaled to length
// one: word k of lesson i weighs (1 + ln count[k]) * idf[stem[k]] / norm[i].
type weights struct {
	idf, norm []float64
}

func (p *LessonPlacer) weigh() weights {
	n := float64(len(p.ends))
	w := weights{idf: make([]float64, len(p.df)), norm: make([]float64, len(p.ends))}
	for s, df := range p.df {
		if df > 0 {
			w.idf[s] = math.Log(1 + n/float64(df))
		}
	}
	start := int32(0)
	for i, end := range p.ends {
		var sum float64
		for k := start; k < end; k++ {
			x := (1 + math.Log(float64(p.counts[k]))) * w.idf[p.stems[k]]
			sum += x * x
		}
		w.norm[i] = math.Sqrt(sum)
		start = end
	}
	return w
}

// of is the weight of word k of lesson i.
func (p *LessonPlacer) of(w weights, i int, k int32) float64 {
	if w.norm[i] == 0 {
		return 0
	}
	return (1 + math.Log(float64(p.counts[k]))) * w.idf[p.stems[k]] / w.norm[i]
}

// centroids sums, for each theme, the word weights of the lessons under it,
// scaled to length one.
func (p *LessonPlacer) centroids(w weights, heads [][maxHeadings]int16) [][]float64 {
	centroids := make([][]float64, p.themes)
	start := int32(0)
	for i, end := range p.ends {
		for _, t := range heads[i] {
			if t < 0 {
				continue
			}
			if centroids[t] == nil {
				centroids[t] = make([]float64, len(p.df))
			}
			for k := start; k < end; k++ {
				centroids[t][p.stems[k]] += p.of(w, i, k)
			}
		}
		start = end
	}
	for _, c := range centroids {
		var norm float64
		for _, x := range c {
			norm += x * x
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for s := range c {
				c[s] /= norm
			}
		}
	}
	return centroids
}

// nearest is the theme whose centroid the words of lesson i (words start
// to end) are most like, when that is near enough, or OtherLessons' index.
func (p *LessonPlacer) nearest(centroids [][]float64, w weights, i int, start, end int32) int {
	best, bestSim := p.themes, nearEnough
	for t, c := range centroids {
		if c == nil {
			continue
		}
		var sim float64
		for k := start; k < end; k++ {
			sim += p.of(w, i, k) * c[p.stems[k]]
		}
		if sim > bestSim {
			best, bestSim = t, sim
		}
	}
	return best
}
