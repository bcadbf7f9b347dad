package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

func (a *app) backupCmd() *cobra.Command {
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
			if strings.HasSuffix(output, string(filepath.Separator)) {
				return fmt.Errorf("%s is a folder; give a file name to write the backup to", output)
			}
			s, err := a.journal()
			if err != nil {
				return err
			}
			switch info, err := os.Stat(output); {
			case err == nil && info.IsDir():
				return fmt.Errorf("%s is a folder; give a file name to write the backup to", output)
			case err == nil && sameFile(info, s.Path()):
				return fmt.Errorf("%s is the journal itself; give another file name", output)
			case err == nil && !force:
				return fmt.Errorf("%s already exists; choose another name, or add --force to replace it", output)
			case err != nil && !errors.Is(err, fs.ErrNotExist):
				return fmt.Errorf("cannot write %s: %w", output, unwrapPath(err))
			}
			backup := s.Backup
			if seal.wanted() {
				backup = func(ctx context.Context, output string) error { return a.sealedBackup(ctx, s, output, &seal) }
			}
			if err := backup(ctxOf(cmd), output); err != nil {
				return fmt.Errorf("the backup to %s failed, and nothing was written: %w", output, unwrapPath(err))
			}
			n, err := s.Count(ctxOf(cmd), store.Filter{})
			if err != nil {
				return err
			}
			fmt.Fprintf(a.out, "Backed up %s to %s.\n", plural(n, "entry", "entries"), termtext.Line(output))
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "the file to write the backup to")
	cmd.Flags().BoolVar(&force, "force", false, "replace the file if it exists")
	seal.register(cmd)
	return cmd
}

func sameFile(info fs.FileInfo, path string) bool {
	other, err := os.Stat(path)
	return err == nil && os.SameFile(info, other)
}
