package cli

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/termtext"
	"github.com/failup/failup/internal/tui"
)

// followupJSON is one line of followups --json.
type followupJSON struct {
	ID         int64          `json:"id"`
	Title      string         `json:"title"`
	Commitment string         `json:"commitment"`
	DueOn      journal.Date   `json:"due_on"`
	Status     journal.Status `json:"status"`
}

func (a *env) followupsCmd() *cobra.Command {
	var asJSON, due, all, quiet bool
	cmd := &cobra.Command{
		Use:   "followups",
		Short: "Commitments that are due, overdue or coming up",
		Long: "Lists what you said you would try, and when failup asks how it went.\n" +
			"--due --quiet prints one line only when something is due, for a shell's rc file:\n\n" +
			"    failup followups --due --quiet",
		Example: "  failup followups\n  failup followups --all --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if quiet {
				// For a shell's start-up: a journal that is missing or cannot
				// be read is not worth a word there.
				if c, err := a.app(); err == nil && a.cfg.Reminders {
					_ = a.nudge(cmd, c)
				}
				return nil
			}
			c, err := a.app()
			if err != nil {
				return err
			}
			view := app.OpenFollowups
			switch {
			case due:
				view = app.DueFollowups
			case all:
				view = app.AllFollowups
			}
			list, err := c.Followups(ctxOf(cmd), view)
			if err != nil {
				return err
			}
			if due && len(list) == 0 && !asJSON {
				fmt.Fprintln(a.out, "Nothing is due to check in on; failup followups lists what is coming up.")
				return nil
			}
			return a.writeFollowups(list, c.Today(), asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON list")
	cmd.Flags().BoolVar(&due, "due", false, "only what is due today or overdue")
	cmd.Flags().BoolVar(&all, "all", false, "also the ones done or set aside")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print one line when something is due, else nothing")
	a.exclusive(cmd, "due", "all")
	a.exclusive(cmd, "quiet", "json")
	return cmd
}

func (a *env) writeFollowups(list []app.Commitment, today journal.Date, asJSON bool) error {
	switch {
	case asJSON:
		out := make([]followupJSON, len(list))
		for i, c := range list {
			out[i] = followupJSON{c.ID, c.Title, c.Followup.Commitment, c.Followup.DueOn, c.Followup.Status(today)}
		}
		return a.printJSON(out)
	case len(list) == 0:
		fmt.Fprintln(a.out, "Nothing to check in on. A reflection can end with something to try next time.")
		return nil
	}
	rows := [][]string{{"ID", "WHEN", "COMMITMENT", "FROM"}}
	for _, c := range list {
		rows = append(rows, []string{strconv.FormatInt(c.ID, 10), c.Followup.DueText(today),
			termtext.Line(c.Followup.Commitment), termtext.Line(c.Title)})
	}
	writeTable(a.out, rows, 2, a.termWidth())
	return nil
}

// nudge prints one gentle line when something is due, for a shell prompt, and
// nothing otherwise. It reads only what is due, so it stays quick.
func (a *env) nudge(cmd *cobra.Command, c *app.Core) error {
	latest, n, ok, err := c.Waiting(ctxOf(cmd))
	switch {
	case err != nil || !ok:
		return err
	case n > 1:
		fmt.Fprintf(a.out, "%d things you said you would try are waiting to hear how they went: failup followups.\n", n)
		return nil
	}
	fmt.Fprintf(a.out, "You said you would “%s” (%s). failup checkin %d records how it went.\n",
		termtext.Line(latest.Followup.Commitment), latest.Followup.DueText(c.Today()), latest.ID)
	return nil
}

// checkinFlags are checkin's choices as typed.
type checkinFlags struct {
	tried, outcome, snooze string
	confidence             int
	drop, asJSON           bool
}

func (a *env) checkinCmd() *cobra.Command {
	var f checkinFlags
	cmd := &cobra.Command{
		Use:   "checkin ID",
		Short: "Record how a commitment went",
		Long: "Did you try again? --tried-again yes or no records it (with --outcome and\n" +
			"--confidence); not-yet moves the date (a week on, or --snooze DAY, like\n" +
			"\"friday\" or \"in 2 weeks\"). --drop sets the commitment aside. Without flags,\n" +
			"in a terminal, failup asks. Checking in again updates the check-in: the\n" +
			"outcome and confidence stay unless given anew, or the answer changes.",
		Example: "  failup checkin 12\n  failup checkin 12 --tried-again yes --outcome 'Spoke first; it was fine' --confidence 7\n" +
			"  failup checkin 12 --tried-again not-yet --snooze 'next friday'",
		Args: exactArgs(1, "an entry ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			if onlyGlobal(cmd) {
				return a.checkInAsking(cmd, id)
			}
			in, err := f.input(cmd, a.today(), a.order())
			if err != nil {
				return err
			}
			c, err := a.app()
			if err != nil {
				return err
			}
			r, err := c.CheckIn(ctxOf(cmd), id, in)
			if err != nil {
				return err
			}
			if f.asJSON {
				return a.printJSON(r.Entry)
			}
			fmt.Fprintln(a.out, r.Said)
			return nil
		},
	}
	flags := cmd.Flags()
	flags.StringVar(&f.tried, "tried-again", "", "yes, no, or not-yet")
	flags.StringVar(&f.outcome, "outcome", "", "what happened, in your words")
	flags.IntVar(&f.confidence, "confidence", 0, "confidence now, 1 to 10")
	flags.StringVar(&f.snooze, "snooze", "", `ask again on this day (YYYY-MM-DD, "friday", "in 2 weeks")`)
	flags.BoolVar(&f.drop, "drop", false, "set the commitment aside")
	flags.BoolVar(&f.asJSON, "json", false, "print the updated entry as JSON")
	for _, other := range []string{"tried-again", "outcome", "confidence", "snooze"} {
		a.exclusive(cmd, "drop", other)
	}
	return cmd
}

