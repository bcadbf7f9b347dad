package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/snapshot"
	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

// doctorReport is what doctor --json prints.
type doctorReport struct {
	Journal       string              `json:"journal"`
	Entries       int                 `json:"entries"`
	SchemaVersion int                 `json:"schema_version"`
	Checks        []finding           `json:"checks"`
	Drafts        []store.DraftInfo   `json:"drafts"`
	Snapshots     []snapshot.Snapshot `json:"snapshots"`
	Problems      int                 `json:"problems"`
}

// finding is one thing doctor looked at: what it found and, when something
// is wrong, how to put it right.
type finding struct {
	Check string `json:"check"`
	OK    bool   `json:"ok"`
	Found string `json:"found"`
	Fix   string `json:"fix,omitempty"`
}

// rescue is the way out of a damaged journal: copy what can be read into a
// new one.
const rescue = "copy every entry that can still be read into a new journal, leaving this one as it is: " +
	"failup doctor --rescue -o rescued.db"

func (a *env) doctorCmd() *cobra.Command {
	var asJSON, rescueTo bool
	var output string
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check the journal's health and privacy, and say what was found",
		Long: "Checks that the journal file is sound (SQLite's integrity and foreign-key\n" +
			"checks), that the search index matches the entries, the schema version, that\n" +
			"the file and its folder are private (0600 and 0700), where sync stands, and\n" +
			"lists unfinished drafts and the journal's daily snapshots. It changes no\n" +
			"entry: like every command, it only makes failup's own files private again\n" +
			"and clears copies a killed failup left behind. It says how to fix what it\n" +
			"finds (and where a snapshot is, when the journal cannot be read), and exits\n" +
			"1 when something is wrong. --rescue -o NEW.db\n" +
			"copies every entry that can still be read from a damaged journal into a new\n" +
			"one, and says how many.",
		Example: "  failup doctor\n  failup doctor --json\n  failup doctor --rescue -o rescued.db",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if rescueTo {
				return a.rescue(cmd, output)
			}
			s, err := a.journal()
			if err != nil {
				return err
			}
			h, checkErr := s.Check(ctxOf(cmd))
			var findings []finding
			if checkErr != nil {
				findings = append(findings, finding{"integrity", false, "the journal cannot be read through: " + checkErr.Error(), rescue})
			} else {
				findings = healthFindings(h)
			}
			findings = append(findings, permissionFindings(s.Path())...)
			findings = append(findings, syncFindings(ctxOf(cmd), s)...)
			id, _ := s.Identity(ctxOf(cmd))
			snaps := a.snapshots(id, s.Path())
			findings = append(findings, a.snapshotFinding(snaps))
			problems := 0
			for _, f := range findings {
				if !f.OK {
					problems++
				}
			}
			if asJSON {
				report := doctorReport{s.Path(), h.Entries, h.SchemaVersion, findings, h.Drafts, snaps, problems}
				if report.Drafts == nil {
					report.Drafts = []store.DraftInfo{}
				}
				if report.Snapshots == nil {
					report.Snapshots = []snapshot.Snapshot{}
				}
				if err := a.printJSON(report); err != nil {
					return err
				}
			} else {
				a.writeFindings(s.Path(), h, findings)
				a.writeSnapshots(snaps)
			}
			if problems > 0 {
				return fmt.Errorf("found %s", termtext.Count(problems, "problem", "problems"))
			}
			if !asJSON {
				fmt.Fprintln(a.out, "\nEverything looks right.")
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print what was found as JSON")
	cmd.Flags().BoolVar(&rescueTo, "rescue", false, "copy every entry that can still be read into a new journal given with -o")
	cmd.Flags().StringVarP(&output, "output", "o", "", "the new journal --rescue writes")
	return cmd
}

func (a *env) writeFindings(path string, h store.Health, findings []finding) {
	fmt.Fprintf(a.out, "Checked %s: %s.\n\n", termtext.Line(path), termtext.Count(h.Entries, "entry", "entries"))
	for _, f := range findings {
		status := "ok     "
		if !f.OK {
			status = "PROBLEM"
		}
		a.writeFinding(status, fmt.Sprintf("%s: %s", f.Check, f.Found))
		if f.Fix != "" {
			a.writeFinding("       ", "to fix: "+f.Fix)
		}
	}
	for _, d := range h.Drafts {
		saved := d.SavedAt.Local().Format("2006-01-02 15:04")
		if id, ok := journal.EditedEntry(d.Key); ok {
			a.writeFinding("note   ", fmt.Sprintf("draft: an unfinished edit of entry %d, saved %s; failup edit %d offers it back", id, saved, id))
			continue
		}
		if id, ok := strings.CutPrefix(d.Key, "checkin:"); ok {
			a.writeFinding("note   ", fmt.Sprintf("draft: an unfinished check-in on entry %s, saved %s; failup checkin %s offers it back", id, saved, id))
			continue
		}
		title := termtext.Line(d.Title)
		if title == "" {
			title = "untitled"
		}
		a.writeFinding("note   ", fmt.Sprintf("draft: an unfinished reflection “%s”, saved %s; failup new offers it back", title, saved))
	}
}

// writeFinding prints one line of doctor's report after its status,
// wrapped to the terminal under where the text begins.
func (a *env) writeFinding(status, text string) {
	fmt.Fprintln(a.out, termtext.Hang(text, a.termWidth(), "  "+status+"  "))
}

// writeSnapshots names the folder the snapshots are in, on a line of its
// own, and then each snapshot by its file's name: the folder's name is long
// (the journal's identity and a hash of its path), and said once it fits on
// an 80-column line whole.
func (a *env) writeSnapshots(snaps []snapshot.Snapshot) {
	if len(snaps) == 0 {
		return
	}
	a.writeFinding("note   ", "the snapshots are in")
	a.writePath(filepath.Dir(snaps[0].Path))
	for _, snap := range snaps {
		a.writeFinding("note   ", fmt.Sprintf("snapshot of %s: %s", snap.Day, termtext.Line(filepath.Base(snap.Path))))
	}
}

// writePath prints a path on a line of its own, with the home folder as ~,
// under the text of the finding above when it fits there, else as far left
// as it must be to fit, so that a terminal never breaks it.
func (a *env) writePath(path string) {
	path = termtext.Line(a.tilde(path))
	width := a.termWidth()
	indent := strings.Repeat(" ", len("  note     "))
	for _, room := range []string{indent, "  ", ""} {
		indent = room
		if width <= 0 || len(indent)+ansi.StringWidth(path) <= width {
			break
		}
	}
	fmt.Fprintln(a.out, indent+path)
}

// tilde is path with the home folder written ~, as shells write it and read
// it back: shorter, so that it fits on a line.
func (a *env) tilde(path string) string {
	home := a.getenv("HOME")
	if home == "" || !filepath.IsAbs(home) || !filepath.IsAbs(path) {
		return path
	}
	rel, err := filepath.Rel(home, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return filepath.Join("~", rel)
}

// healthFindings turns what the store found into findings.
func healthFindings(h store.Health) []finding {
	integrity := finding{"integrity", true, "SQLite finds the file sound", ""}
	if len(h.Integrity) > 0 {
		integrity = finding{"integrity", false, "SQLite reports damage: " + strings.Join(h.Integrity, "; "), rescue}
	}
	links := finding{"links", true, "every answer, tag, skill and follow-up belongs to an entry", ""}
	if len(h.Orphans) > 0 {
		tables := make([]string, 0, len(h.Orphans))
		for table, n := range h.Orphans {
			tables = append(tables, fmt.Sprintf("%d in %s", n, table))
		}
		sort.Strings(tables)
		links = finding{"links", false, "rows belong to entries that are gone: " + strings.Join(tables, ", "), rescue}
	}
	index := finding{"search index", true, "matches the " + termtext.Count(h.Entries, "entry", "entries"), ""}
	switch {
	case h.IndexError != "":
		index = finding{"search index", false, "is damaged: " + h.IndexError, rescue}
	case h.Unindexed > 0 || h.Stale > 0:
		index = finding{"search index", false, fmt.Sprintf("is out of step: %s missing from it, %d rows for entries that are gone",
			termtext.Count(h.Unindexed, "entry", "entries"), h.Stale), rescue}
	}
	schema := finding{"schema", true, fmt.Sprintf("version %d, the newest this failup knows", h.SchemaVersion), ""}
	if h.SchemaVersion != h.Known {
		schema = finding{"schema", false, fmt.Sprintf("version %d, but this failup knows version %d", h.SchemaVersion, h.Known),
			"run failup with the version that wrote this journal, or a newer one"}
	}
	leftovers := finding{"temporary copies", true, "none left behind", ""}
	if len(h.Leftovers) > 0 {
		names := make([]string, len(h.Leftovers))
		for i, name := range h.Leftovers {
			names[i] = termtext.Line(name)
		}
		leftovers.Found = fmt.Sprintf("removed %s (of the journal, or of an answer open in an editor) left by a failup stopped mid-way: %s",
			termtext.Count(len(names), "copy", "copies"), strings.Join(names, ", "))
	}
	return []finding{integrity, links, index, schema, leftovers}
}

// permissionFindings checks that the journal can be read only by its owner
// (SQLite gives its -wal and -shm files the same mode), and that failup's own
// folder is entered only by its owner. A folder the person chose with --db is
// theirs to share.
func permissionFindings(path string) []finding {
	checks := []struct {
		check, path, private, fix string
	}{
		{"file", path, "readable only by you", "chmod 600 " + shellQuote(path)},
	}
	if dir := filepath.Dir(path); filepath.Base(dir) == "failup" {
		checks = append(checks, struct{ check, path, private, fix string }{
			"folder", dir, "yours alone", "chmod 700 " + shellQuote(dir)})
	}
	var found []finding
	for _, c := range checks {
		info, err := os.Stat(c.path)
		switch {
		case err != nil:
			found = append(found, finding{c.check, false, c.path + " cannot be checked: " + app.PathProblem(err).Error(), ""})
		case info.Mode().Perm()&0o077 != 0:
			found = append(found, finding{c.check, false, fmt.Sprintf("%s is open to others (%04o)", c.path, info.Mode().Perm()), c.fix})
		default:
			found = append(found, finding{c.check, true, fmt.Sprintf("%s is %s (%04o)", c.path, c.private, info.Mode().Perm()), ""})
		}
	}
	return found
}

// shellQuote quotes a path for a command line when it needs quoting.
func shellQuote(path string) string {
	plain := func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("/._-+,:@%", r)
	}
	if strings.ContainsFunc(path, func(r rune) bool { return !plain(r) }) {
		return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
	}
	return path
}

// rescue copies what can be read of a damaged journal into a new one. It
// never opens the damaged journal as a journal, which would refuse it.
func (a *env) rescue(cmd *cobra.Command, output string) error {
	if output == "" {
		return usagef("--rescue needs a new file to write to: failup doctor --rescue -o rescued.db")
	}
	r, err := store.Rescue(ctxOf(cmd), a.dbPath(), output)
	if err != nil {
		return a.withSnapshotHint(err, a.dbPath())
	}
	msg := fmt.Sprintf("Rescued %s into %s", termtext.Count(r.Entries+r.Partial, "entry", "entries"), termtext.Line(output))
	if r.Partial > 0 {
		msg += fmt.Sprintf(" (%d without some of their answers, tags or follow-ups, which could not be read)", r.Partial)
	}
	if r.Lost > 0 {
		msg += fmt.Sprintf("; %s could not be read", termtext.Count(r.Lost, "entry", "entries"))
	}
	fmt.Fprintf(a.out, "%s.\nThe damaged journal was left as it was; open the rescued one with failup --db %s.\n", msg, termtext.Line(output))
	if snaps := a.snapshots("", a.dbPath()); len(snaps) > 0 {
		fmt.Fprintf(a.out, "What the rescue could not read may be in the snapshot of %s: failup restore %s -o snapshot.db writes it as a journal to compare.\n",
			snaps[0].Day, termtext.Line(shellQuote(snaps[0].Path)))
	}
	return nil
}

// snapshotFinding says which snapshots of the journal are kept.
func (a *env) snapshotFinding(snaps []snapshot.Snapshot) finding {
	switch {
	case a.snapshotRoot() == "":
		return finding{"snapshots", true, "none are taken: the settings turn them off (snapshots = 0)", ""}
	case len(snaps) == 0:
		return finding{"snapshots", true, "none yet; one is taken the first time the journal changes each day", ""}
	}
	return finding{"snapshots", true, fmt.Sprintf("%s kept, the newest of %s",
		termtext.Count(len(snaps), "daily snapshot", "daily snapshots"), snaps[0].Day), ""}
}

// withSnapshotHint adds to the error of a journal that cannot be opened or
// rescued where its newest snapshot is and how to restore it.
func (a *env) withSnapshotHint(err error, path string) error {
	snaps := a.snapshots("", path)
	if len(snaps) == 0 || store.IsBusy(err) {
		return err
	}
	return fmt.Errorf("%w; its snapshot of %s is kept: failup restore %s -o restored.db writes it as a journal",
		err, snaps[0].Day, shellQuote(snaps[0].Path))
}
