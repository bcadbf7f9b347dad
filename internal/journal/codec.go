package journal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
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
	// PatternCorrections are the person's corrections to the patterns
	// found in the journal.
	PatternCorrections []Correction `json:"pattern_corrections"`
}

// NewDocument wraps entries for export.
func NewDocument(entries []Entry, now time.Time) Document {
	if entries == nil {
		entries = []Entry{}
	}
	return Document{Format: Format, ExportedAt: now.UTC().Truncate(time.Second), Entries: entries, PatternCorrections: []Correction{}}
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
	if CheckHappened(e.OccurredOn, DateOf(now)) != nil {
		return &FieldError{"occurred_on", fmt.Sprintf("%s has not come yet; a reflection is about something that happened", e.OccurredOn)}
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
		if strings.Contains(err.Error(), `unknown field "format"`) || strings.Contains(err.Error(), `unknown field "entries"`) {
			return Entry{}, fmt.Errorf("%w; this looks like an export of many entries, which failup import reads", err)
		}
		return Entry{}, err
	}
	return e, nil
}

// DecodeDocument reads a whole failup.v1 document into memory; see
// DocumentEntries to read one of any size.
func DecodeDocument(r io.Reader) (Document, error) {
	doc := Document{Format: Format, Entries: []Entry{}, PatternCorrections: []Correction{}}
	for e, err := range readDocument(r, &doc) {
		if err != nil {
			return Document{}, err
		}
		doc.Entries = append(doc.Entries, e)
	}
	return doc, nil
}

// DocumentEntries reads a failup.v1 document an entry at a time, so that one
// of any size takes little memory. It yields each entry as soon as it is
// read, and stops with an error (naming the entry by its index, from 1) as
// soon as the document turns out to be wrong, which can be after yielding
// some of its entries.
func DocumentEntries(r io.Reader) iter.Seq2[Entry, error] {
	return readDocument(r, nil)
}

// DocumentParts is DocumentEntries, setting rest's ExportedAt and
// PatternCorrections as they are read; they are whole once every entry has
// been yielded without an error. Each correction is checked as it is read.
func DocumentParts(r io.Reader, rest *Document) iter.Seq2[Entry, error] {
	return readDocument(r, rest)
}

// readDocument reads a document's fields in whatever order they come,
// setting rest's other fields (when rest is not nil).
func readDocument(r io.Reader, rest *Document) iter.Seq2[Entry, error] {
	return func(yield func(Entry, error) bool) {
		// The decoder asks for a few kilobytes at a time: read the file in
		// larger pieces (a 141 MB document took 50,000 reads).
		in := &lineCounter{r: bufio.NewReaderSize(r, 64<<10)}
		dec := json.NewDecoder(in)
		dec.DisallowUnknownFields()
		// token reads a delimiter or a field name; the document has begun,
		// so it cannot end yet.
		token := func() (json.Token, error) {
			t, err := dec.Token()
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return t, in.describe(err, dec.InputOffset())
		}
		// decode reads the value of field ("" for an entry).
		decode := func(field string, v any) error {
			err := dec.Decode(v)
			var typ *json.UnmarshalTypeError
			switch {
			case err == io.EOF:
				err = io.ErrUnexpectedEOF
			case errors.As(err, &typ) && typ.Field == "":
				typ.Field = field
			}
			return in.describe(err, dec.InputOffset())
		}
		fail := func(err error) { yield(Entry{}, err) }

		if t, err := dec.Token(); err != nil {
			fail(in.describe(err, dec.InputOffset()))
			return
		} else if t != json.Delim('{') {
			fail(errors.New("expected a JSON object holding format, exported_at and entries"))
			return
		}
		format := ""
		for dec.More() {
			t, err := token()
			if err != nil {
				fail(err)
				return
			}
			switch t {
			case "format":
				if err := decode("format", &format); err != nil {
					fail(err)
					return
				}
				if format != Format {
					fail(formatError(format))
					return
				}
			case "exported_at":
				var at *time.Time
				if err := decode("exported_at", &at); err != nil {
					fail(err)
					return
				}
				if at != nil && rest != nil {
					rest.ExportedAt = *at
				}
			case "pattern_corrections":
				var list []Correction
				if err := decode("pattern_corrections", &list); err != nil {
					fail(err)
					return
				}
				if err := checkCorrections(list); err != nil {
					fail(err)
					return
				}
				if rest != nil && list != nil {
					rest.PatternCorrections = list
				}
			case "entries":
				t, err := token()
				if err != nil {
					fail(err)
					return
				}
				if t == nil {
					continue // null: no entries
				}
				if t != json.Delim('[') {
					fail(errors.New("entries must be a list"))
					return
				}
				for i := 1; dec.More(); i++ {
					in.forget(dec.InputOffset())
					var e Entry
					if err := decode("", &e); err != nil {
						fail(fmt.Errorf("entry %d: %w", i, err))
						return
					}
					if !yield(e, nil) {
						return
					}
				}
				if _, err := token(); err != nil {
					fail(err)
					return
				}
			default:
				fail(fmt.Errorf("unknown field %q", t))
				return
			}
		}
		if _, err := token(); err != nil {
			fail(err)
			return
		}
		if _, err := dec.Token(); err != io.EOF {
			fail(errors.New("unexpected data after the JSON value"))
			return
		}
		if format != Format {
			fail(formatError(format))
		}
	}
}

