package insight

import (
	"github.com/failup/failup/internal/journal"
)

// Lesson is what one entry taught: `failup lessons --json` lists these.
type Lesson struct {
	ID         int64        `json:"id"`
	UID        string       `json:"uid"`
	OccurredOn journal.Date `json:"occurred_on"`
	Title      string       `json:"title"`
	Lesson     string       `json:"lesson"`
	// Differently is the answer to "what should I do differently", shown
	// where there is no lesson.
	Differently string   `json:"differently"`
	Tags        []string `json:"tags"`
}

// Text is the lesson, or what to do differently when no lesson was written.
func (l Lesson) Text() string {
	if l.Lesson != "" {
		return l.Lesson
	}
	return l.Differently
}

// Lessons lists what the entries taught, in the order given (the store
// gives newest first). Entries with neither a lesson nor a "do differently"
// answer have nothing to show and are left out.
func Lessons(entries []journal.Entry) []Lesson {
	lessons := []Lesson{}
	for _, e := range entries {
		if l, ok := LessonOf(e); ok {
			lessons = append(lessons, l)
		}
	}
	return lessons
}

// LessonOf is what e taught, and whether it has anything to show.
func LessonOf(e journal.Entry) (Lesson, bool) {
	l := Lesson{
		ID:          e.ID,
		UID:         e.UID,
		OccurredOn:  e.OccurredOn,
		Title:       e.Title,
		Lesson:      e.Lesson,
		Differently: e.AnswerText(journal.KeyDifferently),
		Tags:        e.Tags,
	}
	if l.Tags == nil {
		l.Tags = []string{}
	}
	return l, l.Text() != ""
}
