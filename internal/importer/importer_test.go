package importer

import (
	"archive/zip"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
)

var now = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func options(t *testing.T) Options {
	t.Helper()
	lib, err := prompt.Load("")
	if err != nil {
		t.Fatal(err)
	}
	return Options{Now: now, Questions: lib.Question, Sets: lib.Sets()}
}

// brief is what a test compares of an entry.
type brief struct {
	Day     journal.Date
	Title   string
	Tags    []string
	Written string
}

func briefs(entries []journal.Entry) []brief {
	out := make([]brief, len(entries))
	for i, e := range entries {
		out[i] = brief{e.OccurredOn, e.Title, e.Tags, e.AnswerText(WrittenKey)}
	}
	return out
}

func TestJrnlConfigReadsEveryJournal(t *testing.T) {
	res, err := ReadJrnl(filepath.Join("testdata", "jrnl", "jrnl.yaml"), options(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []brief{
		{"2024-03-27", "Missed the train to the interview.", []string{"interview", "imported"},
			"Missed the train to the interview. I left the house ten minutes late\nbecause I was rewriting my notes @interview.\nNext time: pack the night before."},
		{"2024-03-28", "Short one.", []string{"imported"}, "Short one."},
		{"2024-03-29", "Argued with @Sam about the budget!", []string{"sam", "starred", "imported"},
			"Argued with @Sam about the budget!\nIt went badly. I raised my voice and we did not finish.\n\nTwo paragraphs, and a line that looks like a date but is not:\n[not a date] stays in the body."},
		{"2024-03-25", "The demo crashed in front of the client.", []string{"work", "demo", "imported"},
			"The demo crashed in front of the client.\nI had not tested on the projector laptop. #demo"},
	}
	if got := briefs(res.Entries); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%#v\nwant\n%#v", got, want)
	}
	e := res.Entries[0]
	if e.PromptSet != journal.DefaultPromptSet || e.Answers[0].Question != "What I wrote in jrnl" {
		t.Errorf("the text is not kept as the imported answer of the default set: %+v", e)
	}
	if at := e.CreatedAt.In(time.Local); at.Hour() != 21 || at.Minute() != 15 {
		t.Errorf("created_at %v is not the entry's time", e.CreatedAt)
	}
}

func TestJrnlJSONGivesTheSameUIDsAsTheJournalFile(t *testing.T) {
	opts := options(t)
	fromText, err := ReadJrnl(filepath.Join("testdata", "jrnl", "journal.txt"), opts)
	if err != nil {
		t.Fatal(err)
	}
	fromJSON, err := ReadJrnlJSON(filepath.Join("testdata", "jrnl", "export.json"), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(fromJSON.Entries) != 3 || len(fromText.Entries) != 3 {
		t.Fatalf("got %d and %d entries, want 3 and 3", len(fromText.Entries), len(fromJSON.Entries))
	}
	for i := range fromJSON.Entries {
		a, b := fromText.Entries[i], fromJSON.Entries[i]
		if a.UID != b.UID || a.Title != b.Title || a.OccurredOn != b.OccurredOn || !slices.Equal(a.Tags, b.Tags) {
			t.Errorf("entry %d differs:\ntext %+v\njson %+v", i+1, a, b)
		}
	}
}

func TestDayOneKeepsTheDayWhereItWasWritten(t *testing.T) {
	json := filepath.Join("testdata", "dayone", "Journal.json")
	zipped := filepath.Join(t.TempDir(), "export.zip")
	writeZip(t, zipped, map[string]string{"Journal.json": readText(t, json), "Travel.json": `{"metadata": {}, "entries": [
		{"uuid": "AA", "creationDate": "2024-06-01T10:00:00Z", "timeZone": "UTC", "text": "Lost my passport."}]}`,
		"photos/6A1F2C3D4E5F4A7B8C9D0E1F2A3B4C5D.jpeg": "not really a photo"})
	for _, file := range []string{json, zipped} {
		res, err := ReadDayOne(file, options(t))
		if err != nil {
			t.Fatal(err)
		}
		e := res.Entries[0]
		// 22:30 UTC on 2 May was 07:30 on 3 May in Tokyo.
		if e.OccurredOn != "2024-05-03" || e.Title != "Presentation went wrong" {
			t.Errorf("%s: day %s, title %q", file, e.OccurredOn, e.Title)
		}
		want := "# Presentation went wrong\n\nI forgot the second half of the talk. The slides froze, and I panicked!\n\n[a photo, not imported]\n\n1. breathe\n2. keep notes on paper"
		if got := e.AnswerText(WrittenKey); got != want {
			t.Errorf("%s: text\n%s\nwant\n%s", file, got, want)
		}
		if !slices.Equal(e.Tags, []string{"work", "talks", "starred", "imported"}) {
			t.Errorf("%s: tags %v", file, e.Tags)
		}
		if len(res.Left) != 1 || res.Left[0] != "entry 1 (2024-05-02T22:30:00Z “Presentation went wrong”): 1 photo, its place, its weather not imported" {
			t.Errorf("%s: left %q", file, res.Left)
		}
		if e.UID != stableUID(DayOne, "8C3B0F2A6E9D4B1C9F7A2D5E8B4C1A03") {
			t.Errorf("%s: uid %s is not made from Day One's", file, e.UID)
		}
	}
	res, err := ReadDayOne(zipped, options(t))
	if err != nil {
		t.Fatal(err)
	}
	if last := res.Entries[len(res.Entries)-1]; len(res.Entries) != 3 || !slices.Contains(last.Tags, "Travel") {
		t.Errorf("the second journal in the zip is not read, or not tagged with its name: %+v", last)
	}
}

func TestMarkdownVault(t *testing.T) {
	res, err := ReadMarkdown(filepath.Join("testdata", "markdown", "vault"), options(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []brief{
		{"2024-04-10", "Budget", []string{"money", "planning", "imported"}, "Went over the monthly budget again."},
		{"2024-04-03", "Talked over everyone at standup", []string{"work", "meetings", "listening", "imported"},
			"I cut Priya off twice. #listening\n\nShe looked annoyed and I only noticed afterwards."},
		{"2024-03-29", "Rough Friday", []string{"imported"}, "# Rough Friday\n\nOverslept, missed the gym, snapped at the kids."},
	}
	if got := briefs(res.Entries); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%#v\nwant\n%#v", got, want)
	}
	again, err := ReadMarkdown(filepath.Join("testdata", "markdown", "vault"), options(t))
	if err != nil || again.Entries[1].UID != res.Entries[1].UID {
		t.Errorf("a note's uid changes from one import to the next")
	}
}

func TestDetect(t *testing.T) {
	dir := t.TempDir()
	failup := filepath.Join(dir, "backup.json")
	writeText(t, failup, `{"format": "failup.v1", "entries": []}`)
	zipped := filepath.Join(dir, "dayone.zip")
	writeZip(t, zipped, map[string]string{"Journal.json": "{}"})
	unknown := filepath.Join(dir, "notes.txt")
	writeText(t, unknown, "just some words\n")
	for path, want := range map[string]Format{
		"testdata/jrnl/jrnl.yaml": Jrnl, "testdata/jrnl/journal.txt": Jrnl, "testdata/jrnl/export.json": Jrnl,
		"testdata/dayone/Journal.json": DayOne, zipped: DayOne, "testdata/markdown/vault": Markdown,
		"testdata/markdown/vault/Standup.md": Markdown, failup: Failup,
	} {
		if got, err := Detect(path); got != want || err != nil {
			t.Errorf("Detect(%s) = %s, %v; want %s", path, got, err, want)
		}
	}
	if _, err := Detect(unknown); err == nil || !strings.Contains(err.Error(), "--from") {
		t.Errorf("an unknown file: %v", err)
	}
}

// TestBadInput: every importer refuses a bad file with one sentence naming
// the file and, where there is one, the entry.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	file := func(name, text string) string {
		p := filepath.Join(dir, name)
		writeText(t, p, text)
		return p
	}
	huge := strings.Repeat("word ", 10<<20)
	truncatedZip := filepath.Join(dir, "cut.zip")
	writeZip(t, truncatedZip, map[string]string{"Journal.json": readText(t, "testdata/dayone/Journal.json")})
	data, _ := os.ReadFile(truncatedZip)
	os.WriteFile(truncatedZip, data[:len(data)/2], 0o600)
	dayone := func(entry string) string {
		return `{"metadata": {"version": "1.0"}, "entries": [` + entry + `]}`
	}
	for _, c := range []struct {
		name   string
		format Format
		path   string
		want   string
	}{
		{"jrnl truncated", Jrnl, file("cut.json", `{"entries": [{"title": "a"`), "cut.json: the JSON ends too early"},
		{"jrnl given Day One", Jrnl, "testdata/dayone/Journal.json", "Journal.json is a Day One export, not jrnl's; import it with --from dayone"},
		{"jrnl given prose", Jrnl, file("prose.txt", "Dear diary,\nToday was long.\n"), "prose.txt is not a jrnl journal"},
		{"jrnl cut in a date", Jrnl, file("cut.txt", "[2024-01-01 10:00] One.\n\n[2024-01-0"), "cut.txt: line 3 stops partway through an entry's date, as if the file were cut short"},
		{"markdown given failup's page", Markdown, file("all.md", "# Reflections\n\n*14 March 2026 · 1 entry*\n\n## Missed the bus\n"),
			"all.md is failup's Markdown export, a page written to be read, not imported; import the JSON export"},
		{"jrnl text before the first entry", Jrnl, file("preface.txt", "My journal\n[2024-01-01 10:00] One.\n"), "preface.txt: line 1 is not the start"},
		{"jrnl no date", Jrnl, file("nodate.json", `{"entries": [{"title": "Undated.", "body": ""}]}`), "nodate.json: entry 1 (“Undated.”): it has no date"},
		{"jrnl future", Jrnl, file("future.txt", "[2024-01-01 10:00] Fine.\n[2031-01-01 10:00] Not yet.\n"), "future.txt: line 2, entry 2 (2031-01-01 10:00 “Not yet.”): its date 2031-01-01 has not come yet"},
		{"jrnl duplicates", Jrnl, file("twice.txt", "[2024-01-01 10:00] Same.\n[2024-01-01 10:00] Same.\n"), "twice.txt: line 2, entry 2 (2024-01-01 10:00 “Same.”): it is line 1, entry 1 (2024-01-01 10:00 “Same.”) again"},
		{"jrnl invalid UTF-8", Jrnl, file("latin1.txt", "[2024-01-01 10:00] Caf\xe9.\n"), "latin1.txt: line 1 is not valid UTF-8"},
		{"jrnl huge body", Jrnl, file("huge.txt", "[2024-01-01 10:00] Long.\n"+huge), "huge.txt: line 1, entry 1 (2024-01-01 10:00 “Long.”): its text is 50 MB, more than the 4 MB"},
		{"jrnl bad timeformat", Jrnl, file("jrnl.yaml", "journals:\n  default: huge.txt\ntimeformat: '%Q'\n"), "jrnl.yaml: jrnl's timeformat \"%Q\" uses %Q"},
		{"jrnl encrypted", Jrnl, file("secret.yaml", "journals:\n  default:\n    journal: huge.txt\n    encrypt: true\n"), "secret.yaml: journal \"default\" is encrypted"},
		{"dayone truncated json", DayOne, file("cut-dayone.json", `{"metadata": {}, "entries": [{"uuid": "A"`), "cut-dayone.json: the JSON ends too early"},
		{"dayone truncated zip", DayOne, truncatedZip, "cut.zip is not a complete zip file"},
		{"dayone given jrnl", DayOne, "testdata/jrnl/export.json", "export.json is not a Day One export"},
		{"dayone no date", DayOne, file("d1.json", dayone(`{"uuid": "A", "text": "No date here"}`)), "d1.json: entry 1 (“No date here”): it has no date"},
		{"dayone future", DayOne, file("d2.json", dayone(`{"uuid": "A", "creationDate": "2030-01-01T00:00:00Z", "text": "Later"}`)), "d2.json: entry 1 (2030-01-01T00:00:00Z “Later”): its date 2030-01-01 has not come yet"},
		{"dayone duplicates", DayOne, file("d3.json", dayone(`{"uuid": "A", "creationDate": "2024-01-01T00:00:00Z", "text": "One"}, {"uuid": "A", "creationDate": "2024-01-01T00:00:00Z", "text": "One"}`)), "d3.json: entry 2 (2024-01-01T00:00:00Z “One”): it is entry 1"},
		{"dayone invalid UTF-8", DayOne, file("d4.json", dayone("{\"uuid\": \"A\", \"creationDate\": \"2024-01-01T00:00:00Z\", \"text\": \"\xff\"}")), "d4.json: line 1 is not valid UTF-8"},
		{"dayone bad date", DayOne, file("d5.json", dayone(`{"uuid": "A", "creationDate": "yesterday", "text": "x"}`)), `d5.json: entry 1 (yesterday “x”): its creationDate "yesterday" is not a time`},
		{"dayone huge", DayOne, file("d6.json", dayone(`{"uuid": "A", "creationDate": "2024-01-01T00:00:00Z", "text": "`+huge+`"}`)), "d6.json: entry 1 (2024-01-01T00:00:00Z “word word word"},
		{"markdown no date", Markdown, file("idea.md", "Some thoughts.\n"), "idea.md: it has no date"},
		{"markdown unclosed front matter", Markdown, file("open.md", "---\ntitle: x\n\nbody\n"), "open.md: its front matter starts with --- but never ends"},
		{"markdown bad yaml", Markdown, file("yaml.md", "---\ntitle: [x\n---\nbody\n"), "yaml.md: its front matter is not valid YAML"},
		{"markdown future", Markdown, file("2030-01-01 plans.md", "Plans.\n"), "2030-01-01 plans.md: its date 2030-01-01 has not come yet"},
		{"markdown invalid UTF-8", Markdown, file("2024-01-01.md", "Caf\xe9\n"), "2024-01-01.md: line 1 is not valid UTF-8"},
		{"markdown huge", Markdown, file("2024-01-02.md", huge), "2024-01-02.md: its text is 50 MB"},
		{"markdown given jrnl", Markdown, "testdata/jrnl/journal.txt", "journal.txt is not a Markdown note"},
		{"dayone given Markdown", DayOne, "testdata/markdown/vault/Standup.md", "Standup.md: it is not JSON"},
		{"jrnl JSON given Markdown", Jrnl, file("notes.json", "---\ntitle: x\n---\n"), "notes.json is not a jrnl journal"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.format, c.path, options(t))
			if err == nil {
				t.Fatal("no error")
			}
			if msg := err.Error(); !strings.Contains(msg, c.want) || strings.Contains(msg, "\n") {
				t.Errorf("error\n%s\ndoes not say\n%s", msg, c.want)
			}
		})
	}
}

func TestMarkdownDuplicateUIDs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.md", "b.md"} {
		writeText(t, filepath.Join(dir, name), "---\ndate: 2024-01-01\nuid: same\n---\nText.\n")
	}
	_, err := ReadMarkdown(dir, options(t))
	if err == nil || !strings.Contains(err.Error(), "b.md: it is the entry "+filepath.Join(dir, "a.md")+" holds too") {
		t.Errorf("got %v", err)
	}
}

func writeText(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func writeZip(t *testing.T, path string, files map[string]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}
