package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/chart"
	"github.com/failup/failup/internal/growth"
	"github.com/failup/failup/internal/termtext"
)

func (a *env) statsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "How often you tried again, and how your confidence moved",
		Long: "Counts for each of the last twelve months (from the journal's first, when it\n" +
			"began within them), follow-through on commitments, confidence when reflecting\n" +
			"and at the check-in, and the skills your setbacks exercised. No streaks:\n" +
			"setbacks are not a daily habit.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := a.app()
			if err != nil {
				return err
			}
			st, err := c.Stats(ctxOf(cmd))
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(st)
			}
			writeStats(a.out, st, a.now(), a.termWidth())
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the numbers as one JSON document")
	return cmd
}

// writeStats prints the statistics, wrapped to width (0: as they come);
// its chart by month is of the twelve months up to now's (from the
// journal's first, when later), as the growth screen draws them.
func writeStats(w io.Writer, st growth.Stats, now time.Time, width int) {
	if st.Entries == 0 {
		fmt.Fprintln(w, "No reflections yet, so nothing to count. That's fine.")
		return
	}
	from, to := st.FirstOn.Time().Format("January 2006"), st.LastOn.Time().Format("January 2006")
	if from == to {
		fmt.Fprintf(w, "%s, in %s.\n", termtext.Count(st.Entries, "reflection", "reflections"), from)
	} else {
		fmt.Fprintf(w, "%s, from %s to %s.\n", termtext.Count(st.Entries, "reflection", "reflections"), from, to)
	}

	writeTryingAgain(w, st, width)
	if c := st.Confidence; c.AtReflection != nil {
		fmt.Fprintln(w, "\nConfidence")
		said := rating(*c.AtReflection, c.ReflectionRatings, "out of 10 when reflecting")
		if c.AtCheckIn != nil {
			said += "; " + rating(*c.AtCheckIn, c.CheckInRatings, "at the check-in")
		}
		fmt.Fprintln(w, termtext.Wrap(said+".", width, "  ", "  "))
		if c.AverageChange != nil {
			fmt.Fprintln(w, termtext.Wrap(confidenceChange(*c.AverageChange, c.Pairs), width, "  ", "  "))
		}
	}
	months, span := st.LastYear(now)
	top := 0
	for _, m := range months {
		top = max(top, m.Count)
	}
	if st.FirstOn.Time().Before(months[0].Start) {
		// Entries before the chart are not missing from it: it is of a year.
		span = "the last twelve months: " + span
	}
	fmt.Fprintf(w, "\nBy month, %s\n", span)
	for _, m := range months {
		fmt.Fprintf(w, "  %s  %-20s %d\n", m.Start.Format("2006-01"), chart.Bar(float64(m.Count), float64(top), 20), m.Count)
	}
	if len(st.Skills) > 0 {
		fmt.Fprintln(w, "\nSkills exercised")
		for _, sk := range st.Skills {
			fmt.Fprintf(w, "  %-22s %-20s %d\n", sk.Skill.Label(), chart.Bar(float64(sk.Count), float64(st.Skills[0].Count), 20), sk.Count)
		}
	}
	if len(st.Patterns) > 0 {
		fmt.Fprintln(w, "\nWhat keeps coming back")
		if len(st.Patterns) > 1 {
			fmt.Fprintln(w, termtext.Wrap(themeOrder, width, "  ", "  "))
		}
		// A label may end in brackets of its own ("Lupe (my wife)"), so the
		// count is not put in more.
		for _, p := range st.Patterns {
			fmt.Fprintln(w, termtext.Wrap(termtext.Line(p.Label)+", in "+termtext.Count(p.Count, "entry", "entries"), width, "  ", "    "))
		}
	}
	if st.Chains > 0 {
		fmt.Fprintln(w, "\n"+termtext.Wrap(fmt.Sprintf("Chains of attempts: %d, where a check-in led to another reflection.", st.Chains), width, "", ""))
	}
}

// writeTryingAgain is stats' part on commitments and trying again.
func writeTryingAgain(w io.Writer, st growth.Stats, width int) {
	ft := st.FollowThrough
	fmt.Fprintln(w, "\nTrying again")
	if ft.Commitments == 0 {
		fmt.Fprintln(w, "  No commitments yet. A reflection can end with something to try next time.")
	} else {
		if ft.Rate != nil {
			said := fmt.Sprintf("Of the %s you have checked in on, you tried again on %d",
				termtext.Count(ft.Decided, "commitment", "commitments"), ft.TriedAgain)
			if growth.Typical(ft.Decided) { // a share of one or two says no more than the counts
				said += fmt.Sprintf(" (%.0f%%)", *ft.Rate*100)
			}
			said += "."
			fmt.Fprintln(w, termtext.Wrap(said, width, "  ", "  "))
		}
		if rest := ft.NotTriedAgain("waiting to hear how it went"); len(rest) > 0 {
			fmt.Fprintln(w, termtext.WrapList(rest, " · ", width, "  ", "  "))
		}
		if said := st.TryingAgain(); said != "" {
			fmt.Fprintln(w, termtext.Wrap(termtext.Sentence(said), width, "  ", "  "))
		}
	}
}

// rating is an average confidence rating of n and what it is, saying how
// few it is of when that is too few to be typical (growth.Typical).
func rating(avg float64, n int, what string) string {
	switch {
	case n == 1:
		return fmt.Sprintf("%.0f %s (from one rating)", avg, what)
	case !growth.Typical(n):
		return fmt.Sprintf("%.1f %s (from two ratings)", avg, what)
	}
	return fmt.Sprintf("%.1f %s", avg, what)
}

// confidenceChange says how confidence moved from reflecting to the
// check-in over pairs commitments; of one or two, as what it is.
func confidenceChange(avg float64, pairs int) string {
	switch {
	case pairs == 1 && avg == 0:
		return "On the one commitment where you rated both, it stayed the same."
	case pairs == 1:
		return fmt.Sprintf("On the one commitment where you rated both, it moved by %+.0f.", avg)
	case !growth.Typical(pairs):
		return fmt.Sprintf("On the two commitments where you rated both, it moved by %+.1f on average.", avg)
	}
	return fmt.Sprintf("Where you rated both (%s), it moved by %+.1f on average.", termtext.Count(pairs, "commitment", "commitments"), avg)
}
