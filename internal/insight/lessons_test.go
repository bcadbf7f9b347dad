package insight

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/failup/failup/internal/journal"
)

func lessonEntries() []journal.Entry {
	differently := func(text string) []journal.Answer {
		return []journal.Answer{{Key: journal.KeyDifferently, Text: text}}
	}
	return []journal.Entry{
		{ID: 4, UID: "d", OccurredOn: "2026-03-20", Title: "Four", Lesson: "Ask early.", Answers: differently("Ping Ola."), Tags: []string{"work"}},
		{ID: 3, UID: "c", OccurredOn: "2026-03-02", Title: "Three", Answers: differently("Sleep first.")},
		{ID: 2, UID: "b", OccurredOn: "2026-02-11", Title: "Two"},
		{ID: 1, UID: "a", OccurredOn: "2026-01-05", Title: "One", Lesson: "Size the work."},
	}
}

func TestLessons(t *testing.T) {
	lessons := Lessons(lessonEntries())
	var ids []int64
	for _, l := range lessons {
		ids = append(ids, l.ID)
	}
	if !slices.Equal(ids, []int64{4, 3, 1}) {
		t.Errorf("lesson ids = %v; want 4 3 1: in the order given, without the entry that taught nothing written", ids)
	}
	if got := lessons[1].Text(); got != "Sleep first." {
		t.Errorf("Text() without a lesson = %q; want the do-differently answer", got)
	}
	data, err := json.Marshal(lessons[1])
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":3,"uid":"c","occurred_on":"2026-03-02","title":"Three","lesson":"","differently":"Sleep first.","tags":[]}`
	if string(data) != want {
		t.Errorf("lesson JSON\n got %s\nwant %s", data, want)
	}
	if got := Lessons(nil); got == nil {
		t.Error("Lessons(nil) = nil; want an empty list, for JSON []")
	}
}

func TestLessonsByTheme(t *testing.T) {
	report := Report{Themes: []Theme{
		{Label: "running on empty", Entries: []int64{3}},
		{Label: "nothing written", Entries: []int64{2}},
		{Label: "trying to do it all alone", Entries: []int64{1, 4}},
	}}
	got := groupSummary(LessonsByTheme(Lessons(lessonEntries()), report))
	want := []string{"running on empty: 3", "trying to do it all alone: 4 1"}
	if !slices.Equal(got, want) {
		t.Errorf("groups = %v; want %v", got, want)
	}
	report.Themes = report.Themes[:1]
	got = groupSummary(LessonsByTheme(Lessons(lessonEntries()), report))
	want = []string{"running on empty: 3", OtherLessons + ": 4 1"}
	if !slices.Equal(got, want) {
		t.Errorf("groups = %v; want %v", got, want)
	}
}

func groupSummary(groups []LessonGroup) []string {
	var out []string
	for _, g := range groups {
		s := g.Title + ":"
		for _, l := range g.Lessons {
			s += " " + string(rune('0'+l.ID))
		}
		out = append(out, s)
	}
	return out
}
