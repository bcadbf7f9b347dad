package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/store"
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

func (a *app) followupsCmd() *cobra.Command {
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
			s, err := a.journal()
			if err != nil {
				return err
			}
			today := journal.DateOf(a.now())
			if quiet {
				if !a.cfg.Reminders {
					return nil
				}
				return a.nudge(cmd, s, today)
			}
			cf := store.CommitmentFilter{Open: !all}
			if due {
				cf = store.CommitmentFilter{Open: true, DueBy: today}
			}
			commitments, err := s.Commitments(ctxOf(cmd), cf)
			if err != nil {
				return err
			}
			var shown []store.Commitment
			for _, c := range commitments {
				switch c.Followup.Status(today) {
				case journal.StatusDue, journal.StatusOverdue:
					shown = append(shown, c)
				case journal.StatusUpcoming:
					if !due {
						shown = append(shown, c)
					}
				default:
					if all && !due {
						shown = append(shown, c)
					}
				}
			}
			switch {
			case asJSON:
				out := make([]followupJSON, len(shown))
				for i, c := range shown {
					out[i] = followupJSON{c.ID, c.Title, c.Followup.Commitment, c.Followup.DueOn, c.Followup.Status(today)}
				}
				return a.printJSON(out)
			case len(shown) == 0:
				fmt.Fprintln(a.out, "Nothing to check in on. A reflection can end with something to try next time.")
				return nil
			}
			rows := [][]string{{"ID", "WHEN", "COMMITMENT", "FROM"}}
			for _, c := range shown {
				rows = append(rows, []string{strconv.FormatInt(c.ID, 10), c.Followup.DueText(today),
					termtext.Line(c.Followup.Commitment), termtext.Line(c.Title)})
			}
			writeTable(a.out, rows, 2, a.termWidth())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON list")
	cmd.Flags().BoolVar(&due, "due", false, "only what is due today or overdue")
	cmd.Flags().BoolVar(&all, "all", false, "also the ones done or set aside")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print one line when something is due, else nothing")
	return cmd
}

// nudge prints one gentle line when something is due, for a shell prompt, and
// nothing otherwise. It reads only what is due, so it stays quick.
func (a *app) nudge(cmd *cobra.Command, s *store.Store, today journal.Date) error {
	cf := store.CommitmentFilter{Open: true, DueBy: today, Limit: 1}
	due, err := s.Commitments(ctxOf(cmd), cf)
	if err != nil || len(due) == 0 {
		return err
	}
	n, err := s.CountCommitments(ctxOf(cmd), cf)
	if err != nil {
		return err
	}
	if n > 1 {
		fmt.Fprintf(a.out, "%d things you said you would try are waiting to hear how they went: failup followups.\n", n)
		return nil
	}
	c := due[0]
	fmt.Fprintf(a.out, "You said you would “%s” (%s). failup checkin %d records how it went.\n",
		termtext.Line(c.Followup.Commitment), c.Followup.DueText(today), c.ID)
	return nil
}