// onlyGlobal reports whether the only flags given are the root's (--db...).
func onlyGlobal(cmd *cobra.Command) bool {
	local := false
	cmd.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) { local = local || f.Changed })
	return !local
}

// input turns the flags given into a check-in for the core, checked as of
// today before any journal is opened; order reads a 3/4.
func (f checkinFlags) input(cmd *cobra.Command, today journal.Date, order journal.Order) (app.CheckInInput, error) {
	flags := cmd.Flags()
	in := app.CheckInInput{Drop: f.drop}
	var err error
	if flags.Changed("tried-again") {
		if in.Tried, err = app.ParseTried(f.tried); err != nil {
			return in, err
		}
	}
	if flags.Changed("outcome") {
		in.Outcome = &f.outcome
	}
	if flags.Changed("confidence") {
		in.Confidence = &f.confidence
	}
	if flags.Changed("snooze") {
		if in.Snooze, err = app.ParseDue(f.snooze, today, order); err != nil {
			return in, &app.InputError{Field: "snooze", Err: err}
		}
	}
	return in, app.CheckCheckIn(in, today)
}

// checkInAsking asks how it went: on the full screen, or line by line. The
// commitment is looked for first: no terminal is needed to hear there is none.
func (a *env) checkInAsking(cmd *cobra.Command, id int64) error {
	c, err := a.app()
	if err != nil {
		return err
	}
	f, err := c.Commitment(ctxOf(cmd), id)
	if err != nil {
		return err
	}
	if !a.interactive() && !a.wantsAccessible() {
		return usagef("say how it went with --tried-again yes, no or not-yet (or run it in a terminal)")
	}
	if a.wantsAccessible() {
		return a.checkInPlainly(cmd, c, id, f)
	}
	return a.runTUI(cmd, tui.StartCheckIn, prompt.Set{}, id)
}
