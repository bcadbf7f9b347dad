package growth

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

func ptr[T any](v T) *T { return &v }

func at(d journal.Date) *time.Time {
	t := d.Time().Add(10 * time.Hour)
	return &t
}

func TestSummarize(t *testing.T) {
	st := Summarize(journal.Tallies{
		FirstOn: "2026-01-05", LastOn: "2026-03-04",
		Months:     []journal.Tally{{Key: "2026-01", N: 2}, {Key: "2026-02", N: 1}, {Key: "2026-03", N: 4}},
		Skills:     []journal.Tally{{Key: "judgement", N: 1}, {Key: "resilience", N: 2}},
		TriedAgain: 2, NotTried: 1, SetAside: 1, Waiting: 1, Upcoming: 1,
		Confidence:       []journal.Bin{{Value: 3, N: 1}, {Value: 5, N: 1}},
		ConfidenceAfter:  []journal.Bin{{Value: 6, N: 1}, {Value: 8, N: 1}},
		ConfidenceChange: []journal.Bin{{Value: 3, N: 2}},
		DaysToTryAgain:   []journal.Bin{{Value: 10, N: 1}, {Value: 20, N: 1}},
		Chains:           1,
	})
	ft := st.FollowThrough
	if ft.Commitments != 6 || ft.Asked != 5 || ft.TriedAgain != 2 || ft.NotTried != 1 || ft.SetAside != 1 || ft.Waiting != 1 || ft.Upcoming != 1 {
		t.Fatalf("follow-through %+v", ft)
	}
	if ft.Decided != 3 || *ft.Rate != 2.0/3 {
		t.Errorf("rate %v", *ft.Rate)
	}
	if *st.Confidence.AtReflection != 4 || *st.Confidence.AtCheckIn != 7 || st.Confidence.Pairs != 2 || *st.Confidence.AverageChange != 3 {
		t.Errorf("confidence %+v", st.Confidence)
	}
	// How many values each figure is of, for the front-ends to say so when
	// that is too few to be typical.
	if c := st.Confidence; c.ReflectionRatings != 2 || c.CheckInRatings != 2 || st.MedianDaysFrom != 2 || Typical(2) || !Typical(3) {
		t.Errorf("confidence %+v, median of %d", c, st.MedianDaysFrom)
	}
	if st.MedianDaysToTryAgain == nil || *st.MedianDaysToTryAgain != 15 {
		t.Errorf("median days %v", st.MedianDaysToTryAgain)
	}
	if st.Entries != 7 || len(st.ByMonth) != 3 || st.ByMonth[0] != (MonthCount{"2026-01", 2}) || st.ByMonth[2] != (MonthCount{"2026-03", 4}) {
		t.Errorf("by month %+v", st.ByMonth)
	}
	if st.Skills[0] != (SkillCount{"resilience", 2}) || st.FirstOn != "2026-01-05" || st.LastOn != "2026-03-04" || st.Chains != 1 {
		t.Errorf("stats %+v", st)
	}
}

func TestMedianOfBins(t *testing.T) {
	for _, c := range []struct {
		bins []journal.Bin
		want float64
	}{
		{[]journal.Bin{{Value: 4, N: 1}}, 4},
		{[]journal.Bin{{Value: 1, N: 2}, {Value: 9, N: 1}}, 1},
		{[]journal.Bin{{Value: 1, N: 1}, {Value: 3, N: 2}, {Value: 10, N: 1}}, 3},
		{[]journal.Bin{{Value: 2, N: 1}, {Value: 5, N: 1}}, 3.5},
	} {
		if got := median(c.bins); got == nil || *got != c.want {
			t.Errorf("median(%v) = %v, want %v", c.bins, got, c.want)
		}
	}
	if median(nil) != nil {
		t.Error("the median of nothing is not nil")
	}
}

func TestSummarizeEmptyIsValidJSON(t *testing.T) {
	st := Summarize(journal.Tallies{})
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"entries":0,"first_on":null,"last_on":null,"by_month":[],"follow_through":{"commitments":0,"asked":0,"decided":0,"tried_again":0,"not_tried":0,"set_aside":0,"waiting":0,"upcoming":0,"rate":null},"confidence":{"at_reflection":null,"reflection_ratings":0,"at_check_in":null,"check_in_ratings":0,"pairs":0,"average_change":null},"median_days_to_try_again":null,"median_days_from":0,"skills":[],"chains":0,"patterns":[]}`
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

// A commitment set aside, or still waiting, is not a failure to try: with
// nothing checked in on there is no rate to give.
func TestSetAsideIsNotAFailureToTry(t *testing.T) {
	ft := Summarize(journal.Tallies{SetAside: 1, Waiting: 1}).FollowThrough
	if ft.Asked != 2 || ft.Decided != 0 || ft.Rate != nil {
		t.Errorf("follow-through %+v", ft)
	}
	ft = Summarize(journal.Tallies{TriedAgain: 1, SetAside: 3}).FollowThrough
	if ft.Decided != 1 || *ft.Rate != 1 {
		t.Errorf("follow-through %+v", ft)
	}
}

func TestLastYearIsTwelveMonthsUpToNow(t *testing.T) {
	st := Stats{FirstOn: "2025-09-10", ByMonth: []MonthCount{{"2025-09", 8}, {"2026-01", 2}, {"2026-11", 1}}}
	months, span := st.LastYear(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	if span != "January 2026 to December 2026" {
		t.Errorf("span %q", span)
	}
	month := func(m Month) string { return fmt.Sprint(m.Start.Format("2006-01"), " ", m.Count) }
	if len(months) != 12 || month(months[0]) != "2026-01 2" || month(months[10]) != "2026-11 1" || month(months[11]) != "2026-12 0" {
		t.Errorf("months %v; want January 2026 (2) to December 2026 (0), September 2025 left out", months)
	}
}

// A journal begun within the last year is drawn from its first month: no
// empty months from before it began, and one month is named alone.
func TestLastYearStartsWhenTheJournalBegan(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	st := Stats{FirstOn: "2026-09-05", LastOn: "2026-11-02", ByMonth: []MonthCount{{"2026-09", 3}, {"2026-11", 1}}}
	months, span := st.LastYear(now)
	if span != "September 2026 to December 2026" || len(months) != 4 || months[0].Start.Format("2006-01") != "2026-09" || months[0].Count != 3 {
		t.Errorf("months %v, span %q; want September 2026 (3) to December 2026", months, span)
	}
	st = Stats{FirstOn: "2026-12-01", LastOn: "2026-12-01", ByMonth: []MonthCount{{"2026-12", 1}}}
	if months, span := st.LastYear(now); span != "December 2026" || len(months) != 1 || months[0].Count != 1 {
		t.Errorf("months %v, span %q; want December 2026 alone", months, span)
	}
}

func TestNotTriedAgainLeavesOutWhatNoneAre(t *testing.T) {
	ft := FollowThrough{Upcoming: 1, NotTried: 2}
	if got, want := ft.NotTriedAgain("waiting"), []string{"1 coming up", "2 not this time"}; !slices.Equal(got, want) {
		t.Errorf("NotTriedAgain = %q; want %q", got, want)
	}
	if got := (FollowThrough{TriedAgain: 3}).NotTriedAgain("waiting"); len(got) != 0 {
		t.Errorf("every commitment tried again gave %q; want nothing", got)
	}
}
