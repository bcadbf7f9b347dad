package searchquery

import (
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	w := func(text string) []Term { return []Term{{Text: text}} }
	for _, c := range []struct {
		in   string
		want Query
	}{
		{"sleep", Query{All: [][]Term{w("sleep")}}},
		{`"slept badly" priya`, Query{All: [][]Term{{{Text: "slept badly", Phrase: true}}, w("priya")}}},
		// A word with a * after it is the start of longer ones, wherever it is.
		{"defens* sleep", Query{All: [][]Term{{{Text: "defens", Prefix: true}}, w("sleep")}}},
		{`-late* "defens*" a*b** OR* tag:x*`, Query{All: [][]Term{{{Text: "defens*", Phrase: true}}, {{Text: "a*b", Prefix: true}}, {{Text: "OR", Prefix: true}}},
			None: []Term{{Text: "late", Prefix: true}}, Tags: []string{"x*"}}},
		{"a OR b c ", Query{All: [][]Term{{{Text: "a"}, {Text: "b"}}, w("c")}}},
		{"work -deadline -\"late night\" ", Query{All: [][]Term{w("work")}, None: []Term{{Text: "deadline"}, {Text: "late night", Phrase: true}}}},
		{`tag:work skill:Resilience after:"last month" before:2026-05-01 pattern:overcommitment`, Query{
			Tags: []string{"work"}, Skills: []string{"Resilience"}, After: "last month", Before: "2026-05-01", Patterns: []string{"overcommitment"}}},
		{"TAG:home x ", Query{All: [][]Term{w("x")}, Tags: []string{"home"}}},
		// Anything else is words.
		{`OR ( * NEAR a:b tag: "unclosed`, Query{All: [][]Term{w("OR"), w("NEAR"), w("a:b"), w("tag:"), {{Text: "unclosed", Phrase: true}}}}},
		{`- -- "" " " ***`, Query{}},
		{"sleep OR", Query{All: [][]Term{{{Text: "sleep"}}}}},
	} {
		if got := Parse(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Parse(%q)\n got %+v\nwant %+v", c.in, got, c.want)
		}
	}
}

// ParseTyped reads the last word as the start of longer ones until the
// word is done.
func TestParseTyped(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Query
	}{
		{"sleep", Query{All: [][]Term{{{Text: "sleep", Prefix: true}}}}},
		{"sleep ", Query{All: [][]Term{{{Text: "sleep"}}}}},
		{`"slept badly" pri`, Query{All: [][]Term{{{Text: "slept badly", Phrase: true}}, {{Text: "pri", Prefix: true}}}}},
		{`defens* "slept badly"`, Query{All: [][]Term{{{Text: "defens", Prefix: true}}, {{Text: "slept badly", Phrase: true}}}}},
		{"sleep -slep", Query{All: [][]Term{{{Text: "sleep"}}}, None: []Term{{Text: "slep"}}}},
	} {
		if got := ParseTyped(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseTyped(%q)\n got %+v\nwant %+v", c.in, got, c.want)
		}
	}
}

// What may find more is what the query has to give up: words, filters,
// or for one word, the word itself.
func TestWiden(t *testing.T) {
	for in, want := range map[string]string{
		"sleep":                   "Try another word for the same thing.",
		"sleep OR nap":            "Try another word for the same thing.",
		`"sleep"`:                 "Try another word for the same thing.",
		"defens*":                 "Try another word for the same thing.",
		"sleep badly":             "Fewer words find more.",
		`"slept badly"`:           "Fewer words find more.",
		"sleep tag:work":          "Fewer filters find more.",
		"tag:work -sleep":         "Fewer filters find more.",
		"sleep badly after:today": "Fewer words or filters find more.",
	} {
		if got := Parse(in).Widen(); got != want {
			t.Errorf("Parse(%q).Widen() = %q, want %q", in, got, want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"sleep", `"a b" OR c -d tag:x after:"last month"`, `"`, `-"`, "tag:", `tag:"`, "OR OR", "a:b:c", "-tag:x", "\u00a0x\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		q := Parse(in)
		for _, group := range q.All {
			if len(group) == 0 {
				t.Fatalf("Parse(%q): an empty group", in)
			}
			for _, term := range group {
				if !hasWordRune(term.Text) {
					t.Fatalf("Parse(%q): term %q has no word", in, term.Text)
				}
			}
		}
		// What String writes reads back as the same query.
		if again := Parse(q.String()); !reflect.DeepEqual(again, q) {
			t.Fatalf("Parse(%q) = %+v\nwritten %q\nread back %+v", in, q, q.String(), again)
		}
	})
}
