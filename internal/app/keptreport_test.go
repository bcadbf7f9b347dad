package app

import (
	"reflect"
	"testing"

	"github.com/failup/failup/internal/insight"
)

func TestKeptReportRoundTripsAndRefusesDamage(t *testing.T) {
	r := insight.Report{EntriesAnalyzed: 3, Months: []string{"2026-10", "2026-11"}, Themes: []insight.Theme{
		{Label: "saying yes", Terms: []string{"said yes"}, Entries: []int64{1, 3}, Count: 2, Monthly: []int{1, 1},
			Evidence: []insight.Evidence{
				{EntryID: 1, UID: "u1", Hits: []insight.Hit{{Field: "cause", Start: 2, End: 10, Term: "said yes"}}},
				{EntryID: 3, UID: "u3", Hits: []insight.Hit{}},
			}},
		{Label: "Marcus", Entries: []int64{2}, Count: 1, Evidence: []insight.Evidence{{EntryID: 2, UID: "u1"}}},
		{Label: "no evidence"},
	}}
	body, err := encodeReport(r)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeReport(body)
	if err != nil || !reflect.DeepEqual(got, r) {
		t.Fatalf("round trip: %v\n%+v\nwant\n%+v", err, got, r)
	}
	for n := range len(body) {
		if _, err := decodeReport(body[:n]); err == nil {
			t.Fatalf("a report cut to %d of %d bytes was read", n, len(body))
		}
	}
	if _, err := decodeReport(append(body, 0)); err == nil {
		t.Fatal("a report with a byte too many was read")
	}
}