func (a *app) checkinCmd() *cobra.Command {
	var tried, outcome, snooze string
	var confidence int
	var drop, asJSON bool
	cmd := &cobra.Command{
		Use:   "checkin ID",
		Short: "Record how a commitment went",
		Long: "Did you try again? --tried-again yes or no records it (with --outcome and\n" +
			"--confidence); not-yet moves the date (a week on, or --snooze DATE). --drop sets\n" +
			"the commitment aside. Without flags, in a terminal, failup asks.",
		Example: "  failup checkin 12\n  failup checkin 12 --tried-again yes --outcome 'Spoke first; it was fine' --confidence 7\n" +
			"  failup checkin 12 --tried-again not-yet --snooze 2026-12-10",
		Args: exactArgs(1, "an entry ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			flags := cmd.Flags()
			none := !flags.Changed("tried-again") && !flags.Changed("snooze") && !drop && !flags.Changed("outcome") && !flags.Changed("confidence")
			if none {
				if !a.interactive() {
					return usagef("say how it went with --tried-again yes, no or not-yet (or run it in a terminal)")
				}
				if _, err := a.commitmentOf(cmd, id); err != nil {
					return err
				}
				return a.runTUI(cmd, tui.StartCheckIn, prompt.Set{}, id)
			}
			var conf *int
			if flags.Changed("confidence") {
				if confidence < 1 || confidence > 10 {
					return usagef("--confidence is from 1 to 10, not %d", confidence)
				}
				conf = &confidence
			}
			var due journal.Date
			today := journal.DateOf(a.now())
			if snooze != "" {
				if due, err = journal.ParseDate(snooze); err != nil {
					return usagef("--snooze: %v", err)
				}
				if due < today {
					return usagef("--snooze %s has passed; give a day from today on", due)
				}
			}
			if drop && (flags.Changed("tried-again") || flags.Changed("snooze") || flags.Changed("outcome") || flags.Changed("confidence")) {
				return usagef("--drop sets the commitment aside; it does not go with the other flags")
			}
			if tried == "not-yet" && (flags.Changed("outcome") || flags.Changed("confidence")) {
				return usagef("with --tried-again not-yet there is nothing to record yet; --outcome and --confidence go with yes or no")
			}
			before, err := a.commitmentOf(cmd, id)
			if err != nil {
				return err
			}
			postpone := tried == "not-yet" || (tried == "" && due != "")
			if st := before.Status(today); st == journal.StatusDone && (postpone || drop) {
				return fmt.Errorf("entry %d was already checked in on, so there is nothing to postpone or set aside; --tried-again yes or no changes what was recorded", id)
			}
			// Checking in again keeps what was said before unless it is said anew.
			if !flags.Changed("outcome") && before.Outcome != nil {
				outcome = *before.Outcome
			}
			if conf == nil {
				conf = before.ConfidenceAfter
			}
			s, err := a.journal()
			if err != nil {
				return err
			}
			ctx, now := ctxOf(cmd), a.now()
			var said string
			switch {
			case drop:
				err, said = s.Drop(ctx, id, now), "Set it aside. It won't be asked about again."
			case tried == "not-yet" || (tried == "" && due != ""):
				if due == "" {
					due = today.AddDays(7)
				}
				err, said = s.Snooze(ctx, id, due, now), "failup will ask again on "+string(due)+"."
			case tried == "yes" || tried == "no":
				err = s.RecordCheckIn(ctx, id, store.CheckIn{TriedAgain: tried == "yes", Outcome: strings.TrimSpace(outcome), ConfidenceAfter: conf}, now)
				said = "Noted. Trying again is how confidence grows."
				if tried == "no" {
					said = "Noted. Not yet is an honest answer; the lesson is still yours."
				}
			default:
				return usagef("--tried-again is yes, no or not-yet, not %q", tried)
			}
			if err != nil {
				return err
			}
			if asJSON {
				e, err := s.Get(ctx, id)
				if err != nil {
					return err
				}
				return a.printJSON(e)
			}
			fmt.Fprintln(a.out, said)
			return nil
		},
	}
	cmd.Flags().StringVar(&tried, "tried-again", "", "yes, no, or not-yet")
	cmd.Flags().StringVar(&outcome, "outcome", "", "what happened, in your words")
	cmd.Flags().IntVar(&confidence, "confidence", 0, "confidence now, 1 to 10")
	cmd.Flags().StringVar(&snooze, "snooze", "", "ask again on this date (YYYY-MM-DD)")
	cmd.Flags().BoolVar(&drop, "drop", false, "set the commitment aside")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the updated entry as JSON")
	return cmd
}

// commitmentOf checks that entry id exists and has a commitment.
func (a *app) commitmentOf(cmd *cobra.Command, id int64) (journal.Followup, error) {
	e, err := a.entry(cmd, id)
	if err != nil {
		return journal.Followup{}, err
	}
	if e.Followup == nil {
		return journal.Followup{}, fmt.Errorf("entry %d has no commitment to check in on; failup edit %d can add one", id, id)
	}
	return *e.Followup, nil
}
