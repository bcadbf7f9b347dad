package faults

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// written is an entry as another tool keeps it, for writing test sources:
// at is when it was written ("" for no date).
type written struct {
	at, title, body string
}

// importSource writes entries in one format another tool uses and returns
// the path to import and the --from that names it.
type importSource struct {
	name, from string
	// cutShort is how failup says a source was cut short; fileIsEntry, that
	// the file's name is the entry's (a note).
	cutShort    string
	fileIsEntry bool
	write       func(t *testing.T, dir string, entries []written) string
	// truncated writes a source cut short where a reader can tell;
	// foreign writes another tool's export where this format is expected.
	truncated, foreign func(t *testing.T, dir string) string
}

var hugeBody = strings.Repeat("word ", 10<<20) // 50 MB

// TestEveryImporterRefusesBadInput runs failup import, for every format,
// over every kind of bad input: it exits 1 with one sentence that names the
// file and the entry, and the journal file is byte for byte as it was.
func TestEveryImporterRefusesBadInput(t *testing.T) {
	good := written{"2024-01-01T10:00:00Z", "Missed the train.", "Left late."}
	cases := []struct {
		name string
		// entries are written by the source, unless source is set.
		entries []written
		source  func(s importSource, t *testing.T, dir string) string
		// want is what the sentence says besides the file's name; entry,
		// the words that name the entry; cut, that it says the source was
		// cut short.
		want, entry string
		cut         bool
	}{
		{name: "truncated", source: func(s importSource, t *testing.T, dir string) string { return s.truncated(t, dir) }, cut: true},
		{name: "another tool's format", source: func(s importSource, t *testing.T, dir string) string { return s.foreign(t, dir) },
			want: "not"},
		{name: "no date", entries: []written{good, {"", "Undated.", "When was this?"}}, want: "date"},
		{name: "future date", entries: []written{good, {"2031-01-01T10:00:00Z", "Not yet.", "Later."}},
			want: "2031-01-01 has not come yet", entry: "Not yet."},
		{name: "duplicate entries", entries: []written{good, {"2024-02-01T10:00:00Z", "Twice.", "Same."}, {"2024-02-01T10:00:00Z", "Twice.", "Same."}},
			want: "again", entry: "Twice."},
		{name: "invalid UTF-8", entries: []written{good, {"2024-02-01T10:00:00Z", "Caf\xe9.", "Latin-1."}},
			want: "not valid UTF-8"},
		{name: "50 MB body", entries: []written{good, {"2024-02-01T10:00:00Z", "Long.", hugeBody}},
			want: "50 MB", entry: "Long."},
	}
	base := newEnv(t)
	base.ok([]byte(`{"format": "failup.v1", "entries": [{"uid": "a", "title": "Already here", "occurred_on": "2026-03-14"}]}`), "import", "-")
	base.healthy()
	journal, err := os.ReadFile(base.db)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range importSources {
		for _, c := range cases {
			t.Run(s.name+"/"+c.name, func(t *testing.T) {
				e := newEnv(t)
				writeFile(t, e.db, string(journal))
				dir := t.TempDir()
				var path string
				if c.source != nil {
					path = c.source(s, t, dir)
				} else {
					path = s.write(t, dir, c.entries)
				}
				r := e.run(nil, "import", "--from", s.from, path)
				if r.code != 1 || !oneLine(r.stderr) {
					t.Fatalf("exit %d, stderr %q; want exit 1 and one sentence", r.code, r.stderr)
				}
				want := []string{filepath.Base(path), c.want, "nothing was imported"}
				if c.cut {
					want = append(want, s.cutShort)
				}
				if !s.fileIsEntry {
					want = append(want, c.entry)
				}
				for _, w := range want {
					if !strings.Contains(r.stderr, w) {
						t.Errorf("%q does not say %q", r.stderr, w)
					}
				}
				if r.stdout != "" {
					t.Errorf("stdout %q", r.stdout)
				}
				if after, err := os.ReadFile(e.db); err != nil || !bytes.Equal(after, journal) {
					t.Errorf("the journal file changed (%v)", err)
				}
			})
		}
	}
}

