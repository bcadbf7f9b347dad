package app

import (
	"context"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/wordfreq"
)

const (
	// similarCandidates is how many entries the search index offers for a
	// closer comparison.
	similarCandidates = 200
	// similarEnough is the score below which an entry is not worth showing
	// as "like this one".
	similarEnough = 0.08
	// everydayZipf is how common in everyday English (see wordfreq.Zipf) a
	// word must be to explain nothing about why two entries are alike:
	// "door" is 5.5, "phone" 5.4, "dinner" 5.3, "fridge" 4.
	everydayZipf = 5.3
)

// titles of address are written before a name: two entries that both say
// "Mr" are no more alike for it.
var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "prof": true, "sir": true, "madam": true}

// calendar holds the names of the days (one or several) and the months: two
// setbacks on a Monday, or in March, are no more alike for it.
var calendar = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"mondays": true, "tuesdays": true, "wednesdays": true, "thursdays": true, "fridays": true, "saturdays": true, "sundays": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

// Alike is an earlier entry like a new one, and what they have in common.
type Alike struct {
	ID         int64
	OccurredOn journal.Date
	Title      string
	// Words are words both entries contain, the most telling first: never
	// a title of address, the name of a day or month, nor a word of everyday
	// English.
	Words []string
	// Patterns are the labels of the lexicon's patterns both entries show.
	Patterns []string
}

// Similar finds up to n earlier entries like e that are worth showing, best
// first, with the words and patterns they share. The search index offers
// candidates, so it costs the same in a journal of any size.
func (c *Core) Similar(ctx context.Context, e journal.Entry, n int) ([]Alike, error) {
	lex, err := c.Lexicon()
	if err != nil {
		return nil, err
	}
	candidates, err := c.store.Like(ctx, e, similarCandidates)
	if err != nil {
		return nil, err
	}
	labels := make(map[string]bool, len(lex.Patterns))
	for _, p := range lex.Patterns {
		labels[p.Label] = true
	}
	alike := []Alike{}
	for _, m := range lex.Similar(e, candidates, n) {
		if m.Score < similarEnough {
			continue
		}
		a := Alike{ID: m.ID, OccurredOn: m.OccurredOn, Title: m.Title, Words: []string{}, Patterns: []string{}}
		// Shared holds the patterns' labels among the words: a label is
		// shown as a pattern, never as something both entries say.
		for _, s := range m.Shared {
			switch {
			case labels[s]:
				a.Patterns = append(a.Patterns, s)
			case !titles[s] && !calendar[s] && !everyday(s):
				a.Words = append(a.Words, s)
			}
		}
		alike = append(alike, a)
	}
	return alike, nil
}

func everyday(word string) bool {
	z, ok := wordfreq.Zipf(word)
	return ok && z >= everydayZipf
}
