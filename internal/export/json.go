package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

// JSON writes entries and the person's corrections to their patterns as the
// failup.v1 document that `failup import` reads, indented two spaces. Lists
// are written as [] rather than null, as the journal itself returns them.
// Entries are encoded one at a time as they come: a large journal is never
// held in memory, and encoding goes on while the store reads ahead. An error
// from entries ends the document unfinished.
func JSON(w io.Writer, entries iter.Seq2[journal.Entry, error], corrections []journal.Correction, now time.Time) error {
	doc := journal.NewDocument(nil, now)
	format, err := json.Marshal(doc.Format)
	if err != nil {
		return err
	}
	at, err := json.Marshal(doc.ExportedAt)
	if err != nil {
		return err
	}
	out := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(out, "{\n  \"format\": %s,\n  \"exported_at\": %s,\n  \"entries\": [", format, at)
	var entry bytes.Buffer
	enc := json.NewEncoder(&entry)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	n := 0
	for e, err := range entries {
		if err != nil {
			return err
		}
		entry.Reset()
		if err := enc.Encode(withEmptyLists(e)); err != nil {
			return err
		}
		if n > 0 {
			out.WriteString(",")
		}
		n++
		out.WriteString("\n    ")
		out.Write(termtext.EscapeJSON(bytes.TrimSuffix(entry.Bytes(), []byte("\n"))))
	}
	if n > 0 {
		out.WriteString("\n  ")
	}
	out.WriteString("],\n  \"pattern_corrections\": [")
	for i, c := range corrections {
		entry.Reset()
		if err := enc.Encode(c); err != nil {
			return err
		}
		if i > 0 {
			out.WriteString(",")
		}
		out.WriteString("\n    ")
		out.Write(termtext.EscapeJSON(bytes.TrimSuffix(entry.Bytes(), []byte("\n"))))
	}
	if len(corrections) > 0 {
		out.WriteString("\n  ")
	}
	out.WriteString("]\n}\n")
	return out.Flush()
}

func withEmptyLists(e journal.Entry) journal.Entry {
	if e.Answers == nil {
		e.Answers = []journal.Answer{}
	}
	if e.Tags == nil {
		e.Tags = []string{}
	}
	if e.Skills == nil {
		e.Skills = []journal.Skill{}
	}
	return e
}
