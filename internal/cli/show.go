package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

func (a *env) showCmd() *cobra.Command {
	var asJSON, asMarkdown bool
	cmd := &cobra.Command{
		Use:     "show ID",
		Short:   "Show one entry",
		Example: "  failup show 12\n  failup show 12 --json\n  failup show 12 --md > entry.md",
		Args:    exactArgs(1, "an entry ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := a.entryArg(cmd, args[0])
			if err != nil {
				return err
			}
			switch {
			case asJSON:
				return a.printJSON(e)
			case asMarkdown:
				return export.Entry(a.out, e)
			}
			c, err := a.app()
			if err != nil {
				return err
			}
			attempts, err := c.Attempts(ctxOf(cmd), e.ID)
			if err != nil {
				return err
			}
			a.writeEntry(a.out, e, attempts)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the entry as JSON")
	cmd.Flags().BoolVar(&asMarkdown, "md", false, "print the entry as Markdown, its questions as headings")
	a.exclusive(cmd, "json", "md")
	return cmd
}

// entryArg loads the entry whose ID is the argument arg.
func (a *env) entryArg(cmd *cobra.Command, arg string) (journal.Entry, error) {
	id, err := parseID(arg)
	if err != nil {
		return journal.Entry{}, err
	}
	return a.entry(cmd, id)
}

// entry loads one entry.
func (a *env) entry(cmd *cobra.Command, id int64) (journal.Entry, error) {
	c, err := a.app()
	if err != nil {
		return journal.Entry{}, err
	}
	return c.Entry(ctxOf(cmd), id)
}

// writeEntry prints an entry for reading in a terminal, its text made safe
// and wrapped to the terminal's width, with the chain of attempts it is
// part of, if any.
func (a *env) writeEntry(w io.Writer, e journal.Entry, attempts []journal.Entry) {
	width := a.termWidth()
	fmt.Fprintln(w, termtext.Wrap(termtext.Line(e.Title), width, "", ""))
	meta := []string{a.day(e.OccurredOn), fmt.Sprintf("entry %d", e.ID)}
	if len(e.Tags) > 0 {
		meta = append(meta, termtext.Line(strings.Join(e.Tags, ", ")))
	}
	if e.Severity != nil {
		meta = append(meta, fmt.Sprintf("severity %d/5", *e.Severity))
	}
	if e.Confidence != nil {
		meta = append(meta, fmt.Sprintf("confidence %d/10", *e.Confidence))
	}
	fmt.Fprintln(w, termtext.WrapList(meta, " · ", width, "", ""))
	for _, ans := range e.Answers {
		writeSection(w, ans.Question, ans.Text, width)
	}
	writeSection(w, "Lesson", e.Lesson, width)
	if len(e.Skills) > 0 {
		labels := make([]string, len(e.Skills))
		for i, s := range e.Skills {
			labels[i] = s.Label()
		}
		writeSection(w, "Skills it exercised", strings.Join(labels, ", "), width)
	}
	if f := e.Followup; f != nil {
		writeSection(w, "Commitment", a.followupText(*f), width)
	}
	if len(attempts) > 0 {
		fmt.Fprintf(w, "\nAttempts at this\n")
		for i, at := range attempts {
			n := fmt.Sprintf("%d. ", i+1)
			line := fmt.Sprintf("%s  %s (entry %d)", a.day(at.OccurredOn), termtext.Line(at.Title), at.ID)
			if at.ID == e.ID {
				line += "  this one"
			}
			fmt.Fprintln(w, termtext.Hang(line, width, "  "+n))
		}
	}
}

// writeSection prints a heading and its text under it, indented two
// spaces and wrapped to width.
func writeSection(w io.Writer, heading, text string, width int) {
	text = strings.TrimSpace(termtext.Clean(text))
	if text == "" {
		return
	}
	fmt.Fprintf(w, "\n%s\n", termtext.Wrap(termtext.Line(heading), width, "", ""))
	fmt.Fprintln(w, termtext.Wrap(text, width, "  ", "  "))
}

// followupText describes a commitment and how it went, in one paragraph.
func (a *env) followupText(f journal.Followup) string {
	var b strings.Builder
	b.WriteString(f.Commitment)
	if f.DueOn != "" {
		fmt.Fprintf(&b, "\ncheck in on %s", a.day(f.DueOn))
	}
	switch {
	case f.DroppedAt != nil:
		fmt.Fprintf(&b, "\nset aside on %s", journal.DateOf(*f.DroppedAt))
	case f.CheckedInAt != nil:
		fmt.Fprintf(&b, "\nchecked in on %s", journal.DateOf(*f.CheckedInAt))
		if f.TriedAgain != nil {
			if *f.TriedAgain {
				b.WriteString(": tried again")
			} else {
				b.WriteString(": not tried again")
			}
		}
		if f.ConfidenceAfter != nil {
			fmt.Fprintf(&b, ", confidence %d/10", *f.ConfidenceAfter)
		}
		if f.Outcome != nil && *f.Outcome != "" {
			fmt.Fprintf(&b, "\n%s", *f.Outcome)
		}
	}
	return b.String()
}
