package export

import (
	"cmp"
	"fmt"
	"io"
	"strings"

	"github.com/failup/failup/internal/journal"
)

// Entry writes one entry as a Markdown document, as `failup show ID --md`
// prints it: the title, the day and tags, each answered question with its
// answer as written, the lesson, details and the follow-up.
func Entry(w io.Writer, e journal.Entry) error {
	p := newPage(w)
	p.entry(e, 1)
	return p.flush()
}

// entry writes e with its title as a heading of the given level and its
// sections one level below.
func (p *page) entry(e journal.Entry, level int) {
	p.heading(level, title(e))
	p.note(humanDate(e.OccurredOn), tagList(e.Tags))
	for _, a := range e.Answers {
		text := block(a.Text)
		if text == "" {
			continue
		}
		p.heading(level+1, cmp.Or(inline(a.Question), inline(a.Key), "Answer"))
		p.add(text)
	}
	p.section(level+1, "Lesson", block(e.Lesson))
	p.section(level+1, "Details", details(e))
	p.section(level+1, "Follow-up", followup(e.Followup))
}

// section writes a heading and its body, or nothing when the body is empty.
func (p *page) section(level int, heading, body string) {
	if body != "" {
		p.heading(level, heading)
		p.add(body)
	}
}

func title(e journal.Entry) string { return cmp.Or(inline(e.Title), "Untitled") }

func tagList(tags []string) string {
	var kept []string
	for _, t := range tags {
		if t := inline(t); t != "" {
			kept = append(kept, t)
		}
	}
	return strings.Join(kept, ", ")
}

func details(e journal.Entry) string {
	var l list
	if len(e.Skills) > 0 {
		labels := make([]string, len(e.Skills))
		for i, s := range e.Skills {
			labels[i] = s.Label()
		}
		l.line("Skills: " + tagList(labels))
	}
	if e.Severity != nil {
		l.line(fmt.Sprintf("Severity: %d of 5", *e.Severity))
	}
	if e.Confidence != nil {
		l.line(fmt.Sprintf("Confidence: %d of 10", *e.Confidence))
	}
	return l.String()
}

// followup is the commitment, when it is due, and how it went: a check-in
// with its outcome, or the day it was set aside.
func followup(f *journal.Followup) string {
	if f == nil {
		return ""
	}
	var l list
	l.text("Commitment", f.Commitment)
	if !f.DueOn.IsZero() {
		l.line("Due " + humanDate(f.DueOn))
	}
	l.line(checkIn(*f))
	if f.Outcome != nil {
		l.text("How it went", *f.Outcome)
	}
	if f.DroppedAt != nil {
		l.line("Set aside on " + humanDay(*f.DroppedAt))
	}
	return l.String()
}

// checkIn is "Checked in 2 April 2026: tried again, confidence afterwards 7
// of 10", or "" before any check-in.
func checkIn(f journal.Followup) string {
	var how []string
	switch {
	case f.TriedAgain == nil:
	case *f.TriedAgain:
		how = append(how, "tried again")
	default:
		how = append(how, "not tried again this time")
	}
	if f.ConfidenceAfter != nil {
		how = append(how, fmt.Sprintf("confidence afterwards %d of 10", *f.ConfidenceAfter))
	}
	if f.CheckedInAt == nil && len(how) == 0 {
		return ""
	}
	line := "Checked in"
	if f.CheckedInAt != nil {
		line += " " + humanDay(*f.CheckedInAt)
	}
	if len(how) > 0 {
		line += ": " + strings.Join(how, ", ")
	}
	return line
}
