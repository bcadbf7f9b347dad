package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/agecrypt"
	"github.com/failup/failup/internal/app"
)

func (a *env) restoreCmd() *cobra.Command {
	var output string
	var force bool
	var key openFlags
	cmd := &cobra.Command{
		Use:   "restore BACKUP",
		Short: "Turn a backup, encrypted or not, back into a journal file",
		Long: "Reads a file failup backup wrote, decrypting it when it is an age file\n" +
			"(backup --encrypt) with --identity or the passphrase, checks that it is a\n" +
			"whole failup journal, and only then writes it: to -o FILE, or where the\n" +
			"journal belongs when there is none there yet. An existing journal is never\n" +
			"written over; restore beside it and open the copy with failup --db FILE.",
		Example: "  failup restore ~/failup-2026-11-27.db.age\n" +
			"  failup restore backup.db.age --identity ~/.ssh/id_ed25519 -o ~/restored.db",
		Args: exactArgs(1, "the backup file to restore"),
		RunE: func(cmd *cobra.Command, args []string) error {
			unseal := func() (app.Unseal, error) {
				ids, err := a.identities(&key)
				return func(dst io.Writer, src io.Reader) error { return agecrypt.DecryptTo(dst, src, ids) }, err
			}
			if err := app.Restore(ctxOf(cmd), args[0], output, a.dbPath(), force, unseal); err != nil {
				return err
			}
			if output == "" {
				output = a.dbPath()
			}
			fmt.Fprintf(a.out, "Restored %s to %s.\n", args[0], output)
			if output != a.dbPath() {
				fmt.Fprintf(a.out, "Open it with failup --db %s.\n", output)
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "the journal file to write (default: where the journal belongs, if there is none)")
	cmd.Flags().BoolVar(&force, "force", false, "replace the file given with -o if it exists")
	key.register(cmd)
	return cmd
}
