package journal

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Direction is the way a field's dates lie from today, and so the way a word
// such as "friday" resolves: the day something happened lies back, the day a
// commitment is due lies ahead.
type Direction int

const (
	// Back resolves "friday" to the most recent Friday before today.
	Back Direction = iota
	// Ahead resolves "friday" to the coming Friday, after today.
	Ahead
)

// ResolveDay reads a day as a person types it, for a field whose dates lie in
// direction dir from today:
//
//	YYYY-MM-DD, today, yesterday, tomorrow
//	3 days ago, a week ago, 2 months ago, last week, last month
//	in 3 days, in 2 weeks, in a month, next week, next month
//	friday, fri (back: the last one; ahead: the coming one)
//	last friday, next friday (whatever the direction)
//
// An empty string is today. Whether the day may be used (a reflection's day
// must have come, a due day must not have passed) is for CheckHappened and
// CheckDue to say.
func ResolveDay(s string, today Date, dir Direction) (Date, error) {
	words := strings.Fields(strings.ToLower(s))
	if len(words) == 0 {
		return today, nil
	}
	if d, ok := relativeDay(words, today, dir); ok {
		return d, nil
	}
	d, err := ParseDate(strings.TrimSpace(s))
	if err != nil {
		return "", dayError(s, dir)
	}
	return d, nil
}

// ParseDay reads the day something happened (see ResolveDay, direction Back).
func ParseDay(s string, today Date) (Date, error) { return ResolveDay(s, today, Back) }

// ParseDueDay reads the day a commitment is due (see ResolveDay, direction Ahead).
func ParseDueDay(s string, today Date) (Date, error) { return ResolveDay(s, today, Ahead) }

func dayError(s string, dir Direction) error {
	// Straight quotes, as %q puts round what was typed.
	examples := `"yesterday", "3 days ago" or "last friday"`
	if dir == Ahead {
		examples = `"friday", "in 2 weeks" or "next month"`
	}
	return fmt.Errorf("%q is not a date I can read; use YYYY-MM-DD or words like %s", strings.TrimSpace(s), examples)
}

// relativeDay reads the word forms of ResolveDay.
func relativeDay(words []string, today Date, dir Direction) (Date, bool) {
	switch len(words) {
	case 1:
		switch words[0] {
		case "today", "now":
			return today, true
		case "yesterday":
			return today.AddDays(-1), true
		case "tomorrow":
			return today.AddDays(1), true
		}
		return weekday(words[0], today, dir)
	case 2:
		switch words[0] {
		case "last":
			if d, ok := shift(today, -1, words[1]); ok {
				return d, true
			}
			return weekday(words[1], today, Back)
		case "next":
			if d, ok := shift(today, 1, words[1]); ok {
				return d, true
			}
			return weekday(words[1], today, Ahead)
		}
	case 3:
		if n, ok := count(words[1]); ok && words[0] == "in" {
			return shift(today, n, words[2])
		}
		if n, ok := count(words[0]); ok && words[2] == "ago" {
			return shift(today, -n, words[1])
		}
	}
	return "", false
}

// shift moves today by n units ("day", "weeks", "month"...).
func shift(today Date, n int, unit string) (Date, bool) {
	switch strings.TrimSuffix(unit, "s") {
	case "day":
		return today.AddDays(n), true
	case "week":
		return today.AddDays(7 * n), true
	case "month":
		return today.AddMonths(n), true
	case "year":
		return today.AddMonths(12 * n), true
	}
	return "", false
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// count reads "3" or "three"; a negative number is not a count.
func count(w string) (int, bool) {
	if n, ok := numberWords[w]; ok {
		return n, true
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n >= 0 && n <= 100000 && !strings.HasPrefix(w, "+")
}

// weekday resolves a weekday's name (or its first three letters) to the
// nearest such day before today (Back) or after it (Ahead).
func weekday(name string, today Date, dir Direction) (Date, bool) {
	step := -1
	if dir == Ahead {
		step = 1
	}
	for n := 1; n <= 7; n++ {
		day := today.AddDays(step * n)
		if full := strings.ToLower(day.Time().Weekday().String()); full == name || full[:3] == name {
			return day, true
		}
	}
	return "", false
}

// AddMonths returns the same day n months on (back, for negative n), or the
// last day of that month when it is shorter: a month after 31 January is 28
// or 29 February.
func (d Date) AddMonths(n int) Date {
	t := d.Time()
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return DateOf(first.AddDate(0, 0, min(t.Day(), last)-1))
}

// ErrNotYet and ErrPassed are the two ways a day can be on the wrong side of
// today for its field.
var (
	ErrNotYet = errors.New("that day hasn't come yet; a reflection is about something that happened")
	ErrPassed = errors.New("that day has passed; give a day from today on")
)

// CheckHappened refuses a day after today: a reflection is about something
// that happened. This is the one rule for occurred_on, whether typed, given
// as JSON or imported.
func CheckHappened(d, today Date) error {
	if d > today {
		return ErrNotYet
	}
	return nil
}

// CheckDue refuses a due day before today: failup asks on the day given.
func CheckDue(d, today Date) error {
	if !d.IsZero() && d < today {
		return ErrPassed
	}
	return nil
}

// SplitTags reads "work, launch" as two tags, as they are saved: trimmed,
// empty ones and repeats (in any case) dropped.
func SplitTags(s string) []string {
	var tags []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	return dedupeFold(tags)
}
