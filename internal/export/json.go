package export

import (
	"encoding/json"
	"io"
	"time"

	"github.com/failup/failup/internal/journal"
)

// JSON writes entries as the failup.v1 document that `failup import` reads,
// indented two spaces. Lists are written as [] rather than null, as the
// journal itself returns them.
func JSON(w io.Writer, entries []journal.Entry, now time.Time) error {
	out := make([]journal.Entry, len(entries))
	for i, e := range entries {
		out[i] = withEmptyLists(e)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(journal.NewDocument(out, now))
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
