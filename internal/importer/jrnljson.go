package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/failup/failup/internal/journal"
)

// jrnlExport is what jrnl --format json writes: the tags it counted, and
// each entry with its day and minute apart.
type jrnlExport struct {
	// Day One's exports have metadata; jrnl's do not.
	Metadata json.RawMessage `json:"metadata"`
	Entries  *[]struct {
		Title   string   `json:"title"`
		Body    string   `json:"body"`
		Date    string   `json:"date"`
		Time    string   `json:"time"`
		Tags    []string `json:"tags"`
		Starred bool     `json:"starred"`
	} `json:"entries"`
}

// ReadJrnlJSON reads jrnl's JSON export. An entry gets the same uid as when
// its journal file is imported, so importing both adds each entry once.
func ReadJrnlJSON(path string, opts Options) (Result, error) {
	data, err := readFile(path)
	if err != nil {
		return Result{}, err
	}
	var doc jrnlExport
	if err := decodeJSON(data, &doc); err != nil {
		return Result{}, fmt.Errorf("%s: %w", path, err)
	}
	if doc.Metadata != nil {
		return Result{}, fmt.Errorf("%s is a Day One export, not jrnl's; import it with --from dayone", path)
	}
	if doc.Entries == nil {
		return Result{}, fmt.Errorf("%s is not a jrnl JSON export: it has no \"entries\"", path)
	}
	drafts := make([]draft, len(*doc.Entries))
	names := make([]string, len(*doc.Entries))
	for i, je := range *doc.Entries {
		names[i] = journal.EntryName(i+1, strings.TrimSpace(je.Date+" "+je.Time), je.Title)
		d := draft{title: je.Title, text: je.Title, source: "jrnl", starred: je.Starred}
		if body := strings.TrimRight(je.Body, " \n"); body != "" {
			d.text += "\n" + body
		}
		if je.Date != "" {
			clock := je.Time
			if clock == "" {
				clock = "00:00"
			}
			at, err := time.ParseInLocation("2006-01-02 15:04", je.Date+" "+clock, time.Local)
			if err != nil {
				return Result{}, &EntryError{path, names[i], fmt.Errorf("its date %q and time %q are not like 2024-03-29 and 09:00", je.Date, je.Time)}
			}
			d.at = at
			d.uid = stableUID(Jrnl, at.Format("2006-01-02 15:04"), strings.TrimRight(je.Title, " "))
		}
		for _, t := range je.Tags {
			d.tags = append(d.tags, strings.ToLower(strings.TrimLeft(t, "@#")))
		}
		drafts[i] = d
	}
	return finish(path, Jrnl, drafts, names, opts)
}

// decodeJSON reads one JSON value, explaining in plain words what is wrong
// with a file that is not one.
func decodeJSON(data []byte, v any) error {
	if line, ok := invalidUTF8Line(data); !ok {
		return fmt.Errorf("line %d is not valid UTF-8; save the file as UTF-8 and import it again", line)
	}
	if start := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(start) > 0 && start[0] != '{' {
		return errors.New("it is not JSON")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	err := dec.Decode(v)
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return errors.New("the file is empty")
	case errors.Is(err, io.ErrUnexpectedEOF),
		errors.As(err, &syntax) && len(bytes.TrimSpace(data[min(int(syntax.Offset), len(data)):])) == 0:
		return errors.New("the JSON ends too early, as if the file were cut short")
	case errors.As(err, &syntax):
		return fmt.Errorf("the JSON is broken at line %d: %v", lineAt(data, syntax.Offset), syntax)
	case errors.As(err, &typeErr):
		return fmt.Errorf("%s should not be %s (line %d)", fieldName(typeErr), typeErr.Value, lineAt(data, typeErr.Offset))
	case err != nil:
		return err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return errors.New("there is more after the JSON document")
	}
	return nil
}

func fieldName(err *json.UnmarshalTypeError) string {
	if err.Field == "" {
		return "the document"
	}
	return "the field " + err.Field
}

func lineAt(data []byte, offset int64) int {
	return bytes.Count(data[:min(int(offset), len(data))], []byte("\n")) + 1
}
