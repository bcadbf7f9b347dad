package export

import (
	"bytes"
	"iter"
	"slices"
	"strings"
	"testing"

	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

// planEntries is a journal newest first, with ids, some lessons under a
// theme, one only by its words, and entries with nothing to show.
func planEntries() []journal.Entry {
	entries := append(followUps(), tricky(), launch(), minimal())
	for i := range entries {
		entries[i].ID = int64(100 - i)
	}
	slices.SortStableFunc(entries, func(a, b journal.Entry) int { return strings.Compare(string(b.OccurredOn), string(a.OccurredOn)) })
	return entries
}

func byID(entries []journal.Entry) func([]int64) iter.Seq2[journal.Entry, error] {
	return func(ids []int64) iter.Seq2[journal.Entry, error] {
		return func(yield func(journal.Entry, error) bool) {
			for _, id := range ids {
				i := slices.IndexFunc(entries, func(e journal.Entry) bool { return e.ID == id })
				if !yield(entries[i], nil) {
					return
				}
			}
		}
	}
}

// TestPlanWritesWhatTheGroupsDo: the page laid out from entries
// read one at a time is the page written from insight's groups of them.
func TestPlanWritesWhatTheGroupsDo(t *testing.T) {
	entries := planEntries()
	var failed, nerves insight.Theme
	failed.Label, failed.Entries = "saying yes to too much", []int64{entries[0].ID, entries[6].ID}
	nerves.Label, nerves.Entries = "nerves *under* pressure", []int64{entries[1].ID, entries[2].ID, entries[6].ID, entries[3].ID}
	for _, themes := range [][]insight.Theme{{failed, nerves}, {failed}, nil} {
		var groups []Group
		for _, lg := range insight.LessonsByTheme(insight.Lessons(entries), insight.Report{Themes: themes}) {
			g := Group{Label: lg.Title}
			for _, l := range lg.Lessons {
				g.Entries = append(g.Entries, entries[slices.IndexFunc(entries, func(e journal.Entry) bool { return e.ID == l.ID })])
			}
			groups = append(groups, g)
		}
		if len(groups) == 1 && groups[0].Label == insight.OtherLessons {
			groups[0].Label = ""
		}
		var want, got bytes.Buffer
		if err := Lessons(&want, groups, Options{Now: now}); err != nil {
			t.Fatal(err)
		}
		read, err := ReadLessons(journal.Each(entries))
		if err != nil {
			t.Fatal(err)
		}
		plan := read.Plan(themes)
		if err := LessonsFrom(&got, plan, byID(entries), Options{Now: now}); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d themes: the planned page\n%s\nthe page of the groups\n%s", len(themes), got.String(), want.String())
		}
	}
}

// TestWithinKeepsTheLayout: a plan narrowed to some days and entries keeps
// the groups' headings and order, drops those left empty, and names the
// period of what is left.
func TestWithinKeepsTheLayout(t *testing.T) {
	plan := LessonPlan{First: "2026-01-05", Last: "2026-10-12", Groups: []PlannedGroup{
		{Heading: "a", IDs: []int64{5, 4, 1}, Days: []journal.Date{"2026-10-12", "2026-06-02", "2026-01-05"}},
		{Heading: "b", IDs: []int64{3, 2}, Days: []journal.Date{"2026-09-18", "2026-03-14"}},
		{Heading: "c", IDs: []int64{1}, Days: []journal.Date{"2026-01-05"}},
	}}
	got := plan.Within("2026-03-01", "2026-09-30", nil)
	want := LessonPlan{First: "2026-03-14", Last: "2026-09-18", Groups: []PlannedGroup{
		{Heading: "a", IDs: []int64{4}, Days: []journal.Date{"2026-06-02"}},
		{Heading: "b", IDs: []int64{3, 2}, Days: []journal.Date{"2026-09-18", "2026-03-14"}},
	}}
	if !equalPlans(got, want) {
		t.Errorf("Within the days = %+v; want %+v", got, want)
	}
	got = plan.Within("", "", func(id int64) bool { return id == 1 })
	want = LessonPlan{First: "2026-01-05", Last: "2026-01-05", Groups: []PlannedGroup{
		{Heading: "a", IDs: []int64{1}, Days: []journal.Date{"2026-01-05"}},
		{Heading: "c", IDs: []int64{1}, Days: []journal.Date{"2026-01-05"}},
	}}
	if !equalPlans(got, want) {
		t.Errorf("Within the entries kept = %+v; want %+v", got, want)
	}
}

func equalPlans(a, b LessonPlan) bool {
	return a.First == b.First && a.Last == b.Last && slices.EqualFunc(a.Groups, b.Groups, func(x, y PlannedGroup) bool {
		return x.Heading == y.Heading && slices.Equal(x.IDs, y.IDs) && slices.Equal(x.Days, y.Days)
	})
}
