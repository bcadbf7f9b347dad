package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/failup/failup/internal/journal"
)

// JSON writes entries as the failup.v1 document that `failup import` reads,
// indented two spaces. Lists are written as [] rather than null, as the
// journal itself returns them. Entries are encoded one at a time: the
// document of a large journal is never held twice over in memory.
func JSON(w io.Writer, entries []journal.Entry, now time.Time) error {
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
	for i, e := range entries {
		entry.Reset()
		if err := enc.Encode(withEmptyLists(e)); err != nil {
			return err
		}
		if i > 0 {
			out.WriteString(",")
		}
		out.WriteString("\n    ")
		out.Write(bytes.TrimSuffix(entry.Bytes(), []byte("\n")))
	}
	if len(entries) > 0 {
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
