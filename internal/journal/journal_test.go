package journal

import (
	"strings"
	"testing"
	"time"
)

func lookup(set, key string) (string, bool) {
	if set == DefaultPromptSet && key == KeyCause {
		return "What caused this setback?", true
	}
	return "", false
}

func TestDecodeEntryRejectsBadInput(t *testing.T) {
	cases := map[string]string{
		"broken":          `{"title": `,
		"unknown field":   `{"title": "x", "mood": "sad"}`,
		"nested unknown":  `{"title": "x", "followup": {"commitment": "c", "when": 1}}`,
		"impossible date": `{"title": "x", "occurred_on": "2026-02-30"}`,
		"type":            `{"title": 3}`,
		"trailing":        `{"title": "x"} {}`,
		"empty":           ``,
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := DecodeEntry(strings.NewReader(in)); err == nil {
				t.Fatalf("DecodeEntry(%q) succeeded", in)
			}
		})
	}
}

func TestCompleteValidates(t *testing.T) {
	ten, six, eleven := 10, 6, 11
	cases := map[string]Entry{
		"empty title":       {Title: "  "},
		"severity":          {Title: "x", Severity: &six},
		"confidence":        {Title: "x", Confidence: &eleven},
		"confidence after":  {Title: "x", Followup: &Followup{Commitment: "c", ConfidenceAfter: &eleven}},
		"empty commitment":  {Title: "x", Followup: &Followup{DueOn: "2026-04-01"}},
		"unknown skill":     {Title: "x", Skills: []Skill{"luck"}},
		"unknown question":  {Title: "x", Answers: []Answer{{Key: "mystery", Text: "?"}}},
		"empty tag":         {Title: "x", Tags: []string{" "}},
		"impossible due on": {Title: "x", Followup: &Followup{Commitment: "c", DueOn: "2026-13-01"}},
	}
	for name, e := range cases {
		t.Run(name, func(t *testing.T) {
			if err := e.Complete(time.Now(), lookup); err == nil {
				t.Fatalf("Complete accepted %+v", e)
			}
		})
	}
	ok := Entry{Title: " Missed it ", Confidence: &ten, Answers: []Answer{{Key: KeyCause, Text: "t"}}}
	if err := ok.Complete(time.Date(2026, 3, 1, 10, 0, 0, 5, time.UTC), lookup); err != nil {
		t.Fatal(err)
	}
	if ok.Title != "Missed it" || ok.UID == "" || ok.PromptSet != DefaultPromptSet ||
		ok.Answers[0].Question != "What caused this setback?" || ok.CreatedAt.Nanosecond() != 0 {
		t.Fatalf("Complete did not fill defaults: %+v", ok)
	}
}

func TestFollowupStatus(t *testing.T) {
	now := time.Now()
	today := Date("2026-05-10")
	cases := []struct {
		f    Followup
		want Status
	}{
		{Followup{DueOn: "2026-05-10"}, StatusDue},
		{Followup{DueOn: "2026-05-09"}, StatusOverdue},
		{Followup{DueOn: "2026-05-11"}, StatusUpcoming},
		{Followup{}, StatusUpcoming},
		{Followup{DueOn: "2026-05-01", CheckedInAt: &now}, StatusDone},
		{Followup{DueOn: "2026-05-01", DroppedAt: &now}, StatusDropped},
	}
	for _, c := range cases {
		if got := c.f.Status(today); got != c.want {
			t.Errorf("%+v: status %s, want %s", c.f, got, c.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	for _, bad := range []string{"2026-02-29", "26-01-01", "2026/01/01", "tomorrow"} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) accepted", bad)
		}
	}
	if d, err := ParseDate("2028-02-29"); err != nil || d.AddDays(1) != "2028-03-01" {
		t.Errorf("leap day: %v %v", d, err)
	}
}
