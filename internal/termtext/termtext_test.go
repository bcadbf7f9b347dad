package termtext

import "testing"

func TestClean(t *testing.T) {
	cases := map[string]string{
		"plain words\n\tindented":                       "plain words\n\tindented",
		"red \x1b[31malert\x1b[0m":                      "red alert",
		"title \x1b]0;pwned\x07 here":                   "title  here",
		"link \x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\": "link text",
		"bell\x07 nul\x00 del\x7f c1\u009b2J":           "bell nul del c12J",
		"windows\r\nline":                               "windows\nline",
		"مرحبا e\u0301":                                 "مرحبا e\u0301",
	}
	for in, want := range cases {
		if got := Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Line(" two\n lines\x1b[2J "); got != "two lines" {
		t.Errorf("Line = %q", got)
	}
}
