package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"filippo.io/age"
	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/agecrypt"
	"github.com/failup/failup/internal/atomicfile"
	"github.com/failup/failup/internal/foldersync"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

func (a *env) syncCmd() *cobra.Command {
	var keyFile string
	var asJSON, newDevice bool
	cmd := &cobra.Command{
		Use:   "sync [DIR]",
		Short: "Merge this journal with your other devices' through a folder they share",
		Long: "Writes the changes made here since the last sync into DIR/failup/<this device>/,\n" +
			"and merges every other device's from there. DIR is any folder that something\n" +
			"else moves between your machines: Syncthing, Dropbox, iCloud Drive, a git\n" +
			"repository. Nothing is ever overwritten: an entry edited on two devices before\n" +
			"they synced keeps both versions, the newer shown and the other a conflict that\n" +
			"failup sync conflicts lists. With --key (an age key, failup sync key makes one)\n" +
			"what is written is encrypted, and only devices with the key can read it.\n\n" +
			"DIR and the key can be set in config.toml as sync_dir and sync_key, and\n" +
			"sync_after_save = true syncs whenever a command has changed the journal.",
		Example: "  failup sync ~/Sync/failup\n  failup sync key -o ~/.config/failup/sync.key\n" +
			"  failup sync ~/Dropbox/failup --key ~/.config/failup/sync.key",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("sync takes one folder, not %q too", args[1])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := a.cfg.SyncDir
			if len(args) == 1 {
				dir = args[0]
			}
			if dir == "" {
				return usagef("sync needs the folder to sync through: failup sync DIR, or sync_dir in config.toml")
			}
			if keyFile == "" {
				keyFile = a.cfg.SyncKey
			}
			opt, err := a.syncOptions(keyFile)
			if err != nil {
				return err
			}
			a.creates = true // a new device's first sync starts its journal
			s, err := a.journal()
			if err != nil {
				return err
			}
			if newDevice {
				// First, so that nothing made here is written under the
				// id another journal writes under too.
				id, err := s.SyncNewDevice(ctxOf(cmd))
				if err != nil {
					return err
				}
				if !asJSON {
					fmt.Fprintf(a.out, "This journal now syncs as device %s.\n", id)
				}
			}
			rep, err := foldersync.Sync(ctxOf(cmd), s, dir, opt)
			if err != nil {
				return err
			}
			if rep.Wrote == nil {
				rep.Wrote = []string{}
			}
			if rep.Problems == nil {
				rep.Problems = []store.SyncFile{}
			}
			c, err := a.app()
			if err != nil {
				return err
			}
			conflicts, err := c.ConflictCount(ctxOf(cmd))
			if err != nil {
				return err
			}
			if asJSON {
				err = a.printJSON(struct {
					foldersync.Report
					Conflicts int `json:"conflicts"`
				}{rep, conflicts})
			} else {
				a.printSync(dir, rep, conflicts)
			}
			if err == nil && len(rep.Problems) > 0 {
				return errors.New("some files in the folder could not be read; everything else was merged")
			}
			return err
		},
	}
	cmd.Flags().StringVar(&keyFile, "key", "", "encrypt what is written to, and read what is encrypted with, the age key in this file")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print what was merged as JSON")
	cmd.Flags().BoolVar(&newDevice, "new-device", false, "go on as a new device, then sync: for a journal restored or copied from another machine")
	cmd.AddCommand(a.syncConflictsCmd(), a.syncResolveCmd(), a.syncKeyCmd())
	return cmd
}

// syncOptions reads the sync key: segments are encrypted to its public half
// and decrypted with it.
func (a *env) syncOptions(keyFile string) (foldersync.Options, error) {
	opt := foldersync.Options{Now: a.now()}
	if keyFile == "" {
		return opt, nil
	}
	ids, err := agecrypt.IdentityFile(keyFile)
	if err != nil {
		return opt, err
	}
	rs, err := agecrypt.Recipients(ids)
	if err != nil {
		return opt, fmt.Errorf("%s: %w", keyFile, err)
	}
	opt.Identities, opt.Recipients = ids, rs
	return opt, nil
}

