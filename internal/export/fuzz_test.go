package export

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/failup/failup/internal/journal"
)

// FuzzMarkdown feeds arbitrary text into every field the Markdown writers
// show. They must not panic, and what they write must be valid UTF-8 with no
// control characters but newline and tab.
func FuzzMarkdown(f *testing.F) {
	f.Add("Missed the launch deadline", "I said *yes*.\n\n- again", "work", "2026-03-14")
	f.Add("C# #3 *x*", "# h\n---\n```go\n# code\n", "[a]_b", "2026-02-30")
	f.Add("\x1b]0;pwned\x07title\u009b", "<!-- open\n<pre>\n~~~\r\n\x00", "\u202e", "")
	f.Add("נסיונות e\u0301", "مرحبا\n===\n\t# tab", " ", "0000-01-01")
	f.Add("\xff\xfe", "\xed\xa0\x80 broken utf-8", "\xc3", "9999-12-31")
	f.Fuzz(func(t *testing.T, title, text, tag, day string) {
		e := journal.Entry{
			UID:        text,
			OccurredOn: journal.Date(day),
			Title:      title,
			Answers:    []journal.Answer{{Key: journal.KeyDifferently, Question: title, Text: text}},
			Lesson:     text,
			Tags:       []string{tag, text},
			Skills:     []journal.Skill{journal.Skill(tag)},
			Followup: &journal.Followup{
				Commitment:  text,
				DueOn:       journal.Date(day),
				CheckedInAt: &now,
				Outcome:     &text,
				DroppedAt:   &now,
			},
		}
		var buf bytes.Buffer
		if err := Entry(&buf, e); err != nil {
			t.Fatal(err)
		}
		if err := Full(&buf, []journal.Entry{e, minimal()}, Options{Now: now}); err != nil {
			t.Fatal(err)
		}
		groups := append(ByMonth([]journal.Entry{e}), Group{Label: tag, Entries: []journal.Entry{e}})
		if err := Lessons(&buf, groups, Options{Since: journal.Date(day)}); err != nil {
			t.Fatal(err)
		}
		buf.WriteString(frontMatter(e))
		checkText(t, buf.String())

		name := FileName(e)
		if !utf8.ValidString(name) || strings.ContainsAny(name, "/\\\x00") || len(name) > 255 {
			t.Fatalf("FileName gave %q", name)
		}
	})
}

func checkText(t *testing.T, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatalf("output is not valid UTF-8:\n%q", out)
	}
	for _, r := range out {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			t.Fatalf("output holds control character %U:\n%q", r, out)
		}
	}
}
