package export

import (
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

// ByTheme groups entries under the recurring patterns of r, in the report's
// order; an entry goes under every theme it shows, and entries that show none
// go last, under insight.OtherLessons. With no theme to tell them from, they
// are one group with no label.
func ByTheme(entries []journal.Entry, r insight.Report) []Group {
	byID := make(map[int64]journal.Entry, len(entries))
	for _, e := range entries {
		byID[e.ID] = e
	}
	var groups []Group
	for _, lg := range insight.LessonsByTheme(insight.Lessons(entries), r) {
		g := Group{Label: lg.Title}
		for _, l := range lg.Lessons {
			g.Entries = append(g.Entries, byID[l.ID])
		}
		groups = append(groups, g)
	}
	if len(groups) == 1 && groups[0].Label == insight.OtherLessons {
		groups[0].Label = ""
	}
	return groups
}
