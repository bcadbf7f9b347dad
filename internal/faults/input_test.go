package faults

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/failup/failup/internal/journal"
)

const (
	rightToLeft = "שלום עולם، مرحبا بالعالم \u202eevil\u202c"
	combining   = "cafe\u0301 a\u0308\u0301 Z\u0351\u0352\u0353"
	escapes     = "\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07\x1b[31mred\x1b[0m \u009b6n\x07 \x7f\x1bP+q\x1b\\ end"
	nul         = "before\x00after"
)

// TestHostileInputIsKeptAndShownSafely saves an entry of everything that
// breaks naive programs: invalid UTF-8, NUL bytes, 1 MB answers, 10,000 tags,
// right-to-left and combining text, terminal escape sequences. It is stored
// exactly, shown without a single escape sequence, and exported and imported
// back unchanged.
func TestHostileInputIsKeptAndShownSafely(t *testing.T) {
	megabyte := strings.Repeat("A whole megabyte of plain words. ", 1<<20/33+1)
	in := journal.Entry{
		Title: "Hostile " + rightToLeft + " " + combining + " " + escapes,
		Answers: []journal.Answer{
			{Key: journal.KeyCause, Text: megabyte + escapes},
			{Key: journal.KeyPatterns, Text: rightToLeft + "\n\n" + combining + "\n" + megabyte},
			{Key: journal.KeyDifferently, Text: nul + "\n" + escapes + megabyte},
			{Key: journal.KeyStrengths, Text: "INVALID"},
		},
		Lesson: "Keep it all " + rightToLeft + " " + nul,
		Tags:   []string{"עבודה", "cafe\u0301", "tag\x1b[31m"},
	}
	for i := range 10000 {
		in.Tags = append(in.Tags, fmt.Sprintf("tag-%05d", i))
	}
	// Invalid UTF-8 goes in as raw bytes; JSON readers take each bad byte
	// as U+FFFD, and that is what is kept.
	input := bytes.Replace(entryJSON(t, in), []byte("INVALID"), []byte("bad \xff\xfe bytes \xc3( end"), 1)
	want := in
	want.Answers = append([]journal.Answer(nil), in.Answers...)
	want.Answers[3].Text = "bad \uFFFD\uFFFD bytes \uFFFD( end"

	e := newEnv(t)
	if id := e.ok(input, "new", "--from", "-"); id != "1\n" {
		t.Fatalf("new --from printed %q", id)
	}
	stored := e.ok(nil, "show", "1", "--json")
	var got journal.Entry
	if err := json.Unmarshal([]byte(stored), &got); err != nil {
		t.Fatal(err)
	}
	if got.Title != want.Title || got.Lesson != want.Lesson || !reflect.DeepEqual(got.Tags, want.Tags) || !sameTexts(got.Answers, want.Answers) {
		t.Errorf("the entry was not stored exactly:\n got %.500v\nwant %.500v", got, want)
	}

	for _, args := range [][]string{{"show", "1"}, {"show", "1", "--md"}, {"list"}, {"export"}, {"export", "--lessons-only"}, {"lessons"}, {"search", "שלום"}} {
		out := e.ok(nil, args...)
		if bad := unsafeForTerminal(out); bad != "" {
			t.Errorf("failup %s shows %s", strings.Join(args, " "), bad)
		}
		for _, text := range []string{"שלום עולם", "cafe\u0301", "Hostile"} {
			if !strings.Contains(out, text) {
				t.Errorf("failup %s does not show %q", strings.Join(args, " "), text)
			}
		}
	}
	// JSON carries every character, with those that could act on a
	// terminal written as \u escapes.
	for _, args := range [][]string{{"show", "1", "--json"}, {"list", "--json"}, {"search", "שלום", "--json"},
		{"export", "--format", "json"}, {"export", "--format", "json", "--lessons-only"}, {"lessons", "--json"}, {"show", "1", "--json", "--jq", "{title}"}} {
		out := e.ok(nil, args...)
		if bad := unsafeForTerminal(out); bad != "" {
			t.Errorf("failup %s shows %s", strings.Join(args, " "), bad)
		}
		if !json.Valid([]byte(out)) || !strings.Contains(out, `\u202e`) {
			t.Errorf("failup %s does not write the right-to-left override as \\u202e", strings.Join(args, " "))
		}
	}
	// A file name given on the command line is echoed without its escapes,
	// whether the command succeeds or fails.
	dir := t.TempDir()
	for _, name := range []string{"out\x1b[2J\x1b[H\u202e.md", "no\x1b]0;pwned\x07/such/folder.md"} {
		r := e.run(nil, "export", "-o", filepath.Join(dir, name))
		if bad := unsafeForTerminal(r.stdout + r.stderr); bad != "" || !strings.Contains(r.stderr, dir) {
			t.Errorf("export -o %q says %q, which shows %s", name, r.stderr, bad)
		}
	}

	shown := e.ok(nil, "show", "1")
	for _, text := range []string{"red", "beforeafter", "bad \uFFFD\uFFFD bytes", "tag-09999", megabyte[:1000]} {
		if !strings.Contains(shown, text) {
			t.Errorf("show does not show %q", text)
		}
	}
	if hits := e.ok(nil, "search", "שלום", "--json"); !strings.Contains(hits, `"id": 1`) {
		t.Errorf("searching right-to-left words finds nothing: %s", hits)
	}

	exported := filepath.Join(t.TempDir(), "export.json")
	e.ok(nil, "export", "--format", "json", "-o", exported)
	other := newEnv(t)
	other.ok(nil, "import", exported)
	sameEntry(t, other.ok(nil, "show", "1", "--json"), stored)
}

