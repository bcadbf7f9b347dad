// Package growth measures what the article calls the point of failing well:
// trying again. Follow-through on commitments, confidence at the time and at
// the check-in, how long it takes to try again, and chains of attempts. It is
// pure: functions over a journal's tallies and entries, no I/O. There are no streaks: setbacks
// are not a daily habit, and a broken streak should never make anyone feel worse.
package growth

import (
	"fmt"
	"sort"
	"time"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

// Stats is what stats --json prints. MedianDaysFrom is how many times of
// trying again MedianDaysToTryAgain is the median of.
type Stats struct {
	Entries              int            `json:"entries"`
	FirstOn              journal.Date   `json:"first_on"`
	LastOn               journal.Date   `json:"last_on"`
	ByMonth              []MonthCount   `json:"by_month"`
	FollowThrough        FollowThrough  `json:"follow_through"`
	Confidence           Confidence     `json:"confidence"`
	MedianDaysToTryAgain *float64       `json:"median_days_to_try_again"`
	MedianDaysFrom       int            `json:"median_days_from"`
	Skills               []SkillCount   `json:"skills"`
	Chains               int            `json:"chains"`
	Patterns             []PatternCount `json:"patterns"`
}

// MonthCount is how many setbacks happened in a month ("2026-03").
type MonthCount struct {
	Month string `json:"month"`
	Count int    `json:"count"`
}

// Month is one calendar month, from its first day, and how many setbacks
// happened in it.
type Month struct {
	Start time.Time
	Count int
}

// LastYear is the last twelve months, up to now's, oldest first, each with
// its count (zero for a month without a setback), and the words that name
// them: "January 2026 to December 2026". A journal begun within the year
// starts at its first setback's month, not with empty months from before it.
func (st Stats) LastYear(now time.Time) (months []Month, span string) {
	counts := make(map[string]int, len(st.ByMonth))
	for _, m := range st.ByMonth {
		counts[m.Month] = m.Count
	}
	last := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	first := last.AddDate(0, -11, 0)
	if began := st.FirstOn.Time(); !began.IsZero() {
		began = time.Date(began.Year(), began.Month(), 1, 0, 0, 0, 0, time.UTC)
		switch {
		case began.After(last): // a setback dated after today's month: today's alone
			first = last
		case began.After(first):
			first = began
		}
	}
	for start := first; !start.After(last); start = start.AddDate(0, 1, 0) {
		months = append(months, Month{Start: start, Count: counts[start.Format("2006-01")]})
	}
	if first.Equal(last) {
		return months, last.Format("January 2006")
	}
	return months, first.Format("January 2006") + " to " + last.Format("January 2006")
}

// SkillCount is how many entries exercised a skill.
type SkillCount struct {
	Skill journal.Skill `json:"skill"`
	Count int           `json:"count"`
}

// PatternCount is a recurring pattern and how many entries show it; the
// caller fills it from the pattern engine.
type PatternCount struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

// FollowThrough counts commitments by where they stand. Rate is tried-again
// over the commitments checked in on, yes or no (decided), or null before
// any is: one set aside or still waiting is not a failure to try.
type FollowThrough struct {
	Commitments int      `json:"commitments"`
	Asked       int      `json:"asked"`
	Decided     int      `json:"decided"`
	TriedAgain  int      `json:"tried_again"`
	NotTried    int      `json:"not_tried"`
	SetAside    int      `json:"set_aside"`
	Waiting     int      `json:"waiting"`
	Upcoming    int      `json:"upcoming"`
	Rate        *float64 `json:"rate"`
}

// NotTriedAgain counts the commitments not tried again, those yet to come
// first and the ones not tried last, leaving out what none are ("1 coming
// up", "2 not this time"); waiting says how those waiting to hear how it
// went are called.
func (ft FollowThrough) NotTriedAgain(waiting string) []string {
	var out []string
	for _, c := range []struct {
		n    int
		what string
	}{
		{ft.Upcoming, "coming up"},
		{ft.Waiting, waiting},
		{ft.SetAside, "set aside"},
		{ft.NotTried, "not this time"},
	} {
		if c.n > 0 {
			out = append(out, fmt.Sprintf("%d %s", c.n, c.what))
		}
	}
	return out
}

// Confidence compares confidence when reflecting with confidence at the
// check-in, over the entries that have both (Pairs). ReflectionRatings and
// CheckInRatings are how many ratings each average is of.
type Confidence struct {
	AtReflection      *float64 `json:"at_reflection"`
	ReflectionRatings int      `json:"reflection_ratings"`
	AtCheckIn         *float64 `json:"at_check_in"`
	CheckInRatings    int      `json:"check_in_ratings"`
	Pairs             int      `json:"pairs"`
	AverageChange     *float64 `json:"average_change"`
}

// Typical reports whether a figure from n values may be given as an average
// or as what is typical without saying how few it is from. From one or two
// it may not: "-1.0 on average" of one commitment says more than is known,
// so the front-ends say what it is from ("on the one commitment").
func Typical(n int) bool { return n >= 3 }

// TryingAgain says how long it took to try again after a setback, as the
// Growth screen and stats both put it: the median of st.MedianDaysFrom
// times, or, of one or two, what those were; "" when nobody has yet.
func (st Stats) TryingAgain() string {
	if st.MedianDaysToTryAgain == nil {
		return ""
	}
	median := *st.MedianDaysToTryAgain
	after := termtext.Days(median) + " after the setback"
	sameDay := termtext.Days(median) == termtext.Days(0)
	if sameDay {
		after = "the same day as the setback"
	}
	switch n := st.MedianDaysFrom; {
	case n == 1:
		return "you tried again once so far, " + after
	case !Typical(n) && sameDay:
		return "you tried again twice so far, both times " + after
	case !Typical(n):
		return "you tried again twice so far, " + after + " on average"
	}
	return "typically " + termtext.Days(median) + " from a setback to trying again"
}

// Summarize makes the statistics of a journal from its tallies.
func Summarize(t journal.Tallies) Stats {
	st := Stats{FirstOn: t.FirstOn, LastOn: t.LastOn, ByMonth: []MonthCount{}, Skills: []SkillCount{}, Patterns: []PatternCount{}, Chains: t.Chains}
	for _, m := range t.Months {
		st.ByMonth = append(st.ByMonth, MonthCount{Month: m.Key, Count: m.N})
		st.Entries += m.N
	}
	skills := map[string]int{}
	for _, sk := range t.Skills {
		skills[sk.Key] = sk.N
	}
	for _, sk := range journal.Skills {
		if n := skills[string(sk)]; n > 0 {
			st.Skills = append(st.Skills, SkillCount{Skill: sk, Count: n})
		}
	}
	sort.SliceStable(st.Skills, func(i, j int) bool { return st.Skills[i].Count > st.Skills[j].Count })
	ft := &st.FollowThrough
	ft.TriedAgain, ft.NotTried, ft.SetAside, ft.Waiting, ft.Upcoming = t.TriedAgain, t.NotTried, t.SetAside, t.Waiting, t.Upcoming
	ft.Asked = ft.TriedAgain + ft.NotTried + ft.SetAside + ft.Waiting
	ft.Commitments = ft.Asked + ft.Upcoming
	ft.Decided = ft.TriedAgain + ft.NotTried
	if ft.Decided > 0 {
		ft.Rate = ratio(float64(ft.TriedAgain), float64(ft.Decided))
	}
	st.Confidence = Confidence{AtReflection: mean(t.Confidence), ReflectionRatings: total(t.Confidence),
		AtCheckIn: mean(t.ConfidenceAfter), CheckInRatings: total(t.ConfidenceAfter),
		Pairs: total(t.ConfidenceChange), AverageChange: mean(t.ConfidenceChange)}
	st.MedianDaysToTryAgain, st.MedianDaysFrom = median(t.DaysToTryAgain), total(t.DaysToTryAgain)
	return st
}

func ratio(a, b float64) *float64 {
	r := a / b
	return &r
}

// total is how many values bins count.
func total(bins []journal.Bin) int {
	n := 0
	for _, b := range bins {
		n += b.N
	}
	return n
}

// mean is the mean of the values bins count, or nil when they count none.
// The sum is of whole numbers, so it is exact.
func mean(bins []journal.Bin) *float64 {
	sum := 0
	for _, b := range bins {
		sum += b.Value * b.N
	}
	if n := total(bins); n > 0 {
		return ratio(float64(sum), float64(n))
	}
	return nil
}

// median is the median of the values bins (in order) count, or nil when
// they count none.
func median(bins []journal.Bin) *float64 {
	n := total(bins)
	if n == 0 {
		return nil
	}
	nth := func(i int) float64 { // the value at index i of the values in order
		var b journal.Bin
		for _, b = range bins {
			if i < b.N {
				break
			}
			i -= b.N
		}
		return float64(b.Value)
	}
	m := nth(n / 2)
	if n%2 == 0 {
		m = (nth(n/2-1) + m) / 2
	}
	return &m
}

// Chain is a run of attempts: an entry, then each reflection written as a
// follow-on to the one before, oldest first.
type Chain []journal.Entry

// Chains finds every chain of two or more attempts, most recent first.
func Chains(entries []journal.Entry) []Chain {
	byUID := make(map[string]journal.Entry, len(entries))
	next := map[string]journal.Entry{}
	for _, e := range entries {
		byUID[e.UID] = e
		if e.FollowsUID != "" {
			next[e.FollowsUID] = e
		}
	}
	var chains []Chain
	for _, e := range entries {
		if _, continues := byUID[e.FollowsUID]; continues || next[e.UID].UID == "" {
			continue // not the start of a chain
		}
		chain := Chain{e}
		seen := map[string]bool{e.UID: true}
		for n, ok := next[e.UID]; ok && !seen[n.UID]; n, ok = next[n.UID] {
			seen[n.UID] = true
			chain = append(chain, n)
		}
		chains = append(chains, chain)
	}
	sort.Slice(chains, func(i, j int) bool {
		return chains[i][len(chains[i])-1].OccurredOn > chains[j][len(chains[j])-1].OccurredOn
	})
	return chains
}
