package insight

import (
	"math"
	"slices"
	"strings"
)

// A word can show a theme in an entry that is about something else: "I
// said nothing" in passing, a colleague's name in a story about the
// commute. Such an entry is a stray: it shows the theme by one piece of
// evidence, and it is written less like the theme's other entries than
// most of them are. Strays are left out, so that a theme is what the person
// keeps writing about, not every entry that brushes against it.
const (
	// strayEvidence is the evidence an entry may stray below: one term in
	// a cause (1.0), with nothing else to back it.
	strayEvidence = 1.2
	// strayLikeness is how alike an entry must be to the rest of its theme,
	// as a share of the median entry's likeness, not to stray.
	strayLikeness = 0.85
	// strayMinSize is the fewest entries a theme needs before any can
	// stray: in fewer, no entry is typical.
	strayMinSize = 6
)

// dropStrays takes the strays out of each draft, units being the entries'
// vectors (nil outside the journal sizes likeness works in, where nothing
// is taken out). The person's own words for a theme keep every entry they
// find.
func dropStrays(c *corpus, units [][]feature, drafts []*draft) {
	if units == nil {
		return
	}
	sum := make([]float64, len(c.stems))
	var likeness, sorted []float64
	for _, d := range drafts {
		if len(d.members) < strayMinSize || strings.HasPrefix(d.patternID, keyOwn) {
			continue
		}
		sumUnits(sum, units, d.memberEntries)
		sq := squaredLength(sum)
		// Each entry's likeness is its cosine with the sum of the others.
		likeness = likeness[:0]
		for _, m := range d.members {
			var dot float64
			for _, f := range units[m.entry] {
				dot += sum[f.id] * f.weight
			}
			likeness = append(likeness, (dot-1)/math.Sqrt(max(sq-2*dot+1, 1e-12)))
		}
		sorted = append(sorted[:0], likeness...)
		slices.Sort(sorted)
		typical := sorted[len(sorted)/2]
		if typical <= 0 {
			continue
		}
		i := 0
		d.members = slices.DeleteFunc(d.members, func(m member) bool {
			stray := likeness[i] < strayLikeness*typical && d.evidence(c, m) < strayEvidence && !d.opensWith(c, m)
			if stray {
				d.strays = append(d.strays, m.entry)
			}
			i++
			return stray
		})
	}
}

// evidence is what m's distinct terms count for, each by the field it was
// written in, a hint at hintWorth. A term in the title counts again in the
// answers: an entry titled with the theme is about it.
func (d *draft) evidence(c *corpus, m member) float32 {
	var counted [8]int32
	seen := counted[:0]
	var sum float32
	for _, h := range d.hitsOf(m) {
		key := h.term
		if c.fields[h.field].part == partTitle {
			key = -1 - h.term
		}
		if slices.Contains(seen, key) {
			continue
		}
		seen = append(seen, key)
		sum += worthIn(c.fields[h.field], d.isHint(int(h.term)) == 1)
	}
	return sum
}

// opensWith says whether m's cause or patterns answer opens with the name
// of d's person ("Leo had tryouts today…", "– Leo's team went…"): such an
// entry is about them, however unlike the rest its other words are, where
// a name in passing is not.
func (d *draft) opensWith(c *corpus, m member) bool {
	if d.source != SourceName {
		return false
	}
	for _, h := range d.hitsOf(m) {
		if c.fields[h.field].cause && d.isName(h.term) && !strings.ContainsFunc(c.fieldText(h.field)[:h.first], isWordRune) {
			return true
		}
	}
	return false
}