// TestPlainInputKeepsItsBytes types invalid UTF-8, a NUL and escape
// sequences into the line-by-line reflection: JSON shows each bad byte as
// U+FFFD, the screen shows no escape sequence, and an export and import
// gives the same entry back.
func TestPlainInputKeepsItsBytes(t *testing.T) {
	e := newEnv(t)
	typed := "Bad \xff title \x1b[31mred\n" +
		"\n" +
		"answer with \xc3( and \x00 NUL \x1b]0;pwned\x07 done\n\n" +
		rightToLeft + "\n" + combining + "\n\n" +
		"\n\n" // the last two questions left empty, so the input ends once they are answered
	e.ok([]byte(typed), "new")
	stored := e.ok(nil, "show", "1", "--json")
	var got journal.Entry
	if err := json.Unmarshal([]byte(stored), &got); err != nil {
		t.Fatal(err)
	}
	if want := "Bad \uFFFD title \x1b[31mred"; got.Title != want {
		t.Errorf("title %q, want %q", got.Title, want)
	}
	if want := "answer with \uFFFD( and \x00 NUL \x1b]0;pwned\x07 done"; got.AnswerText(journal.KeyCause) != want {
		t.Errorf("cause %q, want %q", got.AnswerText(journal.KeyCause), want)
	}
	if want := rightToLeft + "\n" + combining; got.AnswerText(journal.KeyPatterns) != want {
		t.Errorf("patterns %q, want %q", got.AnswerText(journal.KeyPatterns), want)
	}
	for _, args := range [][]string{{"show", "1"}, {"list"}, {"export"}} {
		if bad := unsafeForTerminal(e.ok(nil, args...)); bad != "" {
			t.Errorf("failup %s shows %s", strings.Join(args, " "), bad)
		}
	}
	exported := filepath.Join(t.TempDir(), "export.json")
	e.ok(nil, "export", "--format", "json", "-o", exported)
	other := newEnv(t)
	other.ok(nil, "import", exported)
	sameEntry(t, other.ok(nil, "show", "1", "--json"), stored)
}

// sameEntry fails the test unless two entries printed as JSON are the same,
// field for field.
func sameEntry(t *testing.T, got, want string) {
	t.Helper()
	var g, w journal.Entry
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("export and import changed the entry:\n%.2000s\nwant\n%.2000s", got, want)
	}
}

// unsafeForTerminal names the first thing in s that could drive a terminal
// (an escape, a control character, a C1 code, a bidirectional control,
// invalid UTF-8), or "".
func unsafeForTerminal(s string) string {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return fmt.Sprintf("invalid UTF-8 at byte %d", i)
		case r != '\n' && r != '\t' && unicode.IsControl(r):
			return fmt.Sprintf("control character %U at byte %d: %q", r, i, s[max(i-20, 0):min(i+20, len(s))])
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return fmt.Sprintf("bidirectional control %U at byte %d: %q", r, i, s[max(i-20, 0):min(i+20, len(s))])
		}
	}
	return ""
}

// TestBadFieldsSayWhatIsWrong gives new --from and import fields of the
// wrong kind and a year 0 date: each is refused in one sentence naming the
// field and what it must be, and nothing is saved.
func TestBadFieldsSayWhatIsWrong(t *testing.T) {
	e := newEnv(t)
	e.ok(entryJSON(t, simpleEntry("The only entry", "It is kept.")), "new", "--from", "-")
	for body, want := range map[string]string{
		`{"title": "Tags", "tags": "work"}`:                "tags must be a list of strings, not a string",
		`{"title": "Year 0", "occurred_on": "0000-06-01"}`: `"0000-06-01" is not a date: there was no year 0`,
		`{"title": "Severity", "severity": "high"}`:        "severity must be a whole number, not a string",
	} {
		e.fails(want, []byte(body), "new", "--from", "-")
		doc := filepath.Join(t.TempDir(), "doc.json")
		write(t, doc, []byte(`{"format": "failup.v1", "entries": [`+body+`]}`))
		e.fails(want, nil, "import", doc)
	}
	if h := e.healthy(); h.Entries != 1 {
		t.Errorf("the journal holds %d entries after refused input, want 1", h.Entries)
	}
}
