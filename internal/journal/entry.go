// Package journal holds failup's domain: entries, their answers and follow-ups,
// validation, and the failup.v1 JSON format. It does no I/O.
package journal

import (
	"time"
)

// Entry is one reflection on one setback.
type Entry struct {
	ID         int64     `json:"id"`
	UID        string    `json:"uid"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
	OccurredOn Date      `json:"occurred_on"`
	Title      string    `json:"title"`
	PromptSet  string    `json:"prompt_set"`
	Answers    []Answer  `json:"answers"`
	Lesson     string    `json:"lesson"`
	Tags       []string  `json:"tags"`
	Skills     []Skill   `json:"skills"`
	Severity   *int      `json:"severity"`
	Confidence *int      `json:"confidence"`
	Followup   *Followup `json:"followup"`
	// FollowsUID links a reflection written after a check-in to the entry
	// whose commitment it follows, making a chain of attempts.
	FollowsUID string `json:"follows_uid,omitempty"`
}

// Answer keeps the question as it was asked, so an entry outlives changes to
// its prompt set.
type Answer struct {
	Key      string `json:"key"`
	Question string `json:"question"`
	Text     string `json:"text"`
}

// Followup is a commitment ("what I'll do differently") and how it went.
type Followup struct {
	Commitment      string     `json:"commitment"`
	DueOn           Date       `json:"due_on"`
	CheckedInAt     *time.Time `json:"checked_in_at"`
	TriedAgain      *bool      `json:"tried_again"`
	Outcome         *string    `json:"outcome"`
	ConfidenceAfter *int       `json:"confidence_after"`
	DroppedAt       *time.Time `json:"dropped_at,omitempty"`
}

// Answer keys of the default prompt set, which insight and export give weight to.
const (
	KeyCause       = "cause"
	KeyPatterns    = "patterns"
	KeyDifferently = "differently"
	KeyStrengths   = "strengths"
)

// DefaultPromptSet is the prompt set an entry uses when none is named.
const DefaultPromptSet = "four-questions"

// AnswerText returns the text of the answer with the given key, or "".
func (e Entry) AnswerText(key string) string {
	for _, a := range e.Answers {
		if a.Key == key {
			return a.Text
		}
	}
	return ""
}

// LessonOrDifferently is the entry's lesson, or its "do differently" answer
// when no lesson was written.
func (e Entry) LessonOrDifferently() string {
	if e.Lesson != "" {
		return e.Lesson
	}
	return e.AnswerText(KeyDifferently)
}

// Skill is one of the five skills the article says failure builds.
type Skill string

// Skills lists the five skills in the order they are offered.
var Skills = []Skill{"judgement", "emotional-intelligence", "resilience", "communication", "problem-solving"}

// Valid reports whether s is one of the five skills.
func (s Skill) Valid() bool {
	for _, k := range Skills {
		if k == s {
			return true
		}
	}
	return false
}

// Label is the skill as a person reads it: "emotional intelligence".
func (s Skill) Label() string {
	b := []byte(s)
	for i, c := range b {
		if c == '-' {
			b[i] = ' '
		}
	}
	return string(b)
}
