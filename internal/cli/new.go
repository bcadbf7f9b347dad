package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/tui"
)

func (a *app) newCmd() *cobra.Command {
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
				if set != "" {
					return usagef("--set chooses questions to be asked; with --from the entry names its own prompt_set")
				}
				return a.newFromJSON(cmd, from, asJSON)
			}
			lib, err := a.library()
			if err != nil {
				return err
			}
			if set == "" {
				set = a.cfg.PromptSet
			}
			ps, ok := lib.Set(set)
			if !ok {
				return usagef("there is no prompt set %q; choose one of: %s", set, strings.Join(lib.IDs(), ", "))
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
	return cmd
}

func (a *app) newFromJSON(cmd *cobra.Command, from string, asJSON bool) error {
	e, err := a.readEntry(from)
	if err != nil {
		return err
	}
	s, err := a.journal()
	if err != nil {
		return err
	}
	if err := s.Create(ctxOf(cmd), &e); err != nil {
		return saveError(err)
	}
	if asJSON {
		saved, err := s.Get(ctxOf(cmd), e.ID)
		if err != nil {
			return err
		}
		return a.printJSON(saved)
	}
	fmt.Fprintln(a.out, e.ID)
	return nil
}

// readEntry reads one entry given as JSON in a file ("-": stdin), completed
// and checked; its id is ignored.
func (a *app) readEntry(from string) (journal.Entry, error) {
	r, closeInput, err := a.openInput(from)
	if err != nil {
		return journal.Entry{}, err
	}
	defer closeInput()
	e, err := journal.DecodeEntry(r)
	if err != nil {
		return journal.Entry{}, fmt.Errorf("%s: %w", inputName(from), err)
	}
	lib, err := a.library()
	if err != nil {
		return journal.Entry{}, err
	}
	e.ID = 0
	if err := e.Complete(a.now(), lib.Question); err != nil {
		return journal.Entry{}, fmt.Errorf("%s: %w", inputName(from), err)
	}
	return e, nil
}

// openInput opens a file named on the command line, "-" meaning stdin.
func (a *app) openInput(name string) (io.Reader, func(), error) {
	if name == "-" {
		return a.in, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("cannot read %s: %w", name, unwrapPath(err))
	}
	return f, func() { f.Close() }, nil
}

func inputName(name string) string {
	if name == "-" {
		return "stdin"
	}
	return name
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func saveError(err error) error {
	return fmt.Errorf("the entry could not be saved, and nothing was written: %w", err)
}

// reflectPlainly asks the questions line by line and saves the entry. When a
// person is answering (stdin is a terminal) a draft is saved after each answer
// and an unfinished one is offered back; piped answers need no draft.
func (a *app) reflectPlainly(cmd *cobra.Command, set prompt.Set, asJSON bool) error {
	s, err := a.journal()
	if err != nil {
		return err
	}
	lib, err := a.library()
	if err != nil {
		return err
	}
	ctx := ctxOf(cmd)
	talk := a.out
	if asJSON {
		talk = a.errOut
	}
	in := bufio.NewReader(a.in)
	var prev journal.Entry
	progress := func(journal.Entry) {}
	person := isTerminal(a.in)
	if person {
		draft, ok, err := s.Draft(ctx, journal.NewDraftKey)
		if err != nil {
			return err
		}
		if ok && offerDraft(in, talk, draft) {
			prev = draft.Entry
		}
		progress = func(e journal.Entry) {
			// A failed draft save must not interrupt the person; the entry itself is saved at the end.
			_ = s.SaveDraft(ctx, journal.Draft{Key: journal.NewDraftKey, Entry: e}, a.now())
		}
	}
	e, err := askReflection(in, talk, person, set, prev, progress)
	if err != nil {
		return err
	}
	if err := e.Complete(a.now(), lib.Question); err != nil {
		return err
	}
	if err := s.SaveReflection(ctx, &e, journal.NewDraftKey, a.now()); err != nil {
		return saveError(err)
	}
	if asJSON {
		return a.printJSON(e)
	}
	fmt.Fprintf(a.out, "\nSaved as entry %d. %s\n", e.ID, lib.Tip(int(e.ID)))
	return nil
}
