package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

// checkInPlainly asks how a commitment went on plain lines, for screen
// readers and scripts, and records it.
func (a *env) checkInPlainly(cmd *cobra.Command, c *app.Core, id int64, f journal.Followup) error {
	q := &asker{in: a.lines(cmd), out: a.out, prompt: isTerminal(a.in)}
	q.say("You said you would “%s” (%s).", termtext.Line(f.Commitment), f.DueText(c.Today()))
	in, err := askCheckIn(q, c, f)
	if err != nil {
		return err
	}
	r, err := c.CheckIn(ctxOf(cmd), id, in)
	if err != nil {
		return err
	}
	q.say("%s", r.Said)
	return nil
}

// askCheckIn asks whether the person tried again, and then what goes with
// the answer.
func askCheckIn(q *asker, c *app.Core, f journal.Followup) (app.CheckInInput, error) {
	q.say("Did you try again? yes, no, not yet, or drop to set it aside.")
	var in app.CheckInInput
	for {
		answer := strings.ToLower(strings.TrimSpace(q.line()))
		switch answer {
		case "drop":
			in.Drop = true
			return in, nil
		case "not yet", "not-yet", "notyet":
			q.say("When should failup ask again? YYYY-MM-DD, “friday”, “in 2 weeks”, or an empty line for a week from today.")
			due, err := askDate(q, "", "", c.ParseDue)
			in.Tried, in.Snooze = app.NotYet, due
			return in, err
		}
		tried, err := app.ParseTried(answer)
		if err == nil && tried != app.NotYet {
			in.Tried = tried
			break
		}
		if q.eof {
			return in, usagef("say whether you tried again: yes, no, not yet or drop")
		}
		q.say("Please answer yes, no, not yet or drop.")
	}
	q.say("What happened, in your words? (Optional.)")
	saved := ""
	if f.Outcome != nil {
		saved = *f.Outcome
	}
	if outcome := q.keep(saved, q.line); outcome != "" {
		in.Outcome = &outcome
	}
	confidence, err := askNumber(q, "How confident do you feel now, from 1 to 10? (Optional.)", 1, 10, f.ConfidenceAfter)
	in.Confidence = confidence
	return in, err
}
