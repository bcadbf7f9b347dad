package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Format names the version of the export document.
const Format = "failup.v1"

// Document is the failup.v1 export: what `export --format json` writes and
// `import` reads.
type Document struct {
	Format     string    `json:"format"`
	ExportedAt time.Time `json:"exported_at"`
	Entries    []Entry   `json:"entries"`
}

// NewDocument wraps entries for export.
func NewDocument(entries []Entry, now time.Time) Document {
	if entries == nil {
		entries = []Entry{}
	}
	return Document{Format: Format, ExportedAt: now.UTC().Truncate(time.Second), Entries: entries}
}

// QuestionLookup finds the text of a question by prompt set and answer key.
type QuestionLookup func(set, key string) (string, bool)

// Complete fills what an entry given as input may leave out: uid, times,
// occurred_on, prompt_set, and each answer's question. Given values are kept.
func (e *Entry) Complete(now time.Time, questions QuestionLookup) error {
	e.Normalize()
	if e.OccurredOn.IsZero() {
		e.OccurredOn = DateOf(now)
	}
	now = now.UTC().Truncate(time.Second)
	if e.UID == "" {
		e.UID = uuid.NewString()
	}
	if e.CreatedAt.IsZero() {
		e.CreatedAt = now
	}
	if e.UpdatedAt.IsZero() {
		e.UpdatedAt = e.CreatedAt
	}
	e.CreatedAt, e.UpdatedAt = e.CreatedAt.UTC(), e.UpdatedAt.UTC()
	for i, a := range e.Answers {
		if a.Question != "" {
			continue
		}
		q, ok := "", false
		if questions != nil {
			q, ok = questions(e.PromptSet, a.Key)
		}
		if !ok {
			return &FieldError{fmt.Sprintf("answers[%d].question", i),
				fmt.Sprintf("is missing, and prompt set %q has no question %q", e.PromptSet, a.Key)}
		}
		e.Answers[i].Question = q
	}
	if f := e.Followup; f != nil {
		if f.CheckedInAt != nil {
			t := f.CheckedInAt.UTC()
			f.CheckedInAt = &t
		}
		if f.DroppedAt != nil {
			t := f.DroppedAt.UTC()
			f.DroppedAt = &t
		}
	}
	return e.Validate()
}

// DecodeEntry reads exactly one entry as JSON, rejecting unknown fields and
// trailing data.
func DecodeEntry(r io.Reader) (Entry, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Entry{}, err
	}
	var e Entry
	if err := decodeStrict(data, &e); err != nil {
		return Entry{}, err
	}
	return e, nil
}

// DecodeDocument reads a failup.v1 document. An entry that cannot be read is
// reported by its index.
func DecodeDocument(r io.Reader) (Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Document{}, err
	}
	var raw struct {
		Format     string            `json:"format"`
		ExportedAt *time.Time        `json:"exported_at"`
		Entries    []json.RawMessage `json:"entries"`
	}
	if err := decodeStrict(data, &raw); err != nil {
		return Document{}, err
	}
	if raw.Format != Format {
		return Document{}, fmt.Errorf("the document's format is %q; failup reads %q", raw.Format, Format)
	}
	doc := Document{Format: raw.Format, Entries: make([]Entry, len(raw.Entries))}
	if raw.ExportedAt != nil {
		doc.ExportedAt = *raw.ExportedAt
	}
	for i, m := range raw.Entries {
		if err := decodeStrict(m, &doc.Entries[i]); err != nil {
			return Document{}, fmt.Errorf("entry %d: %w", i+1, err)
		}
	}
	return doc, nil
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return describeJSONError(data, err)
	}
	if dec.More() {
		return errors.New("unexpected data after the JSON value")
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

func describeJSONError(data []byte, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New("the input is empty; expected a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the JSON ends too early")
	case errors.As(err, &syntax):
		line, col := position(data, syntax.Offset)
		return fmt.Errorf("the JSON is broken at line %d, column %d: %s", line, col, syntax.Error())
	case errors.As(err, &typ):
		if typ.Field == "" {
			return fmt.Errorf("expected a JSON %s, not %s", typ.Type, typ.Value)
		}
		return fmt.Errorf("%s must be %s, not %s", typ.Field, jsonKind(typ.Type.String()), typ.Value)
	}
	return errors.New(strings.TrimPrefix(err.Error(), "json: "))
}

func jsonKind(goType string) string {
	switch {
	case strings.Contains(goType, "int"):
		return "a whole number"
	case strings.Contains(goType, "string"), strings.Contains(goType, "Date"), strings.Contains(goType, "Skill"):
		return "a string"
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.Contains(goType, "bool"):
		return "true or false"
	}
	return "an object"
}

func position(data []byte, offset int64) (line, col int) {
	if offset > int64(len(data)) {
		offset = int64(len(data))
	}
	before := data[:offset]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(offset) - bytes.LastIndexByte(before, '\n') - 1
	return line, col
}