func formatError(format string) error {
	return fmt.Errorf("the document's format is %q; failup reads %q", format, Format)
}

// lineCounter passes its input through, keeping what the decoder may still
// report an error in, so that an offset in the input can be told as a line
// and column without keeping all of it.
type lineCounter struct {
	r         io.Reader
	start     int64 // the offset of kept[0]
	lines     int   // how many lines end before start
	lineStart int64 // the offset of the first byte of the line start is on
	kept      []byte
}

func (c *lineCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.kept = append(c.kept, p[:n]...)
	return n, err
}

// forget drops what comes before offset.
func (c *lineCounter) forget(offset int64) {
	gone := c.kept[:offset-c.start]
	if i := bytes.LastIndexByte(gone, '\n'); i >= 0 {
		c.lines += bytes.Count(gone, []byte("\n"))
		c.lineStart = c.start + int64(i) + 1
	}
	c.kept = c.kept[:copy(c.kept, c.kept[len(gone):])]
	c.start = offset
}

// describe words a decoding error. The decoder stopped at offset, the start
// of the value (or delimiter) it could not read; a syntax error's own offset
// counts from elsewhere, so the value is read again from there to place it.
func (c *lineCounter) describe(err error, offset int64) error {
	if err == nil {
		return nil
	}
	return describeJSONError(err, func(int64) (line, col int) {
		value := c.kept[min(max(offset-c.start, 0), int64(len(c.kept))):]
		at := offset + 1
		var syntax *json.SyntaxError
		if errors.As(json.NewDecoder(bytes.NewReader(value)).Decode(&json.RawMessage{}), &syntax) {
			at = offset + syntax.Offset
		}
		return c.position(at)
	})
}

// position is the line and column of the byte at offset, counted from 1.
func (c *lineCounter) position(offset int64) (line, col int) {
	before := c.kept[:min(max(offset-1-c.start, 0), int64(len(c.kept)))]
	line = c.lines + bytes.Count(before, []byte("\n")) + 1
	lineStart := c.lineStart
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		lineStart = c.start + int64(i) + 1
	}
	return line, int(offset - lineStart)
}

func decodeStrict(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	where := func(offset int64) (int, int) { return position(data, offset) }
	if err := dec.Decode(v); err != nil {
		return describeJSONError(err, where)
	}
	if dec.More() {
		return errors.New("unexpected data after the JSON value")
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the JSON value")
	}
	return nil
}

// describeJSONError words a decoding error for a person; where tells the
// line and column of a syntax error's offset.
func describeJSONError(err error, where func(offset int64) (line, col int)) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var badTime *time.ParseError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New("the input is empty; expected a JSON object")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("the JSON ends too early")
	case errors.As(err, &syntax):
		line, col := where(syntax.Offset)
		return fmt.Errorf("the JSON is broken at line %d, column %d: %s", line, col, syntax.Error())
	case errors.As(err, &badTime):
		return fmt.Errorf("times are written like 2026-03-14T18:22:05Z, not %q", badTime.Value)
	case errors.As(err, &typ):
		if typ.Field == "" {
			return fmt.Errorf("expected %s, not %s", jsonKind(typ.Type.String()), valueKind(typ.Value))
		}
		return fmt.Errorf("%s must be %s, not %s", typ.Field, jsonKind(typ.Type.String()), valueKind(typ.Value))
	}
	return errors.New(strings.TrimPrefix(err.Error(), "json: "))
}

func jsonKind(goType string) string {
	switch {
	case goType == "[]string":
		return "a list of strings"
	case strings.HasPrefix(goType, "[]"):
		return "a list"
	case strings.Contains(goType, "int"):
		return "a whole number"
	case strings.Contains(goType, "string"), strings.Contains(goType, "Date"), strings.Contains(goType, "Skill"):
		return "a string"
	case strings.Contains(goType, "bool"):
		return "true or false"
	}
	return "an object"
}

// valueKind names the JSON value encoding/json found ("string", "number",
// "array", "object", "bool") as jsonKind names what was wanted.
func valueKind(value string) string {
	switch value {
	case "string":
		return "a string"
	case "number":
		return "a number"
	case "array":
		return "a list"
	case "object":
		return "an object"
	case "bool":
		return "true or false"
	}
	return value
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
