package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/tui"
)

func (a *env) newCmd() *cobra.Command {
	var from, set string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "new",
		Short: "Reflect on a setback, one question at a time",
		Long: "Walks you through the reflection and saves it. Without a terminal, or with\n" +
			"--accessible, it asks line by line. --from saves an entry given as JSON.",
		Example: "  failup new\n  failup new --set quick\n  failup new --from entry.json\n  echo '{\"title\": \"Missed the bus\"}' | failup new --from -",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if from != "" {
				return a.newFromJSON(cmd, from, asJSON)
			}
			c, err := a.app()
			if err != nil {
				return err
			}
			ps, err := a.promptSet(c, set)
			if err != nil {
				return err
			}
			if a.interactive() && !a.wantsAccessible() {
				return a.runTUI(cmd, tui.StartNew, ps, 0)
			}
			return a.reflectPlainly(cmd, ps, asJSON)
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "save the entry in this JSON file (- for stdin) without asking")
	cmd.Flags().StringVar(&set, "set", "", "the prompt set to reflect with (default four-questions, or prompt_set in config.toml; quick for a small setback)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the saved entry as JSON instead of its ID")
	a.exclusive(cmd, "from", "set")
	return cmd
}

func (a *env) newFromJSON(cmd *cobra.Command, from string, asJSON bool) error {
	e, err := a.readEntry(from)
	if err != nil {
		return err
	}
	c, err := a.app()
	if err != nil {
		return err
	}
	if err := c.Create(ctxOf(cmd), &e); err != nil {
		return fmt.Errorf("%s: %w", inputName(from), err)
	}
	if asJSON {
		return a.printEntry(cmd, c, e.ID)
	}
	fmt.Fprintln(a.out, e.ID)
	return nil
}

// printEntry prints entry id as the journal holds it, as JSON.
func (a *env) printEntry(cmd *cobra.Command, c *app.Core, id int64) error {
	e, err := c.Entry(ctxOf(cmd), id)
	if err != nil {
		return err
	}
	return a.printJSON(e)
}

// readEntry reads one entry given as JSON in a file ("-": stdin).
func (a *env) readEntry(from string) (journal.Entry, error) {
	r, closeInput, err := a.openInput(from)
	if err != nil {
		return journal.Entry{}, err
	}
	defer closeInput()
	e, err := app.ReadEntry(r)
	if err != nil {
		return journal.Entry{}, fmt.Errorf("%s: %w", inputName(from), err)
	}
	return e, nil
}

// openInput opens a file named on the command line, "-" meaning stdin.
func (a *env) openInput(name string) (io.Reader, func(), error) {
	if name == "-" {
		return a.in, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", name, app.PathProblem(err))
	}
	return f, func() { f.Close() }, nil
}

func inputName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return name
}

// reflectPlainly asks the questions line by line and saves the entry.
func (a *env) reflectPlainly(cmd *cobra.Command, set prompt.Set, asJSON bool) error {
	c, err := a.app()
	if err != nil {
		return err
	}
	lib, err := c.Prompts()
	if err != nil {
		return err
	}
	e, err := a.askAndSave(cmd, c, set, journal.Entry{}, journal.SessionKey(journal.NewDraftKey), asJSON)
	if err != nil {
		return err
	}
	if asJSON {
		return a.printEntry(cmd, c, e.ID)
	}
	fmt.Fprintf(a.out, "\nSaved as entry %d. %s\n", e.ID, lib.Tip(int(e.ID)))
	return nil
}

// draftToOffer is the draft to offer back before a reflection saved under
// draftKey: the most recent left unfinished of the same entry's edits, or of
// new reflections.
func draftToOffer(ctx context.Context, c *app.Core, draftKey string) (journal.Draft, bool, error) {
	drafts, err := c.Drafts(ctx, journal.DraftBase(draftKey))
	if err != nil || len(drafts) == 0 {
		return journal.Draft{}, false, err
	}
	return drafts[0], true, nil
}

// askAndSave asks a reflection's questions line by line, starting from base
// (empty for a new one, the entry for an edit), and saves it under draftKey.
// When a person is answering (stdin is a terminal, or --accessible) a draft
// is saved after each answer and an unfinished one is offered back; input
// that ends before the questions are answered is kept as that draft.
func (a *env) askAndSave(cmd *cobra.Command, c *app.Core, set prompt.Set, base journal.Entry, draftKey string, asJSON bool) (journal.Entry, error) {
	ctx := ctxOf(cmd)
	talk := a.out
	if asJSON {
		talk = a.errOut
	}
	in := a.lines(cmd)
	progress := func(journal.Entry) {}
	person := isTerminal(a.in)
	if person || a.wantsAccessible() {
		draft, ok, err := draftToOffer(ctx, c, draftKey)
		if err != nil {
			return journal.Entry{}, err
		}
		if ok && offerDraft(in, talk, draft, journal.IsNewDraft(draftKey)) {
			if draft, err = c.ResumeDraft(ctx, draft); err != nil {
				return journal.Entry{}, err
			}
			base, draftKey = draft.Entry, draft.Key
		}
		progress = func(e journal.Entry) {
			// A failed draft save must not interrupt the person; the entry itself is saved at the end.
			_ = c.SaveDraft(ctx, journal.Draft{Key: draftKey, Entry: e})
		}
	}
	e, err := askReflection(in, talk, person, set, c, base, progress)
	if errors.Is(err, errEndedEarly) {
		return journal.Entry{}, c.KeepUnfinished(ctx, e, draftKey)
	}
	if err != nil {
		return journal.Entry{}, err
	}
	return e, c.SaveReflection(ctx, &e, draftKey)
}
