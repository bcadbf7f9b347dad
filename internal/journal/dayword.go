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
//	28 nov, Nov 28, 28th of November, 28 Nov 2026, the 28th
//	Saturday 28 November (the weekday must be the day's)
//	28/11, 11/28, 3/4/26 (3/4: as order says)
//
// A day of the month without a year is the nearest such day in direction
// dir, today included: "28 nov" typed on 2 January is last year's. An empty
// string is today. Whether the day may be used (a reflection's day must have
// come, a due day must not have passed) is for CheckHappened and CheckDue to
// say.
func ResolveDay(s string, today Date, dir Direction, order Order) (Date, error) {
	words := strings.Fields(strings.ToLower(s))
	if len(words) == 0 {
		return today, nil
	}
	if d, ok := relativeDay(words, today, dir); ok {
		return d, nil
	}
	if d, err := ParseDate(strings.TrimSpace(s)); err == nil {
		return d, nil
	}
	if d, ok, err := calendarDay(s, today, dir, order); ok {
		return d, err
	}
	if d, ok, err := withWeekday(s, today, dir, order); ok {
		return d, err
	}
	return "", dayError(s, dir)
}

// ParseDay reads the day something happened (see ResolveDay, direction Back).
func ParseDay(s string, today Date, order Order) (Date, error) {
	return ResolveDay(s, today, Back, order)
}

// ParseDueDay reads the day a commitment is due (see ResolveDay, direction Ahead).
func ParseDueDay(s string, today Date, order Order) (Date, error) {
	return ResolveDay(s, today, Ahead, order)
}

func dayError(s string, dir Direction) error {
	// Straight quotes, as %q puts round what was typed.
	examples := `"yesterday", "last friday" or "28 nov"`
	if dir == Ahead {
		examples = `"friday", "in 2 weeks" or "3 dec"`
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
	wd, ok := weekdayNamed(name)
	if !ok {
		return "", false
	}
	for n := 1; n <= 7; n++ {
		if day := today.AddDays(step * n); day.Time().Weekday() == wd {
			return day, true
		}
	}
	return "", false
}

// weekdayNamed reads a weekday's name, whole or cut short as people write
// it: "sat", "tues", "thurs", "weds".
func weekdayNamed(name string) (time.Weekday, bool) {
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		full := strings.ToLower(wd.String())
		if len(name) >= 3 && strings.HasPrefix(full, name) || name == full[:3]+"s" && wd == time.Wednesday {
			return wd, true
		}
	}
	return 0, false
}

// withWeekday reads a day of the month written after its weekday, as
// failup writes it back ("Saturday 28 November"); ok says it was one. The
// weekday must be the day's.
func withWeekday(s string, today Date, dir Direction, order Order) (d Date, ok bool, err error) {
	first, rest, found := strings.Cut(strings.TrimSpace(s), " ")
	wd, isDay := weekdayNamed(strings.TrimRight(strings.ToLower(first), ",."))
	if !found || !isDay {
		return "", false, nil
	}
	if d, ok, err = calendarDay(rest, today, dir, order); !ok || err != nil {
		return d, ok, err
	}
	if got := d.Time().Weekday(); got != wd {
		return "", true, fmt.Errorf("%q does not add up: %s is a %s", strings.TrimSpace(s), d.Time().Format("2 January 2006"), got)
	}
	return d, true, nil
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

// Order is the way a person writes a day in numbers, which decides 3/4:
// 3 April (DayFirst, as most of the world) or March 4 (MonthFirst). A form
// that can be read only one way, like 11/28, is read that way whatever the
// order.
type Order int

const (
	// DayFirst reads 3/4 as 3 April.
	DayFirst Order = iota
	// MonthFirst reads 3/4 as March 4.
	MonthFirst
)

var monthNames = func() map[string]time.Month {
	m := map[string]time.Month{"sept": time.September}
	for mo := time.January; mo <= time.December; mo++ {
		name := strings.ToLower(mo.String())
		m[name], m[name[:3]] = mo, mo
	}
	return m
}()

// calendarDay reads a day of the month as people write it: by name ("28
// nov", "Nov 28th", "the 28th of November, 2026", "the 28th") or in numbers
// ("28/11", "11/28", "28.11.26"). ok says the form was one of these; err is
// then set when the day is not on the calendar (31 Feb).
func calendarDay(s string, today Date, dir Direction, order Order) (d Date, ok bool, err error) {
	var day, year int
	var month time.Month
	if day, month, year, ok = namedDay(s, today, dir); !ok {
		if day, month, year, ok = numericDay(s, order); !ok {
			return "", false, nil
		}
	}
	if year != 0 {
		t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
		if t.Day() != day {
			return "", true, fmt.Errorf("%q is not a day on the calendar; %s %d has %d days", strings.TrimSpace(s), month, year, daysIn(year, month))
		}
		return DateOf(t), true, nil
	}
	// Without a year, the nearest year in dir that has the day: 29 February
	// typed in 2026 is 2024's, looking back.
	step := -1
	if dir == Ahead {
		step = 1
	}
	t := today.Time()
	for y := t.Year(); y != t.Year()+9*step; y += step {
		c := time.Date(y, month, day, 0, 0, 0, 0, time.UTC)
		if c.Day() == day && (dir == Back && !c.After(t) || dir == Ahead && !c.Before(t)) {
			return DateOf(c), true, nil
		}
	}
	// 2024 was a leap year: its months are as long as they come.
	return "", true, fmt.Errorf("%q is not a day on the calendar; %s has %d days at most", strings.TrimSpace(s), month, daysIn(2024, month))
}

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// namedDay reads a day with its month's name, in either order, with or
// without "the", "of", commas, "th"/"st"/"nd"/"rd" and a year; or "the
// 28th" alone, the nearest 28th in dir, which comes with its month and year.
func namedDay(s string, today Date, dir Direction) (day int, month time.Month, year int, ok bool) {
	var words []string
	the := false
	for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(s, ",", " "))) {
		switch w {
		case "the":
			the = true
		case "of":
		default:
			words = append(words, strings.TrimSuffix(w, "."))
		}
	}
	switch len(words) {
	case 1:
		// A bare "28" is too like a half-typed "28 days ago" to be a day.
		if day, ok = ordinal(words[0]); !ok || !the && !hasSuffix(words[0]) {
			return 0, 0, 0, false
		}
		return nearestDayOfMonth(day, today, dir)
	case 2, 3:
	default:
		return 0, 0, 0, false
	}
	if m, found := monthNames[words[0]]; found {
		month = m
		day, ok = ordinal(words[1])
	} else if m, found := monthNames[words[1]]; found {
		month = m
		day, ok = ordinal(words[0])
	}
	if !ok || day > 31 {
		return 0, 0, 0, false
	}
	if len(words) == 3 {
		if year, ok = yearOf(words[2]); !ok {
			return 0, 0, 0, false
		}
	}
	return day, month, year, true
}

