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