func (a *env) printSync(dir string, rep foldersync.Report, conflicts int) {
	for _, p := range rep.Problems {
		fmt.Fprintf(a.errOut, "failup: %s\n", sentence(termtext.Line(fmt.Sprintf("could not read %s: %s", p.Path, p.Problem))))
	}
	switch {
	case rep.Made == 0 && rep.Received == 0:
		fmt.Fprintf(a.out, "Synced through %s: nothing new.\n", termtext.Line(dir))
	default:
		corrected := ""
		if rep.Corrections > 0 {
			corrected = "; " + termtext.Count(rep.Corrections, "pattern correction", "pattern corrections")
		}
		fmt.Fprintf(a.out, "Synced through %s: %s sent, %s received (%d new, %d changed, %d deleted here%s).\n",
			termtext.Line(dir), termtext.Count(rep.Made, "change", "changes"), termtext.Count(rep.Received, "change", "changes"),
			rep.Created, rep.Updated, rep.Deleted, corrected)
	}
	if rep.Rejected > 0 {
		fmt.Fprintf(a.errOut, "failup: %s from other devices were not valid entries and were left out.\n",
			termtext.Count(rep.Rejected, "version", "versions"))
	}
	if conflicts > 0 {
		fmt.Fprintf(a.out, "%s edited on two devices at once; failup sync conflicts shows %s.\n",
			termtext.Count(conflicts, "entry was", "entries were"), map[bool]string{true: "it", false: "them"}[conflicts == 1])
	}
}

func (a *env) syncConflictsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "conflicts",
		Short: "The entries edited on two devices before either saw the other's edit",
		Long: "Each conflict is an entry with two (or more) versions: the one the journal\n" +
			"shows now, the newest, and the others, each with the device that wrote it\n" +
			"(this device or another; a version's id begins with its device's id).\n" +
			"failup sync resolve ID --keep shown|other chooses.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			core, err := a.app()
			if err != nil {
				return err
			}
			cs, err := core.Conflicts(ctxOf(cmd))
			if err != nil {
				return err
			}
			if asJSON {
				type version struct {
					Version string        `json:"version"`
					Device  string        `json:"device"`
					Entry   journal.Entry `json:"entry"`
				}
				type conflict struct {
					ID     int64     `json:"id"`
					UID    string    `json:"uid"`
					Shown  version   `json:"shown"`
					Others []version `json:"others"`
				}
				out := []conflict{}
				for _, c := range cs {
					cj := conflict{ID: c.ID, UID: c.UID, Shown: version{c.Shown.ID, c.Shown.Device, c.Entries[c.Shown.ID]}}
					for _, o := range c.Others {
						cj.Others = append(cj.Others, version{o.ID, o.Device, c.Entries[o.ID]})
					}
					out = append(out, cj)
				}
				return a.printJSON(out)
			}
			if len(cs) == 0 {
				fmt.Fprintln(a.out, "No conflicts: every entry has one version.")
				return nil
			}
			keep := "shown|other"
			for _, c := range cs {
				fmt.Fprintf(a.out, "%d  %s\n", c.ID, termtext.Line(c.Entries[c.Shown.ID].Title))
				a.printVersion("shown", c.Shown.ID, c.Shown.Device == c.Here, c.Entries[c.Shown.ID])
				for i, o := range c.Others {
					label := "other"
					if i > 0 {
						label, keep = "     ", "shown|other|VERSION"
					}
					a.printVersion(label, o.ID, o.Device == c.Here, c.Entries[o.ID])
				}
			}
			fmt.Fprintf(a.out, "failup sync resolve ID --keep %s keeps one;\nfailup show ID prints the version shown now in full.\n", keep)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the conflicts, each version's entry whole, as JSON")
	return cmd
}

