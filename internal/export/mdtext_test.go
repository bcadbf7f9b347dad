package export

import (
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

func TestBlockKeepsMarkdownAndEscapesOnlyStructure(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"markdown kept", "**bold**, _em_, `code`, [link](x)\n- item\n> quote", "**bold**, _em_, `code`, [link](x)  \n- item  \n> quote"},
		{"already escaped", `\# not a heading \*`, `\# not a heading \*`},
		{"atx headings", "# one\n  ###### six\n####### seven\n#hashtag\n#", "\\# one  \n  \\###### six  \n####### seven  \n#hashtag  \n\\#"},
		{"setext underlines", "Title\n===\nOther\n  ---  \n-", "Title  \n\\===  \nOther  \n  \\---    \n\\-"},
		{"thematic breaks of other kinds", "***\n- - -\n___", "***  \n- - -  \n___"},
		{"indented is code", "    # code\n\t# code", "    # code\n\t# code"},
		{"closed fence left alone", "```sh\n# comment\n---\n```", "```sh\n# comment\n---\n```"},
		{"longer closing fence", "~~~\n# x\n~~~~~", "~~~\n# x\n~~~~~"},
		{"shorter fence does not close", "````\n# x\n```", "\\````  \n\\# x  \n\\```"},
		{"other fence char does not close", "```\n~~~", "\\```  \n\\~~~"},
		{"unclosed fence", "text\n```python\nprint(1)", "text  \n\\```python  \nprint(1)"},
		{"inline code is no fence", "``` x ` y", "``` x ` y"},
		{"closed html comment", "<!--\n# hidden\n-->", "<!--\n# hidden\n-->"},
		{"one-line html comment", "<!-- note -->", "<!-- note -->"},
		{"unclosed html", "<!-- oops\n# heading", "\\<!-- oops  \n\\# heading"},
		{"unclosed pre", "<PRE>\ncode", "\\<PRE>  \ncode"},
		{"pre needs a tag end", "<prefix>", "<prefix>"},
		{"terminal escapes stripped", "\x1b[2J\x1b]0;title\x07Hello\x00 there\r\nnext", "Hello there  \nnext"},
		{"blank lines trimmed, indent kept", "\n \n    code\n\n\t\n", "    code"},
		{"only whitespace", " \n\t\n", ""},
		{"line breaks kept", "one\ntwo\n\nthree", "one  \ntwo\n\nthree"},
		{"a backslash already breaks", "one\\\ntwo", "one\\\ntwo"},
		{"code keeps its lines", "    a := 1\n    b := 2\n```\nx\ny\n```", "    a := 1\n    b := 2\n```\nx\ny\n```"},
	}
	for _, c := range cases {
		if got := block(c.in); got != c.want {
			t.Errorf("%s: block(%q)\n got %q\nwant %q", c.name, c.in, got, c.want)
		}
	}
}

func TestInline(t *testing.T) {
	cases := map[string]string{
		"Missed the launch":        "Missed the launch",
		"C# *and* [x]_y_ <b> & ~~": `C\# \*and\* \[x\]\_y\_ \<b\> \& \~\~`,
		"two\nlines \x1b[1mbold":   "two lines bold",
		"back\\slash `tick`":       "back\\\\slash \\`tick\\`",
	}
	for in, want := range cases {
		if got := inline(in); got != want {
			t.Errorf("inline(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestBlockScalesToTheLongestAnswer guards against scanning again for every
// unclosed fence: at the journal's largest answer that took hours.
func TestBlockScalesToTheLongestAnswer(t *testing.T) {
	var shrinking strings.Builder
	for n := 2800; n >= 3; n-- {
		shrinking.WriteString(strings.Repeat("`", n) + "\n")
	}
	for name, text := range map[string]string{
		"unclosed fences":    strings.Repeat("```go\n", journal.MaxTextLen/6),
		"unclosed comments":  strings.Repeat("<!-- x\n", journal.MaxTextLen/7),
		"shrinking fences":   shrinking.String(),
		"headings and rules": strings.Repeat("# h\n---\n", journal.MaxTextLen/8),
	} {
		start := time.Now()
		block(text)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: block took %v for %d bytes", name, d, len(text))
		}
	}
}

// TestUnblockTakesBackTheLineBreaks: the hard breaks block adds are taken
// back on reading an export, and spaces the person typed stay.
func TestUnblockTakesBackTheLineBreaks(t *testing.T) {
	for _, in := range []string{
		"one\ntwo\n\nthree",
		"ends in two spaces  \nthen more",
		"ends in a backslash\\\nthen more",
		"a backslash and spaces\\  \nthen more",
		"# a heading\nunder it",
		"```\ncode\nmore code\n```\nafter",
		"- a list\n- of two",
	} {
		if got := unblock(strings.Split(block(in), "\n")); got != in {
			t.Errorf("unblock(block(%q)) = %q", in, got)
		}
	}
}
