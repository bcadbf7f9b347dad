package export

import (
	"bytes"
	"testing"

	"github.com/failup/failup/internal/journal"
)

func TestJSON(t *testing.T) {
	e := minimal()
	e.Title = "<Forgot> the dentist & the vet"
	e.CreatedAt, e.UpdatedAt = *at("2026-01-05T08:00:00Z"), *at("2026-01-05T08:00:00Z")
	e.PromptSet = journal.DefaultPromptSet
	e.Followup = &journal.Followup{Commitment: "Put it in the calendar", DroppedAt: at("2026-02-01T12:00:00Z")}
	want := `{
  "format": "failup.v1",
  "exported_at": "2026-11-27T10:00:00Z",
  "entries": [
    {
      "id": 0,
      "uid": "minimal",
      "created_at": "2026-01-05T08:00:00Z",
      "updated_at": "2026-01-05T08:00:00Z",
      "occurred_on": "2026-01-05",
      "title": "<Forgot> the dentist & the vet",
      "prompt_set": "four-questions",
      "answers": [],
      "lesson": "",
      "tags": [],
      "skills": [],
      "severity": null,
      "confidence": null,
      "followup": {
        "commitment": "Put it in the calendar",
        "due_on": null,
        "checked_in_at": null,
        "tried_again": null,
        "outcome": null,
        "confidence_after": null,
        "dropped_at": "2026-02-01T12:00:00Z"
      }
    }
  ],
  "pattern_corrections": [
    {
      "uid": "64482c11-dde9-5f4a-a5d3-3c07b5bb0c60",
      "kind": "rename",
      "theme": "name:marcus",
      "label": "my manager <3>",
      "created_at": "2026-11-27T10:00:00Z",
      "updated_at": "2026-11-27T10:00:00Z"
    }
  ]
}
`
	var buf bytes.Buffer
	rename := journal.NewCorrection(journal.CorrectRename, "name:marcus", "my manager <3>", now)
	if err := JSON(&buf, journal.Each([]journal.Entry{e}), []journal.Correction{rename}, now.Add(123456789)); err != nil {
		t.Fatal(err)
	}
	if buf.String() != want {
		t.Errorf("JSON wrote:\n%s\nwant:\n%s", buf.String(), want)
	}

	buf.Reset()
	if err := JSON(&buf, journal.Each(nil), nil, now); err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"format\": \"failup.v1\",\n  \"exported_at\": \"2026-11-27T10:00:00Z\",\n  \"entries\": [],\n  \"pattern_corrections\": []\n}\n"; buf.String() != want {
		t.Errorf("JSON of no entries wrote:\n%s", buf.String())
	}
}
