package journal

import (
	"io"
	"strings"
	"testing"
)

func TestDocumentEntriesReportsWhereAndWhich(t *testing.T) {
	cases := []struct {
		name, doc string
		read      int // entries yielded before the error
		want      string
	}{
		{"empty", ``, 0, "the input is empty"},
		{"not an object", `[]`, 0, "expected a JSON object"},
		{"wrong format first", `{"format": "failup.v9", "entries": [{"title": "a"}]}`, 0, `format is "failup.v9"`},
		{"format after the entries", `{"entries": [{"title": "a"}], "format": "failup.v9"}`, 1, `format is "failup.v9"`},
		{"no format", `{"entries": [{"title": "a"}]}`, 1, `format is ""`},
		{"format not a string", `{"format": 1}`, 0, "format must be a string, not a number"},
		{"unknown field", `{"format": "failup.v1", "colour": "blue"}`, 0, `unknown field "colour"`},
		{"entries not a list", `{"format": "failup.v1", "entries": {}}`, 0, "entries must be a list"},
		{"unknown entry field", `{"format": "failup.v1", "entries": [{"title": "a"}, {"title": "b", "mood": "sad"}]}`, 1, `entry 2: unknown field "mood"`},
		{"wrong entry type", `{"format": "failup.v1", "entries": [{"title": "a", "severity": "high"}]}`, 0, "entry 1: severity must be a whole number, not a string"},
		{"tags as one string", `{"format": "failup.v1", "entries": [{"title": "a", "tags": "work"}]}`, 0, "entry 1: tags must be a list of strings, not a string"},
		{"year 0", `{"format": "failup.v1", "entries": [{"title": "a", "occurred_on": "0000-06-01"}]}`, 0, `"0000-06-01" is not a date: there was no year 0`},
		{"broken entry", "{\"format\": \"failup.v1\",\n\"entries\": [\n{\"title\": \"a\"},\n  {\"title\" \"b\"}]}", 1,
			"entry 2: the JSON is broken at line 4, column 12"},
		{"broken between entries", "{\"format\": \"failup.v1\",\n\"entries\": [{\"title\": \"a\"} {\"title\": \"b\"}]}", 1,
			"the JSON is broken at line 2, column 28"},
		{"ends early", `{"format": "failup.v1", "entries": [{"title": "a"},`, 1, "the JSON ends too early"},
		{"ends inside an entry", `{"format": "failup.v1", "entries": [{"title": "a"`, 0, "entry 1: the JSON ends too early"},
		{"trailing data", `{"format": "failup.v1", "entries": []} {}`, 0, "unexpected data after the JSON value"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			read := 0
			var err error
			for _, err = range DocumentEntries(strings.NewReader(c.doc)) {
				if err != nil {
					break
				}
				read++
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
			if read != c.read {
				t.Errorf("%d entries read before the error, want %d", read, c.read)
			}
		})
	}
}

// TestDocumentEntriesStreams checks that an entry is yielded before the rest
// of the document has been written.
func TestDocumentEntriesStreams(t *testing.T) {
	r, w := io.Pipe()
	go func() {
		io.WriteString(w, `{"format": "failup.v1", "exported_at": null, "entries": [{"title": "first"},`)
	}()
	for e, err := range DocumentEntries(r) {
		if err != nil || e.Title != "first" {
			t.Fatalf("first entry %+v, %v", e, err)
		}
		break
	}
	w.Close()
}

func TestDecodeDocumentKeepsEveryField(t *testing.T) {
	doc, err := DecodeDocument(strings.NewReader(`{"entries": null, "exported_at": "2026-11-27T10:00:00Z", "format": "failup.v1"}`))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Format != Format || doc.ExportedAt.Format("2006-01-02") != "2026-11-27" || doc.Entries == nil || len(doc.Entries) != 0 {
		t.Fatalf("DecodeDocument = %+v", doc)
	}
}
