package insight

import (
	"math"
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
	nearEnough = 0.08
)

// LessonsByTheme groups lessons under the report's themes, in the report's
// order, keeping the lessons' order within each. A lesson appears under the
// first two themes its entry shows; a lesson whose entry shows none goes
// under the theme whose lessons share the most telling words with it, and
// under OtherLessons, last, when none is close.
func LessonsByTheme(lessons []Lesson, r Report) []LessonGroup {
	heads := make([][]int, len(lessons))
	at := map[int64]int{}
	for i, l := range lessons {
		at[l.ID] = i
	}
	for t, th := range r.Themes {
		for _, id := range th.Entries {
			if i, ok := at[id]; ok && len(heads[i]) < maxHeadings {
				heads[i] = append(heads[i], t)
			}
		}
	}
	placeByWords(lessons, heads, len(r.Themes))
	groups := make([]LessonGroup, len(r.Themes))
	var other LessonGroup
	for i, l := range lessons {
		for _, t := range heads[i] {
			groups[t].Lessons = append(groups[t].Lessons, l)
		}
		if len(heads[i]) == 0 {
			other.Lessons = append(other.Lessons, l)
		}
	}
	var out []LessonGroup
	for t, g := range groups {
		if len(g.Lessons) > 0 {
			g.Title = r.Themes[t].Label
			out = append(out, g)
		}
	}
	if len(other.Lessons) > 0 {
		other.Title = OtherLessons
		out = append(out, other)
	}
	return out
}

// placeByWords gives each lesson without a heading the theme whose lessons
// its words are most like, by TF-IDF cosine, when that is near enough.
func placeByWords(lessons []Lesson, heads [][]int, themes int) {
	v := newVocab()
	vecs := make([]map[int32]float64, len(lessons))
	df := map[int32]int{}
	var buf []byte
	for i, l := range lessons {
		tf := map[int32]float64{}
		for _, text := range [...]string{l.Title, l.Lesson, l.Differently} {
			buf = scanWords(text, buf, func(lower []byte, _, _ int, _ uint8) {
				if w := v.words[v.word(lower)]; w.contentStem >= 0 {
					tf[w.contentStem]++
				}
			})
		}
		for s := range tf {
			df[s]++
		}
		vecs[i] = tf
	}
	centroids := make([]map[int32]float64, themes)
	for i, vec := range vecs {
		for s, n := range vec {
			vec[s] = (1 + math.Log(n)) * math.Log(1+float64(len(lessons))/float64(df[s]))
		}
		unit(vec)
		for _, t := range heads[i] {
			if centroids[t] == nil {
				centroids[t] = map[int32]float64{}
			}
			for s, w := range vec {
				centroids[t][s] += w
			}
		}
	}
	for _, c := range centroids {
		unit(c)
	}
	for i, vec := range vecs {
		if len(heads[i]) > 0 {
			continue
		}
		best, bestSim := -1, nearEnough
		for t, c := range centroids {
			var sim float64
			for s, w := range vec {
				sim += w * c[s]
			}
			if sim > bestSim {
				best, bestSim = t, sim
			}
		}
		if best >= 0 {
			heads[i] = []int{best}
		}
	}
}

// unit scales vec to length one.
func unit(vec map[int32]float64) {
	var norm float64
	for _, w := range vec {
		norm += w * w
	}
	if norm == 0 {
		return
	}
	norm = math.Sqrt(norm)
	for s := range vec {
		vec[s] /= norm
	}
}
