package growth

import (
	"sort"

	"github.com/failup/failup/internal/journal"
)

// The screens still compute statistics over every entry while they move to
// the tallies that Summarize reads; this goes once they have.

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
	st.Confidence = Confidence{AtReflection: meanOf(before), AtCheckIn: meanOf(after), Pairs: len(change), AverageChange: meanOf(change)}
	st.MedianDaysToTryAgain = medianOf(days)
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

func meanOf(xs []float64) *float64 {
	if len(xs) == 0 {
		return nil
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return ratio(sum, float64(len(xs)))
}

func medianOf(xs []float64) *float64 {
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