var importSources = []importSource{
	{
		name: "jrnl text", cutShort: "cut short", from: "jrnl",
		write: func(t *testing.T, dir string, entries []written) string {
			// In jrnl's file, text after an entry's first line is its body:
			// only text before the first dated line belongs to no date.
			var undated, dated strings.Builder
			for _, w := range entries {
				if w.at == "" {
					undated.WriteString(w.title + " " + w.body + "\n\n")
					continue
				}
				dated.WriteString("[" + strings.Replace(w.at[:16], "T", " ", 1) + "] " + w.title + " " + w.body + "\n\n")
			}
			return writeFile(t, filepath.Join(dir, "journal.txt"), undated.String()+dated.String())
		},
		truncated: func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "journal.txt"), "[2024-01-01 10:00] Missed the train. Left late.\n\n[2024-01-0")
		},
		foreign: func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "Journal.json"), dayOneJSON(t, []written{{"2024-01-01T10:00:00Z", "Hi.", ""}}))
		},
	},
	{
		name: "jrnl JSON", cutShort: "cut short", from: "jrnl",
		write: func(t *testing.T, dir string, entries []written) string {
			return writeFile(t, filepath.Join(dir, "export.json"), jrnlJSON(t, entries))
		},
		truncated: func(t *testing.T, dir string) string {
			doc := jrnlJSON(t, []written{{"2024-01-01T10:00:00Z", "Missed the train.", "Left late."}})
			return writeFile(t, filepath.Join(dir, "export.json"), doc[:len(doc)/2])
		},
		foreign: func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "export.json"), dayOneJSON(t, []written{{"2024-01-01T10:00:00Z", "Hi.", ""}}))
		},
	},
	{
		name: "Day One JSON", cutShort: "cut short", from: "dayone",
		write: func(t *testing.T, dir string, entries []written) string {
			return writeFile(t, filepath.Join(dir, "Journal.json"), dayOneJSON(t, entries))
		},
		truncated: func(t *testing.T, dir string) string {
			doc := dayOneJSON(t, []written{{"2024-01-01T10:00:00Z", "Missed the train.", "Left late."}})
			return writeFile(t, filepath.Join(dir, "Journal.json"), doc[:len(doc)/2])
		},
		foreign: func(t *testing.T, dir string) string {
			return writeFile(t, filepath.Join(dir, "Journal.json"), jrnlJSON(t, []written{{"2024-01-01T10:00:00Z", "Hi.", ""}}))
		},
	},
	{
		name: "Day One zip", cutShort: "not a complete zip file", from: "dayone",
		write: func(t *testing.T, dir string, entries []written) string {
			return writeZip(t, filepath.Join(dir, "export.zip"), map[string]string{"Journal.json": dayOneJSON(t, entries)})
		},
		truncated: func(t *testing.T, dir string) string {
			path := writeZip(t, filepath.Join(dir, "export.zip"), map[string]string{
				"Journal.json": dayOneJSON(t, []written{{"2024-01-01T10:00:00Z", "Missed the train.", "Left late."}})})
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			return writeFile(t, path, string(data[:len(data)/2]))
		},
		foreign: func(t *testing.T, dir string) string {
			return writeZip(t, filepath.Join(dir, "export.zip"), map[string]string{"notes/a.md": "# A note\n"})
		},
	},
	{
		name: "Markdown folder", cutShort: "never ends", fileIsEntry: true, from: "markdown",
		write: func(t *testing.T, dir string, entries []written) string {
			notes := filepath.Join(dir, "notes")
			for i, w := range entries {
				front := "title: " + w.title + "\n"
				if w.at != "" {
					front += "date: " + w.at[:10] + "\n"
				}
				writeFile(t, filepath.Join(notes, fmt.Sprintf("note-%d.md", i+1)), "---\n"+front+"uid: uid-"+w.title+"\n---\n\n"+w.body+"\n")
			}
			return notes
		},
		truncated: func(t *testing.T, dir string) string {
			notes := filepath.Join(dir, "notes")
			writeFile(t, filepath.Join(notes, "a.md"), "---\ntitle: Missed the train.\ndate: 2024-01-01\n")
			return notes
		},
		foreign: func(t *testing.T, dir string) string {
			notes := filepath.Join(dir, "notes")
			writeFile(t, filepath.Join(notes, "Journal.md"), dayOneJSON(t, []written{{"2024-01-01T10:00:00Z", "Hi.", ""}}))
			return notes
		},
	},
}

func jrnlJSON(t *testing.T, entries []written) string {
	type entry struct {
		Date    string   `json:"date,omitempty"`
		Time    string   `json:"time,omitempty"`
		Title   string   `json:"title"`
		Body    string   `json:"body"`
		Tags    []string `json:"tags"`
		Starred bool     `json:"starred"`
	}
	doc := struct {
		Tags    map[string]int `json:"tags"`
		Entries []entry        `json:"entries"`
	}{Tags: map[string]int{}}
	for _, w := range entries {
		je := entry{Title: w.title, Body: w.body, Tags: []string{}}
		if w.at != "" {
			je.Date, je.Time = w.at[:10], w.at[11:16]
		}
		doc.Entries = append(doc.Entries, je)
	}
	return marshal(t, doc)
}

func dayOneJSON(t *testing.T, entries []written) string {
	type entry struct {
		UUID         string   `json:"uuid"`
		CreationDate string   `json:"creationDate,omitempty"`
		TimeZone     string   `json:"timeZone"`
		Text         string   `json:"text"`
		Tags         []string `json:"tags"`
	}
	doc := struct {
		Metadata map[string]string `json:"metadata"`
		Entries  []entry           `json:"entries"`
	}{Metadata: map[string]string{"version": "1.0"}}
	for i, w := range entries {
		id := fmt.Sprintf("%032X", i+1)
		if i > 0 && entries[i-1] == w {
			id = fmt.Sprintf("%032X", i) // Day One's duplicate: the same uuid twice
		}
		doc.Entries = append(doc.Entries, entry{UUID: id, CreationDate: w.at, TimeZone: "UTC", Text: "# " + w.title + "\n\n" + w.body, Tags: []string{}})
	}
	return marshal(t, doc)
}

// marshal writes v as JSON, keeping invalid UTF-8 as the bytes it was.
func marshal(t *testing.T, v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(data), `\ufffd`, "\xe9")
}

func writeFile(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeZip(t *testing.T, path string, files map[string]string) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	for name, text := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}
