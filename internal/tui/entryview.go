package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

// renderEntry draws a whole entry for reading, wrapped to width, its text
// made safe for the terminal, with the chain of attempts it is part of.
func renderEntry(c *Common, e journal.Entry, attempts []journal.Entry, width int) string {
	s, day := c.Styles, c.day
	var b strings.Builder
	b.WriteString(wrap(s.Heading, termtext.Line(e.Title), width) + "\n")
	meta := []string{c.dayOfWeek(e.OccurredOn), fmt.Sprintf("entry %d", e.ID)}
	if len(e.Tags) > 0 {
		meta = append(meta, termtext.Line(strings.Join(e.Tags, ", ")))
	}
	b.WriteString(wrap(s.Muted, strings.Join(meta, " · "), width) + "\n")

	section := func(heading, text string) {
		text = strings.TrimSpace(termtext.Clean(text))
		if text == "" {
			return
		}
		b.WriteString("\n" + wrap(s.Question, termtext.Line(heading), width) + "\n")
		b.WriteString(s.Text.Render(ansi.Wrap(text, max(width, 1), "")) + "\n")
	}
	for _, a := range e.Answers {
		section(a.Question, a.Text)
	}
	section("Lesson", e.Lesson)

	var facts []string
	if len(e.Skills) > 0 {
		labels := make([]string, len(e.Skills))
		for i, sk := range e.Skills {
			labels[i] = sk.Label()
		}
		facts = append(facts, s.Label.Render("Skills it exercised  ")+s.Text.Render(strings.Join(labels, ", ")))
	}
	if e.Severity != nil {
		facts = append(facts, s.Label.Render("How big a setback    ")+scale(s, *e.Severity, 5, "small", "huge"))
	}
	if e.Confidence != nil {
		facts = append(facts, s.Label.Render("Confidence then      ")+scale(s, *e.Confidence, 10, "low", "high"))
	}
	if len(facts) > 0 {
		b.WriteString("\n" + strings.Join(facts, "\n") + "\n")
	}
	if f := e.Followup; f != nil {
		b.WriteString("\n" + s.Question.Render("Something to try next time") + "\n")
		b.WriteString(s.Text.Render(ansi.Wrap(termtext.Clean(f.Commitment), max(width, 1), "")) + "\n")
		b.WriteString(wrap(s.Muted, followupState(*f, day), width) + "\n")
		if f.Outcome != nil && strings.TrimSpace(*f.Outcome) != "" {
			b.WriteString(s.Text.Render(ansi.Wrap(termtext.Clean(*f.Outcome), max(width, 1), "")) + "\n")
		}
	}
	if len(attempts) > 0 {
		b.WriteString("\n" + s.Question.Render("Attempts at this") + "\n")
		for i, a := range attempts {
			mark, style, after := "  ", s.Text, ""
			if a.ID == e.ID {
				mark, style, after = "› ", s.Selected, "  this one"
			}
			head := fmt.Sprintf("%d. %s  ", i+1, day(a.OccurredOn))
			b.WriteString(mark + s.Muted.Render(head) + style.Render(oneLine(a.Title, width-len(mark)-lipgloss.Width(head)-len(after))) +
				s.Muted.Render(after) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// followupState says where a commitment stands, in words; the outcome, in
// the person's words, is shown after it.
func followupState(f journal.Followup, day func(journal.Date) string) string {
	switch {
	case f.DroppedAt != nil:
		return "set aside on " + day(journal.DateOf(f.DroppedAt.Local()))
	case f.CheckedInAt != nil:
		parts := []string{"checked in on " + day(journal.DateOf(f.CheckedInAt.Local()))}
		if f.TriedAgain != nil && *f.TriedAgain {
			parts = append(parts, "tried again")
		} else if f.TriedAgain != nil {
			parts = append(parts, "not this time")
		}
		if f.ConfidenceAfter != nil {
			parts = append(parts, fmt.Sprintf("confidence %d of 10", *f.ConfidenceAfter))
		}
		return strings.Join(parts, " · ")
	case f.DueOn != "":
		return "failup asks how it went on " + day(f.DueOn)
	}
	return "no check-in date"
}

// highlight draws a search snippet with its matching words in the match style.
func highlight(s Styles, snippet string, width int) string {
	snippet = termtext.Line(snippet)
	var b strings.Builder
	for {
		start := strings.Index(snippet, store.MatchStart)
		if start < 0 {
			b.WriteString(s.Muted.Render(snippet))
			break
		}
		b.WriteString(s.Muted.Render(snippet[:start]))
		rest := snippet[start+len(store.MatchStart):]
		end := strings.Index(rest, store.MatchEnd)
		if end < 0 {
			end = len(rest)
		}
		b.WriteString(s.Match.Render(rest[:end]))
		snippet = strings.TrimPrefix(rest[end:], store.MatchEnd)
	}
	return ansi.Truncate(b.String(), max(width, 1), "…")
}

// listColumns are the widths of the date, title and tags columns of a list.
type listColumns struct{ date, title, tags int }

// columnsFor fits entries in a list width cells wide, each day written by
// day: the date and the dots of severity always; the title the room it
// needs, less what the tags keep (so one long title, cut with …, does not
// take the tags from every row) when the title still has room to read; the
// tags what is left when that is enough to read them.
func columnsFor(entries []journal.Entry, width int, day func(journal.Date) string) listColumns {
	const (
		fixed     = 2 + 2 + 2 + 5 // the mark, the gap after the date, the gap after the title, the dots
		tagsKeep  = 20            // what the tags keep from a long title
		titleKeep = 24            // what a title keeps before the tags give way
	)
	dates, titles, tags := 0, 1, 0
	for _, e := range entries {
		dates = max(dates, lipgloss.Width(day(e.OccurredOn)))
		titles = max(titles, lipgloss.Width(termtext.Line(e.Title)))
		tags = max(tags, lipgloss.Width(termtext.Line(strings.Join(e.Tags, ", "))))
	}
	room := max(width-fixed-dates, 8)
	c := listColumns{date: dates, title: min(titles, room)}
	if limit := room - 2 - min(tags, tagsKeep); tags > 0 && limit >= titleKeep {
		c.title = min(c.title, limit)
	}
	if left := room - c.title - 2; tags > 0 && left >= min(tags, 10) {
		c.tags = min(tags, left)
	}
	return c
}

// severityKey says what a list's dots mean, when any of entries has them.
func severityKey(s Styles, entries []journal.Entry) string {
	for _, e := range entries {
		if e.Severity != nil {
			return s.Muted.Render("● small to ●●●●● huge: how big a setback")
		}
	}
	return ""
}

// entryRow is one entry in a list: its day as date, title, tags and size,
// in cols.
func entryRow(s Styles, date string, e journal.Entry, cols listColumns, selected bool) string {
	date += strings.Repeat(" ", max(cols.date-lipgloss.Width(date), 0))
	sev := strings.Repeat(" ", 5)
	if e.Severity != nil {
		sev = strings.Repeat("●", *e.Severity) + strings.Repeat(" ", 5-*e.Severity)
	}
	pad := func(text string, w int) string {
		text = oneLine(text, w)
		return text + strings.Repeat(" ", max(w-lipgloss.Width(text), 0))
	}
	mark, titleStyle := "  ", s.Text
	if selected {
		mark, titleStyle = s.Selected.Render("› "), s.Selected
	}
	row := mark + s.Muted.Render(date) + "  " + titleStyle.Render(pad(e.Title, cols.title)) + "  "
	if cols.tags > 0 {
		row += s.Accent.Render(pad(strings.Join(e.Tags, ", "), cols.tags)) + "  "
	}
	return row + s.Notice.Render(sev)
}
