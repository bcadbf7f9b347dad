package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/journal"
)

func (a *app) importCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Add the entries of a failup.v1 JSON export (- reads stdin)",
		Long: "Reads the document failup export --format json writes. It is all or nothing:\n" +
			"one invalid entry and nothing is added. Entries whose uid is already in the\n" +
			"journal are skipped, so importing the same file twice adds nothing new.",
		Example: "  failup import backup.json\n  failup export --format json --db old.db | failup import -",
		Args:    exactArgs(1, "a file to import (- for stdin)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, closeInput, err := a.openInput(args[0])
			if err != nil {
				return err
			}
			defer closeInput()
			lib, err := a.library()
			if err != nil {
				return err
			}
			s, err := a.journal()
			if err != nil {
				return err
			}
			// The document is read as it is imported; a mistake in it ends
			// the import, whose transaction then adds nothing.
			var bad error
			entries := func(yield func(journal.Entry, error) bool) {
				i := 0
				for e, err := range journal.DocumentEntries(r) {
					i++
					if err == nil {
						e.ID = 0
						if err = e.Complete(a.now(), lib.Question); err != nil {
							err = fmt.Errorf("entry %d: %w", i, err)
						}
					}
					if err != nil {
						bad = fmt.Errorf("%s: %w; nothing was imported", inputName(args[0]), err)
						yield(journal.Entry{}, bad)
						return
					}
					if !yield(e, nil) {
						return
					}
				}
			}
			added, skipped, err := s.Import(ctxOf(cmd), entries)
			switch {
			case bad != nil:
				return bad
			case err != nil:
				return fmt.Errorf("the import failed, and nothing was imported: %w", err)
			}
			if asJSON {
				return a.printJSON(map[string]int{"added": added, "skipped": skipped})
			}
			fmt.Fprintf(a.out, "Added %s; skipped %d already in the journal.\n", plural(added, "entry", "entries"), skipped)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"added": N, "skipped": N}`)
	return cmd
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
