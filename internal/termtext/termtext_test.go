package termtext

import (
	"encoding/json"
	"testing"
)

func TestClean(t *testing.T) {
	cases := map[string]string{
		"plain words\n\tindented":                                       "plain words\n    indented",
		"red \x1b[31malert\x1b[0m":                                      "red alert",
		"title \x1b]0;pwned\x07 here":                                   "title  here",
		"link \x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\":                 "link text",
		"bell\x07 nul\x00 del\x7f c1\u009b2J":                           "bell nul del c12J",
		"c1 alone \u0085\u009f":                                         "c1 alone ",
		"windows\r\nline":                                               "windows\nline",
		"مرحبا e\u0301":                                                 "مرحبا e\u0301",
		"pay \u202eusd 001\u202c now":                                   "pay usd 001 now",
		"isolates \u2066a\u2067b\u2068c\u2069 marks \u200e\u200f\u061c": "isolates abc marks ",
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Line(" two\n lines\x1b[2J "); got != "two lines" {
		t.Errorf("Line = %q", got)
	}
	if got := Line("export-\x1b[2J\x1b[H.md"); got != "export-.md" {
		t.Errorf("Line of a file name = %q", got)
	}
}

// Tabs become spaces to the next stop, counted in the cells each line
// takes, so text wrapped for a terminal is measured as it is shown.
func TestCleanTabs(t *testing.T) {
	cases := map[string]string{
		"\tone":                  "    one",
		"ab\tc":                  "ab  c",
		"abcd\te\n\tf":           "abcd    e\n    f",
		"日本\tx":                  "日本    x",
		"e\u0301\tx":             "e\u0301   x",
		"a\t\tb":                 "a       b",
		"red \x1b[31m\tx\x1b[0m": "red     x",
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Strip("keeps\ttabs\x1b[2J"); got != "keeps\ttabs" {
		t.Errorf("Strip = %q", got)
	}
}

func TestEscapeJSON(t *testing.T) {
	text := "del\x7f c1\u0085\u009b bidi\u202e\u2066\u200f kept: é – 𝄞 \u2028"
	encoded, err := json.MarshalIndent(map[string]string{"title": text}, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	got := EscapeJSON(encoded)
	want := "{\n\t\"title\": \"del\\u007f c1\\u0085\\u009b bidi\\u202e\\u2066\\u200f kept: é – 𝄞 \\u2028\"\n}"
	if string(got) != want {
		t.Errorf("EscapeJSON = %s\nwant          %s", got, want)
	}
	var back map[string]string
	if err := json.Unmarshal(got, &back); err != nil || back["title"] != text {
		t.Errorf("escaped JSON reads back as %q, %v; want %q", back["title"], err, text)
	}
	plain := []byte(`{"a":"b"}`)
	if got := EscapeJSON(plain); &got[0] != &plain[0] {
		t.Error("EscapeJSON copied JSON that needed no escape")
	}
}

func TestDays(t *testing.T) {
	for d, want := range map[float64]string{0: "the same day", 0.4: "the same day", 1: "1 day", 1.5: "2 days", 14: "14 days"} {
		if got := Days(d); got != want {
			t.Errorf("Days(%v) = %q, want %q", d, got, want)
		}
	}
}

// Wrap breaks at spaces under a hanging indent, leaves a word too long for
// any line whole, and leaves text alone when there is no width.
func TestWrap(t *testing.T) {
	cases := []struct {
		in          string
		width       int
		first, rest string
		want        string
	}{
		{"Did it on Monique on Tuesday without practising it first", 30, "  ", "  ",
			"  Did it on Monique on Tuesday\n  without practising it first"},
		{"saying yes, too much, plate full", 24, "words: ", "       ",
			"words: saying yes, too\n       much, plate full"},
		{"one\n\ntwo", 30, "  ", "  ", "  one\n\n  two"},
		{"short line", 80, " 1. ", "    ", " 1. short line"},
		{"a https://example.com/a/very/long/path/that/cannot/fit", 24, "", "",
			"a\nhttps://example.com/a/very/long/path/that/cannot/fit"},
		{"checked in on 2026-12-01 again", 20, "", "", "checked in on\n2026-12-01 again"},
		{"  keeps its  own spaces", 20, "", "", "  keeps its  own\nspaces"},
		{"no width keeps every word on one line however long it runs", 0, "  ", "  ",
			"  no width keeps every word on one line however long it runs"},
		{"a narrow terminal still gives the words room", 10, "      ", "      ",
			"      a narrow terminal\n      still gives the\n      words room"},
	}
	for _, c := range cases {
		if got := Wrap(c.in, c.width, c.first, c.rest); got != c.want {
			t.Errorf("Wrap(%q, %d) =\n%s\nwant\n%s", c.in, c.width, got, c.want)
		}
	}
}

// WrapList breaks only between parts, keeping each part whole.
func TestWrapList(t *testing.T) {
	parts := []string{"2026-11-19", "entry 70", "technique, clients", "severity 4/5", "confidence 5/10"}
	want := "2026-11-19 · entry 70 · technique, clients ·\nseverity 4/5 · confidence 5/10"
	if got := WrapList(parts, " · ", 50, "", ""); got != want {
		t.Errorf("WrapList at 50 =\n%s\nwant\n%s", got, want)
	}
	// The comma that follows a part counts toward the line it ends.
	want = "said yes,\ntriple, over"
	if got := WrapList([]string{"said yes", "triple", "over"}, ", ", 16, "", ""); got != want {
		t.Errorf("WrapList at 16 =\n%s\nwant\n%s", got, want)
	}
	want = "Tags: a 3 · b 2"
	if got := WrapList([]string{"a 3", "b 2"}, " · ", 0, "Tags: ", "      "); got != want {
		t.Errorf("WrapList with no width = %q, want %q", got, want)
	}
	want = "words: said yes,\n       plate too full,\n       cant say no"
	if got := WrapList([]string{"said yes", "plate too full", "cant say no"}, ", ", 24, "words: ", "       "); got != want {
		t.Errorf("WrapList at 24 =\n%s\nwant\n%s", got, want)
	}
}

// Hang continues a wrapped line under where its text began, counting the
// prefix in cells, not bytes.
func TestHang(t *testing.T) {
	got := Hang("a sentence long enough to wrap twice here", 30, "12 mar · ")
	want := "12 mar · a sentence long\n         enough to wrap twice\n         here"
	if got != want {
		t.Errorf("Hang = %q, want %q", got, want)
	}
}

func TestSentence(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"that day has passed":  "That day has passed.",
		"already one.":         "Already one.",
		"état civil is closed": "État civil is closed.",
	} {
		if got := Sentence(in); got != want {
			t.Errorf("Sentence(%q) = %q, want %q", in, got, want)
		}
	}
}
