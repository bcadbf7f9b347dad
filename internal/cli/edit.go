package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/termtext"
	"github.com/failup/failup/internal/tui"
)

func (a *env) editCmd() *cobra.Command {
	var from string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "edit ID",
		Short: "Change an entry in the guided flow, prefilled",
		Long: "Opens the entry in the same guided flow as new, with a draft saved as you type.\n" +
			"--from replaces the entry with one given as JSON, keeping its uid and created_at.",
		Example: "  failup edit 12\n  failup show 12 --json > e.json && $EDITOR e.json && failup edit 12 --from e.json",
		Args:    exactArgs(1, "an entry ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			if from != "" {
				return a.editFromJSON(cmd, id, from, asJSON)
			}
			e, err := a.entry(cmd, id)
			if err != nil {
				return err
			}
			if a.wantsAccessible() {
				return a.editPlainly(cmd, e, asJSON)
			}
			if !a.interactive() {
				return usagef("editing in the guided flow needs a terminal; from a script, use failup edit %d --from FILE, or --accessible to answer line by line", id)
			}
			return a.runTUI(cmd, tui.StartEdit, prompt.Set{}, id)
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "replace the entry with this JSON file (- for stdin)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the updated entry as JSON")
	return cmd
}

// editPlainly asks the entry's questions again line by line, each answer
// shown so that an empty line keeps it, and saves the changes.
func (a *env) editPlainly(cmd *cobra.Command, e journal.Entry, asJSON bool) error {
	c, err := a.app()
	if err != nil {
		return err
	}
	id := e.ID
	set, err := c.PromptSet(e.PromptSet)
	if err != nil {
		return err
	}
	if _, err = a.askAndSave(cmd, c, set, e, journal.SessionKey(journal.EditKey(id)), asJSON); err != nil {
		return err
	}
	if asJSON {
		return a.printEntry(cmd, c, id)
	}
	fmt.Fprintf(a.out, "\nUpdated entry %d.\n", id)
	return nil
}

func (a *env) editFromJSON(cmd *cobra.Command, id int64, from string, asJSON bool) error {
	e, err := a.readEntry(from)
	if err != nil {
		return err
	}
	c, err := a.app()
	if err != nil {
		return err
	}
	if err := c.Replace(ctxOf(cmd), id, &e); err != nil {
		if _, missing := errors.AsType[*app.NotFoundError](err); missing {
			return err
		}
		return fmt.Errorf("%s: %w", inputName(from), err)
	}
	if asJSON {
		return a.printEntry(cmd, c, id)
	}
	fmt.Fprintf(a.out, "Updated entry %d.\n", id)
	return nil
}

func (a *env) deleteCmd() *cobra.Command {
	var yes bool
	cmd := &cobra.Command{
		Use:     "delete ID",
		Short:   "Delete an entry, after asking",
		Example: "  failup delete 12\n  failup delete 12 --yes",
		Args:    exactArgs(1, "an entry ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := a.entryArg(cmd, args[0])
			if err != nil {
				return err
			}
			id := e.ID
			if !yes {
				if !isTerminal(a.in) {
					return usagef("not deleting entry %d without confirmation; add --yes to delete it from a script", id)
				}
				fmt.Fprintf(a.out, "Delete entry %d, “%s” (%s)? It cannot be undone. Type y to delete: ",
					id, termtext.Line(e.Title), e.OccurredOn)
				answer, _ := a.lines(cmd).ReadString('\n')
				if reply := strings.ToLower(strings.TrimSpace(answer)); reply != "y" && reply != "yes" {
					fmt.Fprintln(a.out, "Kept it; nothing was deleted.")
					return nil
				}
			}
			c, err := a.app()
			if err != nil {
				return err
			}
			if err := c.Delete(ctxOf(cmd), id); err != nil {
				return err
			}
			fmt.Fprintf(a.out, "Deleted entry %d.\n", id)
			return nil
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "delete without asking")
	return cmd
}