// nearestDayOfMonth is the nearest day'th of a month in dir from today,
// today included, skipping months too short to have it.
func nearestDayOfMonth(day int, today Date, dir Direction) (int, time.Month, int, bool) {
	if day > 31 {
		return 0, 0, 0, false
	}
	step := -1
	if dir == Ahead {
		step = 1
	}
	t := today.Time()
	for n := 0; n < 12; n++ {
		first := time.Date(t.Year(), t.Month()+time.Month(step*n), 1, 0, 0, 0, 0, time.UTC)
		if day > daysIn(first.Year(), first.Month()) {
			continue
		}
		c := first.AddDate(0, 0, day-1)
		if dir == Back && !c.After(t) || dir == Ahead && !c.Before(t) {
			return day, c.Month(), c.Year(), true
		}
	}
	return 0, 0, 0, false
}

func hasSuffix(w string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// ordinal reads a day of the month: "28", "28th", "1st", "2nd" or "3rd".
func ordinal(w string) (int, bool) {
	if hasSuffix(w) {
		w = w[:len(w)-2]
	}
	if len(w) == 0 || len(w) > 2 || w[0] < '0' || w[0] > '9' {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	return n, err == nil && n >= 1
}

// yearOf reads a year of four digits, or two (26 is 2026).
func yearOf(w string) (int, bool) {
	n, err := strconv.Atoi(w)
	switch {
	case err != nil || w[0] < '0' || w[0] > '9':
		return 0, false
	case len(w) == 2:
		return 2000 + n, true
	case len(w) == 4 && n > 0:
		return n, true
	}
	return 0, false
}

// numericDay reads a day and month in numbers, with or without a year:
// 28/11, 11/28, 3/4/26, 28.11.2026, 28-11. Which of 3/4 is the day is
// order's to say; 28/11 and 11/28 can be read only one way.
func numericDay(s string, order Order) (day int, month time.Month, year int, ok bool) {
	parts := strings.Split(strings.NewReplacer(".", "/", "-", "/").Replace(strings.TrimSpace(s)), "/")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, 0, 0, false
	}
	var n [2]int
	for i := range n {
		if len(parts[i]) == 0 || len(parts[i]) > 2 {
			return 0, 0, 0, false
		}
		v, err := strconv.Atoi(parts[i])
		if err != nil || parts[i][0] < '0' || parts[i][0] > '9' || v < 1 {
			return 0, 0, 0, false
		}
		n[i] = v
	}
	if len(parts) == 3 {
		if year, ok = yearOf(parts[2]); !ok {
			return 0, 0, 0, false
		}
	}
	d, m := n[0], n[1]
	switch {
	case d > 12 && m > 12:
		return 0, 0, 0, false
	case m > 12 || d <= 12 && order == MonthFirst:
		d, m = m, d
	}
	if d > 31 {
		return 0, 0, 0, false
	}
	return d, time.Month(m), year, true
}
