package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/agecrypt"
	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/atomicfile"
	"github.com/failup/failup/internal/store"
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
			if output == "" {
				output = a.dbPath()
				if _, err := os.Stat(output); err == nil {
					return fmt.Errorf("there is already a journal at %s; restore to another file with -o FILE", output)
				}
				if err := os.MkdirAll(filepath.Dir(output), 0o700); err != nil {
					return fmt.Errorf("cannot create the journal's folder: %w", app.PathProblem(err))
				}
			}
			switch _, err := os.Stat(output); {
			case err == nil && app.SameFile(output, a.dbPath()):
				return fmt.Errorf("%s is the journal in use; restore to another file with -o FILE", output)
			case err == nil && !force:
				return fmt.Errorf("%s already exists; choose another name, or add --force to replace it", output)
			case err != nil && !errors.Is(err, fs.ErrNotExist):
				return fmt.Errorf("cannot write %s: %w", output, app.PathProblem(err))
			}
			for _, side := range []string{"-wal", "-shm"} {
				if _, err := os.Stat(output + side); err == nil {
					return fmt.Errorf("%s%s is left from another journal; move it away first, or restore to another name", output, side)
				}
			}
			in, err := os.Open(args[0])
			if err != nil {
				return fmt.Errorf("cannot read %s: %w", args[0], app.PathProblem(err))
			}
			defer in.Close()
			br := bufio.NewReader(in)
			head, _ := br.Peek(64)
			encrypted := agecrypt.Encrypted(head)
			var bad error // what is wrong with the backup, as opposed to with writing
			err = atomicfile.Write(output, 0o600, func(w io.Writer) error {
				check := &journalHeader{}
				w = io.MultiWriter(w, check)
				if !encrypted {
					if _, err := io.Copy(w, br); err != nil {
						return err
					}
				} else {
					ids, err := a.identities(&key)
					if err != nil {
						return err
					}
					if bad = agecrypt.DecryptTo(w, br, ids); bad != nil {
						bad = fmt.Errorf("cannot decrypt %s: %w", args[0], bad)
						return bad
					}
				}
				if !store.IsJournalHeader(check.b) {
					bad = fmt.Errorf("%s does not hold a failup journal", args[0])
					return bad
				}
				return nil
			})
			if bad != nil {
				return fmt.Errorf("%w; nothing was written", bad)
			}
			if err != nil {
				return err
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

// journalHeader keeps the first bytes written to it: a SQLite file's
// header, which tells a failup journal.
type journalHeader struct{ b []byte }

func (h *journalHeader) Write(p []byte) (int, error) {
	if room := store.HeaderSize - len(h.b); room > 0 {
		h.b = append(h.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}
