package journal

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// FieldError names the field that is wrong and why, in words a person can act on.
type FieldError struct {
	Field   string
	Problem string
}

func (e *FieldError) Error() string { return e.Field + " " + e.Problem }

// Limits on sizes keep one runaway paste from making the journal unusable.
const (
	MaxTitleLen = 500
	MaxTagLen   = 200
	MaxTextLen  = 4 << 20
)

// Normalize trims the fields whose surrounding space carries no meaning and
// fills defaults; it never changes words inside answers.
func (e *Entry) Normalize() {
	e.Title = strings.TrimSpace(e.Title)
	e.Lesson = strings.TrimSpace(e.Lesson)
	if e.PromptSet == "" {
		e.PromptSet = DefaultPromptSet
	}
	for i, t := range e.Tags {
		e.Tags[i] = strings.TrimSpace(t)
	}
	e.Tags = dedupeFold(e.Tags)
	if e.Followup != nil {
		e.Followup.Commitment = strings.TrimSpace(e.Followup.Commitment)
	}
}

func dedupeFold(tags []string) []string {
	out := tags[:0]
	seen := make(map[string]bool, len(tags))
	for _, t := range tags {
		k := strings.ToLower(t)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}

// Validate reports the first thing wrong with e, as a *FieldError.
func (e Entry) Validate() error {
	switch {
	case strings.TrimSpace(e.Title) == "":
		return &FieldError{"title", "is empty; give the setback a short name"}
	case utf8.RuneCountInString(e.Title) > MaxTitleLen:
		return &FieldError{"title", fmt.Sprintf("is longer than %d characters", MaxTitleLen)}
	case e.OccurredOn.IsZero():
		return &FieldError{"occurred_on", "is missing"}
	case len(e.Lesson) > MaxTextLen:
		return &FieldError{"lesson", "is too long"}
	}
	if _, err := ParseDate(string(e.OccurredOn)); err != nil {
		return &FieldError{"occurred_on", err.Error()}
	}
	keys := make(map[string]bool, len(e.Answers))
	for i, a := range e.Answers {
		field := fmt.Sprintf("answers[%d]", i)
		switch {
		case a.Key == "":
			return &FieldError{field + ".key", "is empty"}
		case keys[a.Key]:
			return &FieldError{field + ".key", fmt.Sprintf("%q appears twice", a.Key)}
		case len(a.Text) > MaxTextLen:
			return &FieldError{field + ".text", "is too long"}
		}
		keys[a.Key] = true
	}
	for i, t := range e.Tags {
		switch {
		case strings.TrimSpace(t) == "":
			return &FieldError{fmt.Sprintf("tags[%d]", i), "is empty"}
		case utf8.RuneCountInString(t) > MaxTagLen:
			return &FieldError{fmt.Sprintf("tags[%d]", i), fmt.Sprintf("is longer than %d characters", MaxTagLen)}
		}
	}
	for _, t := range []struct {
		field string
		at    *time.Time
	}{{"created_at", &e.CreatedAt}, {"updated_at", &e.UpdatedAt}} {
		if err := checkYear(t.field, t.at); err != nil {
			return err
		}
	}
	seen := map[Skill]bool{}
	for i, s := range e.Skills {
		field := fmt.Sprintf("skills[%d]", i)
		if !s.Valid() {
			return &FieldError{field, fmt.Sprintf("%q is not one of: %s", s, SkillNames())}
		}
		if seen[s] {
			return &FieldError{field, fmt.Sprintf("%q appears twice", s)}
		}
		seen[s] = true
	}
	if err := checkRange("severity", e.Severity, 1, 5); err != nil {
		return err
	}
	if err := checkRange("confidence", e.Confidence, 1, 10); err != nil {
		return err
	}
	if f := e.Followup; f != nil {
		if strings.TrimSpace(f.Commitment) == "" {
			return &FieldError{"followup.commitment", "is empty; without a commitment, leave followup out"}
		}
		if err := checkRange("followup.confidence_after", f.ConfidenceAfter, 1, 10); err != nil {
			return err
		}
		if len(f.Commitment) > MaxTextLen || f.Outcome != nil && len(*f.Outcome) > MaxTextLen {
			return &FieldError{"followup", "has text that is too long"}
		}
		if err := checkYear("followup.checked_in_at", f.CheckedInAt); err != nil {
			return err
		}
		if err := checkYear("followup.dropped_at", f.DroppedAt); err != nil {
			return err
		}
		if f.DueOn != "" {
			if _, err := ParseDate(string(f.DueOn)); err != nil {
				return &FieldError{"followup.due_on", err.Error()}
			}
		}
	}
	return nil
}

func checkRange(field string, v *int, lo, hi int) error {
	if v != nil && (*v < lo || *v > hi) {
		return &FieldError{field, fmt.Sprintf("must be between %d and %d, not %d", lo, hi, *v)}
	}
	return nil
}

func SkillNames() string {
	names := make([]string, len(Skills))
	for i, s := range Skills {
		names[i] = string(s)
	}
	return strings.Join(names, ", ")
}

// checkYear keeps times within the years RFC 3339 can write, in UTC.
func checkYear(field string, t *time.Time) error {
	if t == nil {
		return nil
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return &FieldError{field, "is outside the years 0001 to 9999"}
	}
	return nil
}
