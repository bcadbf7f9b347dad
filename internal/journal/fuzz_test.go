package journal

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// fuzzNow is fixed so that what Complete fills in is the same on every run.
var fuzzNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

const contractEntry = `{
  "id": 12,
  "uid": "0b9d6c1e-5f7a-4c2e-9a51-3f0e8c2d7b11",
  "created_at": "2026-03-14T18:22:05Z",
  "updated_at": "2026-03-14T18:40:11Z",
  "occurred_on": "2026-03-14",
  "title": "Missed the launch deadline",
  "prompt_set": "four-questions",
  "answers": [
    {"key": "cause", "question": "What caused this setback?", "text": "..."},
    {"key": "differently", "question": "What should I do differently next time?", "text": "..."}
  ],
  "lesson": "Ask for help at the first sign of slipping.",
  "tags": ["work", "launch"],
  "skills": ["judgement", "communication"],
  "severity": 4,
  "confidence": 5,
  "followup": {
    "commitment": "Raise risks in the Monday meeting",
    "due_on": "2026-04-01",
    "checked_in_at": null,
    "tried_again": null,
    "outcome": null,
    "confidence_after": null
  }
}`

func FuzzDecodeEntry(f *testing.F) {
	f.Add([]byte(contractEntry))
	f.Add([]byte(`{"title": "x"}`))
	f.Add([]byte(`{"title": " שלום e\u0301 ", "tags": ["A", "a", " b "], "answers": [{"key": "cause", "text": "# h\n` + "```" + `"}]}`))
	f.Add([]byte(`{"title": "t", "created_at": "2026-03-14T23:30:00-05:00", "followup": {"commitment": "c", "checked_in_at": "2026-04-02T09:30:00+02:00", "tried_again": false, "outcome": "", "confidence_after": 10, "dropped_at": null}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := DecodeEntry(bytes.NewReader(data))
		if err != nil {
			return
		}
		if err := e.Complete(fuzzNow, lookup); err != nil {
			return
		}
		encoded, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("a valid entry cannot be encoded: %v\n%+v", err, e)
		}
		again, err := DecodeEntry(bytes.NewReader(encoded))
		if err != nil {
			t.Fatalf("an encoded valid entry cannot be read back: %v\n%s", err, encoded)
		}
		if err := again.Validate(); err != nil {
			t.Fatalf("a valid entry is invalid after encoding: %v\n%s", err, encoded)
		}
		if !reflect.DeepEqual(again, e) {
			t.Fatalf("encoding changed the entry:\n got %+v\nwant %+v", again, e)
		}
	})
}

func FuzzDecodeDocument(f *testing.F) {
	f.Add([]byte(`{"format": "failup.v1", "exported_at": "2026-11-27T10:00:00Z", "entries": [` + contractEntry + `, {"title": "x"}]}`))
	f.Add([]byte(`{"format": "failup.v1", "entries": []}`))
	f.Add([]byte(`{"format": "failup.v2", "entries": [{"title": "x"}]}`))
	f.Add([]byte(`{"format": "failup.v1", "entries": [{"title": "x", "mood": "sad"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := DecodeDocument(bytes.NewReader(data))
		if err != nil {
			return
		}
		for i := range doc.Entries {
			if err := doc.Entries[i].Complete(fuzzNow, lookup); err != nil {
				return
			}
		}
		encoded, err := json.Marshal(doc)
		if err != nil {
			t.Fatalf("a valid document cannot be encoded: %v", err)
		}
		again, err := DecodeDocument(bytes.NewReader(encoded))
		if err != nil {
			t.Fatalf("an encoded valid document cannot be read back: %v\n%s", err, encoded)
		}
		if !again.ExportedAt.Equal(doc.ExportedAt) || !reflect.DeepEqual(again.Entries, doc.Entries) {
			t.Fatalf("encoding changed the document:\n got %+v\nwant %+v", again, doc)
		}
	})
}
