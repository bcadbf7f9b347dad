// Package growth measures what the article calls the point of failing well:
// trying again. Follow-through on commitments, confidence at the time and at
// the check-in, how long it takes to try again, and chains of attempts. It is
// pure: functions over journal entries, no I/O. There are no streaks: setbacks
// are not a daily habit, and a broken streak should never make anyone feel worse.
package growth

import (
	"sort"

	"github.com/failup/failup/internal/journal"
)

// Stats is what stats --json prints.
type Stats struct {
	Entries              int            `json:"entries"`
	FirstOn              journal.Date   `json:"first_on"`
	LastOn               journal.Date   `json:"last_on"`
	ByMonth              []MonthCount   `json:"by_month"`
	FollowThrough        FollowThrough  `json:"follow_through"`
	Confidence           Confidence     `json:"confidence"`
	MedianDaysToTryAgain *float64       `json:"median_days_to_try_again"`
	Skills               []SkillCount   `json:"skills"`
	Chains               int            `json:"chains"`
	Patterns             []PatternCount `json:"patterns"`
}

// MonthCount is how many setbacks happened in a month ("2026-03").
type MonthCount struct {
	Month string `json:"month"`
	Count int    `json:"count"`
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
// over the commitments whose day has come (asked), or null before any has.
type FollowThrough struct {
	Commitments int      `json:"commitments"`
	Asked       int      `json:"asked"`
	TriedAgain  int      `json:"tried_again"`
	NotTried    int      `json:"not_tried"`
	SetAside    int      `json:"set_aside"`
	Waiting     int      `json:"waiting"`
	Upcoming    int      `json:"upcoming"`
	Rate        *float64 `json:"rate"`
}

// Confidence compares confidence when reflecting with confidence at the
// check-in, over the entries that have both.
type Confidence struct {
	AtReflection  *float64 `json:"at_reflection"`
	AtCheckIn     *float64 `json:"at_check_in"`
	Pairs         int      `json:"pairs"`
	AverageChange *float64 `json:"average_change"`
}

// Compute summarises entries as of today.
func Compute(entries []journal.Entry, today journal.Date) Stats {
	st := Stats{Entries: len(entries), ByMonth: []MonthCount{}, Skills: []SkillCount{}, Patterns: []PatternCount{}}
	months := map[string]int{}
	skills := map[journal.Skill]int{}
	var before, after, change, days []float64
	for _, e := range entries {
		if st.FirstOn == "" || e.OccurredOn < st.FirstOn {
			st.FirstOn = e.OccurredOn
		}
		if e.OccurredOn > st.LastOn {
			st.LastOn = e.OccurredOn
		}
		months[string(e.OccurredOn)[:7]]++
		for _, s := range e.Skills {
			skills[s]++
		}
		if e.Confidence != nil {
			before = append(before, float64(*e.Confidence))
		}
		f := e.Followup
		if f == nil {
			continue
		}
		st.FollowThrough.add(*f, today)
		if f.ConfidenceAfter != nil {
			after = append(after, float64(*f.ConfidenceAfter))
			if e.Confidence != nil {
				change = append(change, float64(*f.ConfidenceAfter-*e.Confidence))
			}
		}
		if f.CheckedInAt != nil && f.TriedAgain != nil && *f.TriedAgain {
			days = append(days, float64(max(e.OccurredOn.DaysUntil(journal.DateOf(*f.CheckedInAt)), 0)))
		}
	}
	for m, n := range months {
		st.ByMonth = append(st.ByMonth, MonthCount{m, n})
	}
	sort.Slice(st.ByMonth, func(i, j int) bool { return st.ByMonth[i].Month < st.ByMonth[j].Month })
	for _, s := range journal.Skills {
		if skills[s] > 0 {
			st.Skills = append(st.Skills, SkillCount{s, skills[s]})
		}
	}
	sort.SliceStable(st.Skills, func(i, j int) bool { return st.Skills[i].Count > st.Skills[j].Count })
	if ft := &st.FollowThrough; ft.Asked > 0 {
		ft.Rate = ratio(float64(ft.TriedAgain), float64(ft.Asked))
	}
	st.Confidence = Confidence{AtReflection: mean(before), AtCheckIn: mean(after), Pairs: len(change), AverageChange: mean(change)}
	st.MedianDaysToTryAgain = median(days)
	st.Chains = len(Chains(entries))
	return st
}

func (ft *FollowThrough) add(f journal.Followup, today journal.Date) {
	ft.Commitments++
	switch f.Status(today) {
	case journal.StatusUpcoming:
		ft.Upcoming++
		return
	case journal.StatusDue, journal.StatusOverdue:
		ft.Waiting++
	case journal.StatusDropped:
		ft.SetAside++
	case journal.StatusDone:
		if f.TriedAgain != nil && *f.TriedAgain {
			ft.TriedAgain++
		} else {
			ft.NotTried++
		}
	}
	ft.Asked++
}

func ratio(a, b float64) *float64 {
	r := a / b
	return &r
}

func mean(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return ratio(sum, float64(len(xs)))
}

func median(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	sort.Float64s(xs)
	m := xs[len(xs)/2]
	if len(xs)%2 == 0 {
		m = (xs[len(xs)/2-1] + m) / 2
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
