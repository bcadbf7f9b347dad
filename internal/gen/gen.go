// Package gen makes up realistic journals for tests and benchmarks. The same
// arguments always give the same journal, so a benchmark or a bug report can
// name its data by (n, seed, end) instead of shipping it.
package gen

import (
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/failup/failup/internal/journal"
)

// Entries returns n complete, valid entries, oldest first, that occurred on
// days up to and including end, which must be a valid date. The journal
// reaches back a day per entry, at least two years and at most twenty, and no
// time in it (created, updated, checked in, dropped) is after the last second
// of end. The same n, seed and end always give the same entries.
func Entries(n int, seed uint64, end journal.Date) []journal.Entry {
	g := newGenerator(seed, end)
	span := spanDays(n)
	daysBack := make([]int, n)
	for i := range daysBack {
		daysBack[i] = g.rng.IntN(span)
	}
	slices.Sort(daysBack)
	slices.Reverse(daysBack)
	entries := make([]journal.Entry, n)
	for i, back := range daysBack {
		entries[i] = g.entry(end.AddDays(-back), 1-float64(back)/float64(span))
	}
	g.linkAttempts(entries)
	return entries
}

// Document is Entries as a failup.v1 export made at the last second of end,
// so that the whole document, not only its entries, depends on the arguments
// alone.
func Document(n int, seed uint64, end journal.Date) journal.Document {
	return journal.NewDocument(Entries(n, seed, end), lastSecondOf(end))
}

// spanDays is how many days the journal covers: a day per entry, at least two
// years so a small journal still shows trends, at most twenty.
func spanDays(n int) int { return min(max(n, 2*365), 20*365) }

func lastSecondOf(d journal.Date) time.Time { return d.AddDays(1).Time().Add(-time.Second) }

type generator struct {
	rng *rand.Rand
	end journal.Date
	// last is the last second of end: nothing in the journal happens later.
	last time.Time
}

// pcgStream is the second half of the PCG state; any constant will do, but it
// must never change or every seed's journal would.
const pcgStream = 0x6661696c7570 // "failup"

func newGenerator(seed uint64, end journal.Date) *generator {
	return &generator{rng: rand.New(rand.NewPCG(seed, pcgStream)), end: end, last: lastSecondOf(end)}
}

// entry makes up one reflection on a setback on day occurred; progress is how
// far through the journal's span the day lies (0 oldest, 1 end), which sets
// how common each recurring theme is.
func (g *generator) entry(occurred journal.Date, progress float64) journal.Entry {
	created := g.createdAt(occurred)
	s := g.scene(progress)
	return journal.Entry{
		UID:        g.uid(),
		CreatedAt:  created,
		UpdatedAt:  g.updatedAt(created),
		OccurredOn: occurred,
		Title:      g.fill(pick(g.rng, s.scenario.titles), s),
		PromptSet:  journal.DefaultPromptSet,
		Answers:    g.answers(s),
		Lesson:     g.lesson(s),
		Tags:       g.tags(s.scenario),
		Skills:     s.skills,
		Severity:   g.severity(),
		Confidence: g.maybe(0.8, g.confidence),
		Followup:   g.followup(s, occurred, created),
	}
}

// uid is a version 4 UUID drawn from the seeded generator, not from crypto/rand.
func (g *generator) uid() string {
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[:8], g.rng.Uint64())
	binary.BigEndian.PutUint64(u[8:], g.rng.Uint64())
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u.String()
}

// createdAt is when the reflection was written: mostly the same evening,
// sometimes a day or two later, never after end.
func (g *generator) createdAt(occurred journal.Date) time.Time {
	lag := []int{0, 0, 0, 1, 1, 2}[g.rng.IntN(6)]
	t := occurred.AddDays(lag).Time().Add(g.timeOfDay())
	if t.After(g.last) {
		t = occurred.Time().Add(g.timeOfDay())
	}
	return t
}

// timeOfDay is between 07:00 and midnight, when people write.
func (g *generator) timeOfDay() time.Duration {
	return 7*time.Hour + time.Duration(g.rng.IntN(17*3600))*time.Second
}

// updatedAt is created for most entries; some were edited minutes or weeks later.
func (g *generator) updatedAt(created time.Time) time.Time {
	switch r := g.rng.Float64(); {
	case r < 0.75:
		return created
	case r < 0.95:
		return g.notAfterEnd(created.Add(time.Duration(5+g.rng.IntN(120)) * time.Minute))
	default:
		return g.notAfterEnd(created.Add(time.Duration(1+g.rng.IntN(60)) * 24 * time.Hour))
	}
}

func (g *generator) notAfterEnd(t time.Time) time.Time {
	if t.After(g.last) {
		return g.last
	}
	return t
}

// severity is 1–5, mostly middling, or unset.
func (g *generator) severity() *int {
	return g.maybe(0.85, func() int { return 1 + weighted(g.rng, []int{10, 25, 35, 20, 10}) })
}

// confidence is 1–10, most often around 5.
func (g *generator) confidence() int { return 1 + g.rng.IntN(5) + g.rng.IntN(6) }

// maybe returns a value from value with probability p, otherwise nil.
func (g *generator) maybe(p float64, value func() int) *int {
	if g.rng.Float64() >= p {
		return nil
	}
	v := value()
	return &v
}

// skills names 0–3 of the five skills, in the order they are offered.
func (g *generator) skills() []journal.Skill {
	n := weighted(g.rng, []int{25, 40, 25, 10})
	chosen := make([]journal.Skill, 0, n)
	for _, i := range g.rng.Perm(len(journal.Skills))[:n] {
		chosen = append(chosen, journal.Skills[i])
	}
	slices.SortFunc(chosen, func(a, b journal.Skill) int {
		return slices.Index(journal.Skills, a) - slices.Index(journal.Skills, b)
	})
	return chosen
}

// tags are 0–4: most of them from the setback's area of life, sometimes one
// about how it felt.
func (g *generator) tags(sc *scenario) []string {
	n := weighted(g.rng, []int{10, 35, 35, 15, 5})
	tags := make([]string, 0, n)
	for _, i := range g.rng.Perm(len(sc.tags)) {
		if len(tags) == n {
			return tags
		}
		tags = append(tags, sc.tags[i])
	}
	for len(tags) < n {
		t := pick(g.rng, moodTags)
		if !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	return tags
}

// linkAttempts marks a few entries as a new attempt at an earlier commitment
// that someone checked in on and tried again, as a person does when the second
// try goes wrong too.
func (g *generator) linkAttempts(entries []journal.Entry) {
	var tried []int
	for i := range entries {
		e := &entries[i]
		if len(tried) > 0 && g.rng.Float64() < 0.03 {
			for _, j := range slices.Backward(tried[max(0, len(tried)-20):]) {
				if entries[j].Followup.CheckedInAt.Before(e.CreatedAt) {
					e.FollowsUID = entries[j].UID
					break
				}
			}
		}
		if f := e.Followup; f != nil && f.TriedAgain != nil && *f.TriedAgain {
			tried = append(tried, i)
		}
	}
}

func pick[T any](rng *rand.Rand, items []T) T { return items[rng.IntN(len(items))] }

// sample returns n different items in random order.
func sample[T any](rng *rand.Rand, items []T, n int) []T {
	out := make([]T, n)
	for i, j := range rng.Perm(len(items))[:n] {
		out[i] = items[j]
	}
	return out
}

// weighted returns an index into weights, each chosen in proportion to its weight.
func weighted(rng *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	r := rng.IntN(total)
	for i, w := range weights {
		if r < w {
			return i
		}
		r -= w
	}
	return len(weights) - 1
}
