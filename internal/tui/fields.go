package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"

	"github.com/failup/failup/internal/journal"
)

// newInput is a one-line field in failup's style. ctrl+e belongs to the
// editor, not to "end of line".
func newInput(c *Common, placeholder string, limit int) textinput.Model {
	in := textinput.New()
	in.Prompt = "› "
	in.Placeholder = placeholder
	in.CharLimit = limit
	in.SetStyles(c.Styles.TextInput)
	in.KeyMap.LineEnd.SetKeys("end")
	in.KeyMap.AcceptSuggestion.SetKeys("right")
	return in
}

// newAnswer is a multi-line answer: enter is a newline, and there is no limit
// on length (the default textarea stops at 400 characters).
func newAnswer(c *Common, placeholder string) textarea.Model {
	ta := textarea.New()
	ta.Placeholder = placeholder
	ta.ShowLineNumbers = false
	ta.Prompt = "┃ "
	ta.CharLimit = 0
	ta.MaxHeight = 0
	ta.SetStyles(c.Styles.TextArea)
	ta.KeyMap.LineEnd.SetKeys("end")
	ta.KeyMap.InsertNewline.SetKeys("enter")
	return ta
}

// parseDay reads a date typed by a person: YYYY-MM-DD, "today",
// "yesterday", "3 days ago", or a weekday ("friday", "last friday"), which
// means the most recent one before today.
func parseDay(s string, today journal.Date) (journal.Date, error) {
	words := strings.Fields(strings.ToLower(s))
	if len(words) > 0 && words[0] == "last" {
		words = words[1:]
	}
	switch {
	case len(words) == 0 || len(words) == 1 && words[0] == "today":
		return today, nil
	case len(words) == 1 && words[0] == "yesterday":
		return today.AddDays(-1), nil
	case len(words) == 3 && words[2] == "ago" && strings.HasPrefix(words[1], "day"):
		if n, err := strconv.Atoi(words[0]); err == nil && n >= 0 {
			return today.AddDays(-n), nil
		}
	case len(words) == 1:
		for back := 1; back <= 7; back++ {
			day := today.AddDays(-back)
			if name := strings.ToLower(day.Time().Weekday().String()); name == words[0] || name[:3] == words[0] {
				return day, nil
			}
		}
	}
	return journal.ParseDate(strings.TrimSpace(s))
}

// splitTags reads "work, launch" as two tags.
func splitTags(s string) []string {
	var tags []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			tags = append(tags, t)
		}
	}
	return tags
}