// printVersion writes a version of an entry: its id, when and on which
// device it was edited, and under them its title.
func (a *env) printVersion(label, id string, here bool, e journal.Entry) {
	device := "another device"
	if here {
		device = "this device"
	}
	fmt.Fprintf(a.out, "    %s  %s  edited %s on %s\n", label, id, e.UpdatedAt.Local().Format("2006-01-02 15:04"), device)
	fmt.Fprintf(a.out, "    %s    %s\n", strings.Repeat(" ", len(label)), termtext.Line(e.Title))
}

func (a *env) syncResolveCmd() *cobra.Command {
	var keep string
	cmd := &cobra.Command{
		Use:   "resolve ID --keep shown|other|VERSION",
		Short: "End an entry's conflict by keeping one of its versions",
		Long: "shown is the version the journal shows now, whichever device wrote it; other\n" +
			"is the newest of the others. A version id from failup sync conflicts keeps\n" +
			"that one. The others are let go on every device at their next sync.",
		Args: exactArgs(1, "the ID of the entry in conflict"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			if keep == "" {
				return usagef("say which version to keep: --keep shown, --keep other, or a version from failup sync conflicts")
			}
			core, err := a.app()
			if err != nil {
				return err
			}
			cs, err := core.Conflicts(ctxOf(cmd))
			if err != nil {
				return err
			}
			for _, c := range cs {
				if c.ID != id {
					continue
				}
				version := keep
				switch keep {
				case "shown":
					version = c.Shown.ID
				case "other":
					version = c.Others[0].ID
				}
				if _, ok := c.Entries[version]; !ok {
					return usagef("%q is not one of entry %d's versions: use shown, other, or one that failup sync conflicts lists", keep, id)
				}
				if err := core.ResolveConflict(ctxOf(cmd), c.UID, version); err != nil {
					return err
				}
				fmt.Fprintf(a.out, "Kept version %s of entry %d; the next sync tells your other devices.\n", version, id)
				return nil
			}
			return fmt.Errorf("entry %d has no conflict; failup sync conflicts lists those that do", id)
		},
	}
	cmd.Flags().StringVar(&keep, "keep", "", "shown, other, or a version id")
	return cmd
}

func (a *env) syncKeyCmd() *cobra.Command {
	var output string
	cmd := &cobra.Command{
		Use:   "key -o FILE",
		Short: "Make a new age key for encrypting what sync writes",
		Long: "Writes a new age key (readable only by you) to FILE and prints its public half.\n" +
			"Copy the file to each of your devices, by a way you trust, and sync with\n" +
			"--key FILE, or set sync_key in config.toml. Without it, no one can read what\n" +
			"sync wrote: keep a copy somewhere safe.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if output == "" {
				return usagef("sync key needs a file to write the key to: failup sync key -o FILE")
			}
			if _, err := os.Stat(output); err == nil {
				return fmt.Errorf("%s already exists; a key is never written over, since what it encrypted needs it", output)
			}
			id, err := age.GenerateX25519Identity()
			if err != nil {
				return err
			}
			err = atomicfile.Write(output, 0o600, func(w io.Writer) error {
				_, err := fmt.Fprintf(w, "# failup sync key; public key: %s\n%s\n", id.Recipient(), id)
				return err
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(a.out, "Wrote a new key to %s; its public key is %s.\n", output, id.Recipient())
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "the file to write the key to")
	return cmd
}

// syncAfterSave syncs, when the settings ask for it, after a command that
// changed the journal; a failure is a warning, since what was saved is safe.
func (a *env) syncAfterSave(ctx context.Context) {
	if !a.cfg.SyncAfterSave || a.cfg.SyncDir == "" || a.store == nil {
		return
	}
	if due, err := a.store.SyncDue(ctx); err != nil || !due {
		return
	}
	opt, err := a.syncOptions(a.cfg.SyncKey)
	if err == nil {
		_, err = foldersync.Sync(ctx, a.store, a.cfg.SyncDir, opt)
	}
	if err != nil {
		fmt.Fprintln(a.errOut, "failup: saved, but the sync after saving failed: "+sentence(termtext.Line(strings.TrimSpace(err.Error()))))
	}
}
