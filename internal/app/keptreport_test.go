package app

import (
	"reflect"
	"testing"

	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

func TestKeptReportRoundTripsInPartsAndRefusesDamage(t *testing.T) {
	r := insight.Report{EntriesAnalyzed: 3, Months: []string{"2026-10", "2026-11"}, Themes: []insight.Theme{
		{Label: "saying yes", Key: "pattern:yes", Terms: []string{"said yes"}, Entries: []int64{1, 3}, Count: 2, Monthly: []int{1, 1},
			Evidence: []insight.Evidence{
				{EntryID: 1, UID: "u1", Hits: []insight.Hit{{Field: "cause", Start: 2, End: 10, Term: "said yes"}}},
				{EntryID: 3, UID: "u3", Hits: []insight.Hit{}},
			}},
		{Label: "Marcus", Entries: []int64{2}, Count: 1, Evidence: []insight.Evidence{{EntryID: 2, UID: "u1"}}},
		{Label: "no evidence"},
	}}
	parts, err := encodeKept(r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeSummary(parts[keptSummary])
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range got.Themes {
		if th.Entries != nil || th.Evidence != nil {
			t.Fatalf("the summary holds a theme's entries or evidence: %+v", th)
		}
	}
	ids, err := decodeEntries(parts[keptEntries])
	if err != nil {
		t.Fatal(err)
	}
	for i := range got.Themes {
		got.Themes[i].Entries = ids[i]
		if got.Themes[i].Evidence, err = decodeEvidence(parts[keptEvidence(i)]); err != nil {
			t.Fatal(err)
		}
	}
	if !reflect.DeepEqual(got, r) {
		t.Fatalf("round trip:\n%+v\nwant\n%+v", got, r)
	}
	for only := range got.Themes {
		one, err := decodeEntriesOf(parts[keptEntries], only)
		if err != nil || len(one) != len(ids) {
			t.Fatalf("theme %d alone: %d themes, %v", only, len(one), err)
		}
		for i := range one {
			if want := ids[i]; i != only && one[i] != nil || i == only && !reflect.DeepEqual(one[i], want) {
				t.Fatalf("theme %d alone: theme %d read as %v", only, i, one[i])
			}
		}
	}
	if len(parts) != 2+len(r.Themes) {
		t.Fatalf("kept in %d parts, want %d", len(parts), 2+len(r.Themes))
	}
	damaged := func(name string, read func([]byte) error) {
		body := parts[name]
		for n := range len(body) {
			if read(body[:n]) == nil {
				t.Fatalf("%s cut to %d of %d bytes was read", name, n, len(body))
			}
		}
		if read(append(body[:len(body):len(body)], 0)) == nil {
			t.Fatalf("%s with a byte too many was read", name)
		}
	}
	damaged(keptEntries, func(b []byte) error { _, err := decodeEntries(b); return err })
	damaged(keptEntries, func(b []byte) error { _, err := decodeEntriesOf(b, len(r.Themes)-1); return err })
	damaged(keptEvidence(0), func(b []byte) error { _, err := decodeEvidence(b); return err })
}

func TestKeptLessonPlanRoundTripsAndRefusesDamage(t *testing.T) {
	plan := LessonPlan{First: "2026-01-05", Last: "2026-11-02", Groups: []export.PlannedGroup{
		{Heading: "saying yes", IDs: []int64{9, 4, 7}, Days: []journal.Date{"2026-11-02", "2026-03-14", "2026-03-14"}},
		{Heading: "Other lessons", IDs: []int64{1}, Days: []journal.Date{"2026-01-05"}},
		{Heading: "", IDs: []int64{}, Days: []journal.Date{}},
	}}
	body := encodePlan(plan)
	got, err := decodePlan(body)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, plan) {
		t.Fatalf("round trip:\n%+v\nwant\n%+v", got, plan)
	}
	for n := range len(body) {
		if _, err := decodePlan(body[:n]); err == nil {
			t.Fatalf("the layout cut to %d of %d bytes was read", n, len(body))
		}
	}
	if _, err := decodePlan(append(body, 0)); err == nil {
		t.Fatal("the layout with a byte too many was read")
	}
}
