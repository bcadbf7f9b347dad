package importer

import (
	"reflect"
	"testing"
	"time"

	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/journal"
)

// TestPerEntryRoundTrip: what failup export --per-entry writes, import
// --from markdown reads back as exactly the same entries, times to the
// second included.
func TestPerEntryRoundTrip(t *testing.T) {
	opts := options(t)
	n := func(v int) *int { return &v }
	yes, no := true, false
	outcome := "It went fine.\n\n## Not a heading of the export\n\n```\n## inside a fence\n```"
	checked := time.Date(2026, 4, 2, 18, 30, 7, 0, time.UTC)
	dropped := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	entries := []journal.Entry{
		{
			UID: "0b9d6c1e-5f7a-4c2e-9a51-3f0e8c2d7b11", OccurredOn: "2026-03-14", Title: "Missed the *launch* deadline #2",
			PromptSet: "four-questions",
			Answers: []journal.Answer{
				{Key: "cause", Text: "I said yes to three projects.\n# Not a heading\n===\nsetext above"},
				{Key: "patterns", Text: "Overcommitting, again.\n\n- saying yes\n- hiding bad news\n\n~~~\n# a fenced line\n~~~\n```never closed"},
				{Key: "differently", Text: "    indented code first\nthen text"},
				{Key: "strengths", Text: "<!-- a comment\n## inside -->\nStayed calm."},
			},
			Lesson:     "Ask for help early.",
			Tags:       []string{"work", "launch_2", "a*b"},
			Skills:     []journal.Skill{"judgement", "emotional-intelligence"},
			Severity:   n(4),
			Confidence: n(5),
			Followup: &journal.Followup{Commitment: "Raise risks on Monday", DueOn: "2026-04-01", CheckedInAt: &checked,
				TriedAgain: &yes, Outcome: &outcome, ConfidenceAfter: n(7)},
		},
		{
			UID: "b", OccurredOn: "2026-02-01", Title: "Quick one", PromptSet: "quick",
			Answers: []journal.Answer{{Key: "cause", Text: "Rushed."}, {Key: "differently", Text: "Slow down."}},
			Tags:    []string{}, Skills: []journal.Skill{},
			Followup: &journal.Followup{Commitment: "Line one\nline two", DueOn: "2026-02-10", TriedAgain: &no, DroppedAt: &dropped},
		},
		{
			UID: "c", OccurredOn: "2024-03-27", Title: "Imported from jrnl", PromptSet: "four-questions",
			Answers: []journal.Answer{{Key: WrittenKey, Question: "What I wrote in jrnl", Text: "Missed the train."},
				{Key: "cause", Text: "Left late."}},
			Tags: []string{"imported"}, Skills: []journal.Skill{},
		},
	}
	for i := range entries {
		if err := entries[i].Complete(now, opts.Questions); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	if err := export.PerEntry(dir, entries); err != nil {
		t.Fatal(err)
	}
	res, err := ReadMarkdown(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	byUID := map[string]journal.Entry{}
	for _, e := range res.Entries {
		byUID[e.UID] = e
	}
	for _, want := range entries {
		got, ok := byUID[want.UID]
		if !ok {
			t.Errorf("entry %s did not come back", want.UID)
			continue
		}
		for _, e := range []*journal.Entry{&got, &want} {
			if len(e.Skills) == 0 {
				e.Skills = nil
			}
			if len(e.Tags) == 0 {
				e.Tags = nil
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("entry %s came back as\n%+v\nwant\n%+v", want.UID, got, want)
			if got.Followup != nil && want.Followup != nil {
				t.Errorf("follow-up\n%+v\n%+v", *got.Followup, *want.Followup)
			}
			for i := range min(len(got.Answers), len(want.Answers)) {
				if got.Answers[i] != want.Answers[i] {
					t.Errorf("answer %d:\n%q\n%q", i, got.Answers[i], want.Answers[i])
				}
			}
		}
	}
}
