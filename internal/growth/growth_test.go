package growth

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

func ptr[T any](v T) *T { return &v }

func at(d journal.Date) *time.Time {
	t := d.Time().Add(10 * time.Hour)
	return &t
}

func TestCompute(t *testing.T) {
	today := journal.Date("2026-03-20")
	entries := []journal.Entry{
		{UID: "a", OccurredOn: "2026-01-05", Confidence: ptr(3), Skills: []journal.Skill{"resilience"},
			Followup: &journal.Followup{DueOn: "2026-01-19", CheckedInAt: at("2026-01-15"), TriedAgain: ptr(true), ConfidenceAfter: ptr(6)}},
		{UID: "b", OccurredOn: "2026-01-20", Confidence: ptr(5), Skills: []journal.Skill{"resilience", "judgement"}, FollowsUID: "a",
			Followup: &journal.Followup{DueOn: "2026-02-01", CheckedInAt: at("2026-02-09"), TriedAgain: ptr(true), ConfidenceAfter: ptr(8)}},
		{UID: "c", OccurredOn: "2026-02-10",
			Followup: &journal.Followup{DueOn: "2026-02-24", CheckedInAt: at("2026-02-24"), TriedAgain: ptr(false)}},
		{UID: "d", OccurredOn: "2026-03-01", Followup: &journal.Followup{DueOn: "2026-03-10"}},
		{UID: "e", OccurredOn: "2026-03-02", Followup: &journal.Followup{DueOn: "2026-03-30"}},
		{UID: "f", OccurredOn: "2026-03-03", Followup: &journal.Followup{DueOn: "2026-03-09", DroppedAt: at("2026-03-12")}},
		{UID: "g", OccurredOn: "2026-03-04"},
	}
	st := Compute(entries, today)
	ft := st.FollowThrough
	if ft.Commitments != 6 || ft.Asked != 5 || ft.TriedAgain != 2 || ft.NotTried != 1 || ft.SetAside != 1 || ft.Waiting != 1 || ft.Upcoming != 1 {
		t.Fatalf("follow-through %+v", ft)
	}
	if *ft.Rate != 0.4 {
		t.Errorf("rate %v", *ft.Rate)
	}
	if *st.Confidence.AtReflection != 4 || *st.Confidence.AtCheckIn != 7 || st.Confidence.Pairs != 2 || *st.Confidence.AverageChange != 3 {
		t.Errorf("confidence %+v", st.Confidence)
	}
	// Tried again 10 and 20 days after the setbacks.
	if st.MedianDaysToTryAgain == nil || *st.MedianDaysToTryAgain != 15 {
		t.Errorf("median days %v", st.MedianDaysToTryAgain)
	}
	if len(st.ByMonth) != 3 || st.ByMonth[0] != (MonthCount{"2026-01", 2}) || st.ByMonth[2] != (MonthCount{"2026-03", 4}) {
		t.Errorf("by month %+v", st.ByMonth)
	}
	if st.Skills[0] != (SkillCount{"resilience", 2}) || st.FirstOn != "2026-01-05" || st.LastOn != "2026-03-04" || st.Chains != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestComputeEmptyIsValidJSON(t *testing.T) {
	st := Compute(nil, "2026-03-20")
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"entries":0,"first_on":null,"last_on":null,"by_month":[],"follow_through":{"commitments":0,"asked":0,"tried_again":0,"not_tried":0,"set_aside":0,"waiting":0,"upcoming":0,"rate":null},"confidence":{"at_reflection":null,"at_check_in":null,"pairs":0,"average_change":null},"median_days_to_try_again":null,"skills":[],"chains":0,"patterns":[]}`
	if string(b) != want {
		t.Errorf("empty stats:\n%s\nwant\n%s", b, want)
	}
}

func TestChains(t *testing.T) {
	entries := []journal.Entry{
		{UID: "x", OccurredOn: "2026-01-01"},
		{UID: "a", OccurredOn: "2026-01-02"},
		{UID: "b", OccurredOn: "2026-02-01", FollowsUID: "a"},
		{UID: "c", OccurredOn: "2026-03-01", FollowsUID: "b"},
		{UID: "p", OccurredOn: "2026-01-05"},
		{UID: "q", OccurredOn: "2026-04-01", FollowsUID: "p"},
		{UID: "orphan", OccurredOn: "2026-01-05", FollowsUID: "deleted"},
	}
	chains := Chains(entries)
	if len(chains) != 2 {
		t.Fatalf("%d chains", len(chains))
	}
	if len(chains[0]) != 2 || chains[0][0].UID != "p" || chains[0][1].UID != "q" {
		t.Errorf("newest chain first: %+v", chains[0])
	}
	if len(chains[1]) != 3 || chains[1][2].UID != "c" {
		t.Errorf("long chain %+v", chains[1])
	}
}
