package insight

import (
	"cmp"
	"slices"
)

// theme turns a draft into what the report shows. It sorts the draft's
// members by date, and their hits by place.
func (d *draft) theme(c *corpus, window trendWindow, months []string) Theme {
	members := d.members
	slices.SortStableFunc(members, func(a, b member) int {
		ea, eb := &c.entries[a.entry], &c.entries[b.entry]
		return cmp.Or(cmp.Compare(ea.OccurredOn, eb.OccurredOn), cmp.Compare(ea.ID, eb.ID))
	})
	d.spell(c)
	t := Theme{
		Label:     d.label,
		Terms:     d.shownTerms(),
		Entries:   make([]int64, len(members)),
		Count:     len(members),
		Source:    d.source,
		PatternID: d.patternID,
		Key:       d.key,
		Evidence:  make([]Evidence, len(members)),
		Monthly:   make([]int, len(months)),
	}
	var recent, earlier int
	for i, m := range members {
		e := &c.entries[m.entry]
		t.Entries[i] = e.ID
		t.Evidence[i] = Evidence{EntryID: e.ID, UID: e.UID, Hits: d.hitsIn(c, m)}
		if window.isRecent(e.OccurredOn) {
			recent++
		} else {
			earlier++
		}
		if k := slices.Index(months, monthOf(e.OccurredOn)); k >= 0 {
			t.Monthly[k]++
		}
	}
	t.FirstSeen = c.entries[members[0].entry].OccurredOn
	t.LastSeen = c.entries[members[len(members)-1].entry].OccurredOn
	t.Trend = window.trend(recent, earlier)
	return t
}

// maxHits is how many hits an entry's evidence shows: enough to see why it
// belongs, without keeping every repeat of a word in a long entry.
const maxHits = 6

// hitsIn gives the byte spans of m's first hits in reading order, leaving
// out any that lies inside another ("Friday" inside "Friday afternoon").
func (d *draft) hitsIn(c *corpus, m member) []Hit {
	sorted := d.hitsOf(m)
	slices.SortFunc(sorted, func(a, b hit) int {
		return cmp.Or(cmp.Compare(a.field, b.field), cmp.Compare(a.first, b.first), cmp.Compare(b.last, a.last))
	})
	hits := make([]Hit, 0, min(len(sorted), maxHits))
	var kept hit
	for i, h := range sorted {
		if len(hits) == maxHits {
			break
		}
		if i > 0 && h.field == kept.field && h.last <= kept.last {
			continue
		}
		kept = h
		end := wordEnd(c.fieldText(h.field), int(h.last))
		hits = append(hits, Hit{Field: c.fieldName(h.field), Start: int(h.first), End: end, Term: d.spelled[h.term]})
	}
	return hits
}
