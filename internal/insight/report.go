// Package insight finds what a journal keeps coming back to: recurring
// patterns, the lessons drawn, and past entries like a new one. It works on
// plain journal entries and does no I/O beyond reading the lexicon files.
package insight

import "github.com/failup/failup/internal/journal"

// Report is what `failup patterns` shows; it marshals to the contract's
// `patterns --json` document.
type Report struct {
	EntriesAnalyzed int          `json:"entries_analyzed"`
	Themes          []Theme      `json:"themes"`
	Tags            []TagCount   `json:"tags"`
	Skills          []SkillCount `json:"skills"`
	// Months names the months that every Theme.Monthly counts, oldest first,
	// as "2026-03"; the last is the month of Options.Today.
	Months []string `json:"-"`
}

// Theme is something that recurs across entries, with its evidence.
type Theme struct {
	Label string `json:"label"`
	// Terms are the words that showed the theme, the most widespread first.
	Terms []string `json:"terms"`
	// Entries are the ids of the entries that show it, oldest first.
	Entries   []int64      `json:"entries"`
	Count     int          `json:"count"`
	FirstSeen journal.Date `json:"first_seen"`
	LastSeen  journal.Date `json:"last_seen"`
	Trend     Trend        `json:"trend"`
	Source    Source       `json:"source"`
	// PatternID is the lexicon pattern's id when Source is SourceLexicon.
	PatternID string `json:"-"`
	// Key names the theme the same way from one run to the next, whatever
	// its label: "pattern:" and the lexicon pattern's id, "name:" and the
	// name, or "phrase:" and the stemmed phrase that leads it. Corrections
	// refer to themes by it.
	Key string `json:"-"`
	// Evidence says which words showed the theme, one per entry, in the
	// order of Entries.
	Evidence []Evidence `json:"-"`
	// Monthly counts the theme's entries in each month of Report.Months.
	Monthly []int `json:"-"`
}

// Evidence is where one entry shows a theme.
type Evidence struct {
	EntryID int64
	UID     string
	// Hits are in reading order (field by field, as the entry holds them)
	// and do not overlap.
	Hits []Hit
}

// Hit is a stretch of an entry's text that matched one of a theme's terms.
type Hit struct {
	// Field is FieldTitle, FieldLesson, FieldFollowup or the key of the
	// answer, such as "cause"; FieldText finds its text.
	Field string
	// Start and End are byte offsets into that field's text.
	Start, End int
	Term       string
}

// Names of the fields a Hit can be in, besides answers.
const (
	FieldTitle    = "title"
	FieldLesson   = "lesson"
	FieldFollowup = "followup" // the follow-up's commitment
)

// FieldText is the text of e that a Hit.Field names, or "" when e has none.
func FieldText(e journal.Entry, field string) string {
	switch field {
	case FieldTitle:
		return e.Title
	case FieldLesson:
		return e.Lesson
	case FieldFollowup:
		if e.Followup == nil {
			return ""
		}
		return e.Followup.Commitment
	}
	return e.AnswerText(field)
}

// Source says how a theme was found.
type Source string

const (
	// SourceLexicon themes are patterns from the lexicon.
	SourceLexicon Source = "lexicon"
	// SourceRecurringPhrase themes are words and phrases that recur.
	SourceRecurringPhrase Source = "recurring-phrase"
	// SourceName themes are a recurring name: a person, a team, a meeting.
	SourceName Source = "name"
)

// Trend compares how often a theme shows lately with how often it did before.
type Trend string

const (
	TrendRising Trend = "rising"
	TrendSteady Trend = "steady"
	TrendFading Trend = "fading"
)

// TagCount is how many entries carry a tag.
type TagCount struct {
	Tag   string `json:"tag"`
	Count int    `json:"count"`
}

// SkillCount is how many entries name a skill.
type SkillCount struct {
	Skill journal.Skill `json:"skill"`
	Count int           `json:"count"`
}
