package export

import (
	"os"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

func TestMain(m *testing.M) {
	// Check-in days are shown in the person's time zone; pin it.
	time.Local = time.UTC
	os.Exit(m.Run())
}

func ptr[T any](v T) *T { return &v }

func at(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

var now = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func fourAnswers(cause, patterns, differently, strengths string) []journal.Answer {
	return []journal.Answer{
		{Key: journal.KeyCause, Question: "What caused this setback?", Text: cause},
		{Key: journal.KeyPatterns, Question: "What patterns contributed to this situation?", Text: patterns},
		{Key: journal.KeyDifferently, Question: "What should I do differently next time?", Text: differently},
		{Key: journal.KeyStrengths, Question: "What strengths can I build from this?", Text: strengths},
	}
}

// launch is the entry docs/json.md shows, checked in.
func launch() journal.Entry {
	return journal.Entry{
		ID:         12,
		UID:        "0b9d6c1e-5f7a-4c2e-9a51-3f0e8c2d7b11",
		CreatedAt:  *at("2026-03-14T18:22:05Z"),
		UpdatedAt:  *at("2026-03-14T18:40:11Z"),
		OccurredOn: "2026-03-14",
		Title:      "Missed the launch deadline",
		PromptSet:  journal.DefaultPromptSet,
		Answers: fourAnswers(
			"I said yes to three projects at once and told nobody I was slipping.",
			"Overcommitting, again. I wait until it is **too late** to ask.\n\n- saying yes by reflex\n- hiding bad news",
			"Raise risks early, in the open.",
			"I stayed calm and *owned it* in the retro.\nI said what went wrong before anyone asked.",
		),
		Lesson:     "Ask for help at the first sign of slipping.\nEven when it feels small.",
		Tags:       []string{"work", "launch"},
		Skills:     []journal.Skill{"judgement", "communication"},
		Severity:   ptr(4),
		Confidence: ptr(5),
		Followup: &journal.Followup{
			Commitment:      "Raise risks in the Monday meeting",
			DueOn:           "2026-04-01",
			CheckedInAt:     at("2026-04-02T09:30:00Z"),
			TriedAgain:      ptr(true),
			Outcome:         ptr("It went fine. People thanked me."),
			ConfidenceAfter: ptr(7),
		},
	}
}

// tricky has answers that would break a document's structure if copied as
// they are, and text from other scripts.
func tricky() journal.Entry {
	return journal.Entry{
		UID:        "b7e4a2d0-1c3f-4e5a-8b6d-9f0e1a2b3c4d",
		OccurredOn: "2026-06-02",
		Title:      "Talk went *sideways* at C# meetup #3",
		Answers: fourAnswers(
			"# I froze\nThe demo broke.\n---\nThen the projector died.\n===",
			"Copied from my notes:\n\n```go\n# not a heading inside code\nfmt.Println(\"---\")\n```\n\nand an unfinished one:\n\n~~~\nstill typing\n<!-- a comment I never closed",
			"\x1b[31mPractise\x1b[0m with the real setup.\x07\r\nRehearse twice.",
			"נסיונות חוזרים — مرحبا — café with e\u0301 — 失敗は成功のもと",
		),
		Lesson:   "## Test the demo on the venue's machine\n\n> slow is smooth",
		Tags:     []string{"talks", "[public]_speaking"},
		Followup: &journal.Followup{Commitment: "Book a rehearsal room", DueOn: "2026-07-01"},
	}
}

// minimal has only what the journal requires.
func minimal() journal.Entry {
	return journal.Entry{UID: "minimal", OccurredOn: "2026-01-05", Title: "Forgot the dentist"}
}

// followUps has one entry for each state a follow-up can be in.
func followUps() []journal.Entry {
	base := func(day journal.Date, title, lesson string, f *journal.Followup) journal.Entry {
		return journal.Entry{UID: "uid-" + string(day), OccurredOn: day, Title: title, Lesson: lesson, Followup: f}
	}
	return []journal.Entry{
		base("2026-10-12", "Snapped at a colleague", "Pause before replying when tired.", &journal.Followup{
			Commitment: "Take a walk before hard conversations",
			DueOn:      "2026-10-20",
			DroppedAt:  at("2026-10-25T20:00:00Z"),
		}),
		base("2026-10-03", "Failed the driving test", "Nerves, not skill, failed me.", &journal.Followup{
			Commitment:  "Book the test again",
			DueOn:       "2026-11-01",
			CheckedInAt: at("2026-11-02T08:00:00Z"),
			TriedAgain:  ptr(false),
			Outcome:     ptr("No slots until January.\n\nI booked lessons instead:\n\n- two on Saturdays\n- one mock test"),
		}),
		base("2026-09-18", "Lost the chess final", "Play my own game under pressure.", &journal.Followup{
			Commitment:      "Enter the winter open",
			CheckedInAt:     at("2026-11-30T18:00:00Z"),
			TriedAgain:      ptr(true),
			ConfidenceAfter: ptr(8),
		}),
		base("2026-09-02", "Burnt the bread", "Set a timer.", &journal.Followup{Commitment: "Bake on Sunday"}),
		base("2026-08-30", "Overslept", "", nil),
	}
}
