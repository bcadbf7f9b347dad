package store

import (
	"context"
	"database/sql"
	"sort"
	"strconv"

	"github.com/failup/failup/internal/growth"
	"github.com/failup/failup/internal/journal"
)

// Stats is what growth.Compute makes of every entry as of today, read from
// the tallies the journal keeps (see migration 0002) and a few indexed
// counts, so it costs the same for ten entries or a hundred thousand.
func (s *Store) Stats(ctx context.Context, today journal.Date) (growth.Stats, error) {
	st := growth.Stats{ByMonth: []growth.MonthCount{}, Skills: []growth.SkillCount{}, Patterns: []growth.PatternCount{}}
	t, err := s.tallies(ctx)
	if err != nil {
		return st, err
	}
	for _, m := range t["month"] {
		st.ByMonth = append(st.ByMonth, growth.MonthCount{Month: m.key, Count: m.n})
		st.Entries += m.n
	}
	skills := map[string]int{}
	for _, sk := range t["skill"] {
		skills[sk.key] = sk.n
	}
	for _, sk := range journal.Skills {
		if n := skills[string(sk)]; n > 0 {
			st.Skills = append(st.Skills, growth.SkillCount{Skill: sk, Count: n})
		}
	}
	sort.SliceStable(st.Skills, func(i, j int) bool { return st.Skills[i].Count > st.Skills[j].Count })

	var first, last sql.NullString
	var waiting int
	if err := s.db.QueryRowContext(ctx, `SELECT (SELECT min(occurred_on) FROM entries), (SELECT max(occurred_on) FROM entries),
		(SELECT count(*) FROM followups WHERE checked_in_at IS NULL AND dropped_at IS NULL AND due_on <= ?)`,
		string(today)).Scan(&first, &last, &waiting); err != nil {
		return st, err
	}
	st.FirstOn, st.LastOn = journal.Date(first.String), journal.Date(last.String)

	state := map[string]int{}
	for _, c := range t["state"] {
		state[c.key] = c.n
	}
	ft := &st.FollowThrough
	ft.TriedAgain, ft.NotTried, ft.SetAside, ft.Waiting = state["tried"], state["not-tried"], state["dropped"], waiting
	ft.Upcoming = state["open"] - waiting
	ft.Asked = ft.TriedAgain + ft.NotTried + ft.SetAside + ft.Waiting
	ft.Commitments = ft.Asked + ft.Upcoming
	if ft.Asked > 0 {
		ft.Rate = ratio(float64(ft.TriedAgain), float64(ft.Asked))
	}

	st.Confidence = growth.Confidence{AtReflection: t.mean("confidence"), AtCheckIn: t.mean("after"),
		Pairs: t.total("change"), AverageChange: t.mean("change")}
	st.MedianDaysToTryAgain = t.median("days")
	// A chain starts at an entry that another follows on from, and that
	// follows on from no entry in the journal.
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM entries e
		WHERE e.uid IN (SELECT follows_uid FROM entries WHERE follows_uid IS NOT NULL)
		AND NOT EXISTS (SELECT 1 FROM entries p WHERE p.uid = e.follows_uid)`).Scan(&st.Chains)
	return st, err
}

// tally is how many entries (or skills, or commitments) have a value.
type tally struct {
	key   string
	value int // the key as a number, for the kinds that count numbers
	n     int
}

// tallyKinds are the tallies by kind, each in the order of its keys.
type tallyKinds map[string][]tally

func (s *Store) tallies(ctx context.Context) (tallyKinds, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT kind, key, n FROM tallies WHERE n > 0 ORDER BY kind, key")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t := tallyKinds{}
	for rows.Next() {
		var kind string
		var c tally
		if err := rows.Scan(&kind, &c.key, &c.n); err != nil {
			return nil, err
		}
		c.value, _ = strconv.Atoi(c.key)
		t[kind] = append(t[kind], c)
	}
	return t, rows.Err()
}

// total is how many values a tally counts.
func (t tallyKinds) total(kind string) int {
	n := 0
	for _, c := range t[kind] {
		n += c.n
	}
	return n
}

// mean is the mean of a tally of numbers, or nil when it counts none. The sum
// is exact, as growth's is, so the two agree to the last bit.
func (t tallyKinds) mean(kind string) *float64 {
	sum := 0
	for _, c := range t[kind] {
		sum += c.value * c.n
	}
	if n := t.total(kind); n > 0 {
		return ratio(float64(sum), float64(n))
	}
	return nil
}

// median is the median of a tally of numbers, or nil when it counts none.
func (t tallyKinds) median(kind string) *float64 {
	n := t.total(kind)
	if n == 0 {
		return nil
	}
	// nth is the value at index i (< n) of the values in order.
	nth := func(i int) float64 {
		var c tally
		for _, c = range t[kind] {
			if i < c.n {
				break
			}
			i -= c.n
		}
		return float64(c.value)
	}
	m := nth(n / 2)
	if n%2 == 0 {
		m = (nth(n/2-1) + m) / 2
	}
	return &m
}

func ratio(a, b float64) *float64 {
	r := a / b
	return &r
}
