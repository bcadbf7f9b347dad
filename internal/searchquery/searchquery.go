// Package searchquery reads what a person types into a search box: words,
// word* for the start of longer ones, "quoted phrases", OR between
// alternatives, -word to leave out, and the filters tag:, skill:, before:,
// after: and pattern:. Nothing typed is an error: whatever is not one of
// these is words.
package searchquery

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a search, read.
type Query struct {
	// All must each match; each is one or more alternatives (joined by OR).
	All [][]Term
	// None must not match.
	None []Term
	// Tags, Skills and Patterns must each be those of a matching entry.
	Tags, Skills, Patterns []string
	// Before and After are days as typed ("2026-05-01", "last month"); ""
	// when not given.
	Before, After string
}

// Term is a word or words to find.
type Term struct {
	// Text is as typed; it has at least one letter or digit.
	Text string
	// Phrase is set when Text was quoted: its words must appear together.
	Phrase bool
	// Prefix is set on a word written with a * after it, and by ParseTyped
	// on the last word of a query still being typed: its last word may be
	// the beginning of a longer one.
	Prefix bool
}

// Filters are the names that read key:value as a filter.
var Filters = []string{"tag", "skill", "before", "after", "pattern"}

// token is one piece of the input: a word, a quoted phrase, or key:value.
type token struct {
	text   string
	quoted bool
	key    string // a filter name, for key:value
	neg    bool   // written with a leading -
	star   bool   // written with a trailing *, which text leaves out
}

// Parse reads a query written whole, as on a command line: each word is a
// whole word, but one written with a * after it ("defens*").
func Parse(input string) Query { return parse(input, false) }

// ParseTyped reads a query searched again as each key is pressed: as Parse,
// but the last word is also a prefix unless the input ends in a space or a
// closing quote, since a person typing "slee" means a word not done.
func ParseTyped(input string) Query { return parse(input, true) }

func parse(input string, typing bool) Query {
	var q Query
	toks := tokens(input)
	joinNext := false
	for i, t := range toks {
		last := i == len(toks)-1
		switch {
		case t.key != "":
			q.addFilter(t.key, t.text)
			joinNext = false
		case !t.quoted && !t.neg && !t.star && t.text == "OR" && len(q.All) > 0:
			joinNext = true
		case !hasWordRune(t.text):
			joinNext = false
		case t.neg:
			q.None = append(q.None, Term{Text: t.text, Phrase: t.quoted, Prefix: t.star})
			joinNext = false
		default:
			term := Term{Text: t.text, Phrase: t.quoted, Prefix: t.star || typing && last && !t.quoted && !endsTyped(input)}
			if joinNext {
				q.All[len(q.All)-1] = append(q.All[len(q.All)-1], term)
			} else {
				q.All = append(q.All, []Term{term})
			}
			joinNext = false
		}
	}
	return q
}

func (q *Query) addFilter(key, value string) {
	switch key {
	case "tag":
		q.Tags = append(q.Tags, value)
	case "skill":
		q.Skills = append(q.Skills, value)
	case "pattern":
		q.Patterns = append(q.Patterns, value)
	case "before":
		q.Before = value
	case "after":
		q.After = value
	}
}

// endsTyped reports whether input ends where a word is finished.
func endsTyped(input string) bool {
	last, _ := utf8.DecodeLastRuneInString(input)
	return input == "" || last == '"' || unicode.IsSpace(last)
}

func tokens(input string) []token {
	var out []token
	for {
		input = strings.TrimLeftFunc(input, unicode.IsSpace)
		if input == "" {
			return out
		}
		var t token
		if rest, ok := strings.CutPrefix(input, "-"); ok && rest != "" && !unicode.IsSpace(rune(rest[0])) {
			t.neg, input = true, rest
		}
		if input[0] == '"' {
			t.text, input = quoted(input)
			t.quoted = true
			out = append(out, t)
			continue
		}
		end := strings.IndexFunc(input, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(input)
		}
		t.text, input = input[:end], input[end:]
		if key, value, ok := strings.Cut(t.text, ":"); ok && !t.neg && isFilter(key) {
			switch {
			case value == "" && strings.HasPrefix(input, `"`):
				value, input = quoted(input)
			case value == "":
				out = append(out, t) // "tag:" alone is a word
				continue
			}
			if strings.TrimSpace(value) != "" {
				t.key, t.text = strings.ToLower(key), strings.TrimSpace(value)
			}
		}
		if word := strings.TrimRight(t.text, "*"); t.key == "" && word != t.text && hasWordRune(word) {
			t.text, t.star = word, true
		}
		out = append(out, t)
	}
}

// quoted reads a quoted phrase at the start of input; an unclosed quote
// runs to the end.
func quoted(input string) (text, rest string) {
	end := strings.IndexByte(input[1:], '"')
	if end < 0 {
		return input[1:], ""
	}
	return input[1 : end+1], input[end+2:]
}

func isFilter(key string) bool {
	for _, f := range Filters {
		if strings.EqualFold(key, f) {
			return true
		}
	}
	return false
}

func hasWordRune(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// HasWords reports whether q looks for any words (not only filters and
// words to leave out).
func (q Query) HasWords() bool { return len(q.All) > 0 }

// Widen says in a sentence what may find more when q found nothing: fewer
// words, fewer filters, or for one word, another word for the same thing.
func (q Query) Widen() string {
	words := 0
	for _, group := range q.All {
		fewest := -1
		for _, t := range group {
			if n := len(strings.FieldsFunc(t.Text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })); fewest < 0 || n < fewest {
				fewest = n
			}
		}
		words += fewest
	}
	filtered := len(q.None) > 0 || len(q.Tags) > 0 || len(q.Skills) > 0 || len(q.Patterns) > 0 || q.Before != "" || q.After != ""
	switch {
	case words > 1 && filtered:
		return "Fewer words or filters find more."
	case words > 1:
		return "Fewer words find more."
	case filtered:
		return "Fewer filters find more."
	}
	return "Try another word for the same thing."
}

// IsZero reports whether nothing was asked for.
func (q Query) IsZero() bool {
	return len(q.All) == 0 && len(q.None) == 0 && len(q.Tags) == 0 && len(q.Skills) == 0 &&
		len(q.Patterns) == 0 && q.Before == "" && q.After == ""
}

// String writes q back as a query that Parse reads as q.
func (q Query) String() string {
	var parts []string
	for _, group := range q.All {
		alts := make([]string, len(group))
		for i, t := range group {
			alts[i] = t.String()
		}
		parts = append(parts, strings.Join(alts, " OR "))
	}
	for _, t := range q.None {
		parts = append(parts, "-"+t.String())
	}
	filter := func(key, value string) {
		if value == "" {
			return
		}
		if strings.ContainsFunc(value, func(r rune) bool { return unicode.IsSpace(r) || r == '"' }) {
			value = `"` + value + `"`
		}
		parts = append(parts, key+":"+value)
	}
	for _, v := range q.Tags {
		filter("tag", v)
	}
	for _, v := range q.Skills {
		filter("skill", v)
	}
	for _, v := range q.Patterns {
		filter("pattern", v)
	}
	filter("after", q.After)
	filter("before", q.Before)
	return strings.Join(parts, " ")
}

func (t Term) String() string {
	switch {
	case t.Phrase || strings.ContainsFunc(t.Text, unicode.IsSpace):
		return `"` + t.Text + `"`
	case t.Prefix:
		return t.Text + "*"
	}
	return t.Text
}
