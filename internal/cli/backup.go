package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/termtext"
)

func (a *env) backupCmd() *cobra.Command {
	var output string
	var force bool
	var seal sealFlags
	cmd := &cobra.Command{
		Use:   "backup -o FILE",
		Short: "Copy the journal to a file, safely, even while failup is in use",
		Long: "Writes a consistent copy of the journal, a SQLite file readable only by you,\n" +
			"even while another failup is writing. The copy is written whole or not at\n" +
			"all, and an existing file is replaced only with --force. To use a backup,\n" +
			"open it with failup --db FILE. --encrypt (or --recipient) writes an age file\n" +
			"instead, which failup restore turns back into a journal.",
		Example: "  failup backup -o ~/failup-2026-11-27.db\n  failup --db ~/failup-2026-11-27.db list",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if output == "" {
				return usagef("backup needs a file to write to: failup backup -o FILE")
			}
			c, err := a.app()
			if err != nil {
				return err
			}
			sealer, err := a.sealer(&seal)
			if err != nil {
				return err
			}
			n, err := c.Backup(ctxOf(cmd), output, force, sealer)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.out, "Backed up %s to %s.\n", termtext.Count(n, "entry", "entries"), termtext.Line(output))
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "the file to write the backup to")
	cmd.Flags().BoolVar(&force, "force", false, "replace the file if it exists")
	seal.register(a, cmd)
	return cmd
}
