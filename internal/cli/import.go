package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/importer"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

func (a *env) importCmd() *cobra.Command {
	var asJSON, dryRun bool
	var from string
	var key openFlags
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Add the entries of another journal: jrnl, Day One, Markdown notes, or a failup export",
		Long: "Reads a jrnl journal (its text file, its jrnl.yaml config with every journal it names,\n" +
			"or jrnl --format json), a Day One JSON export (the .zip or its JSON), a folder of\n" +
			"Markdown notes (as failup export --per-entry writes them, or an Obsidian vault), or\n" +
			"the document failup export --format json writes (- reads it from stdin). --from names\n" +
			"the kind; without it, failup tells from the file.\n\n" +
			"Text written elsewhere is kept whole as the answer \"What I wrote in …\", in an entry\n" +
			"tagged imported; answer the four questions later with failup edit.\n\n" +
			"It is all or nothing: one bad entry and nothing is added. Entries already in the\n" +
			"journal are skipped, so importing the same file twice adds nothing new. --dry-run\n" +
			"shows what would be added and changes nothing.\n\n" +
			"An age file (failup export --encrypt) is decrypted whole, with --identity KEY or\n" +
			"the passphrase, and checked before anything is added.",
		Example: "  failup import ~/.config/jrnl/jrnl.yaml --dry-run\n" +
			"  failup import --from dayone 'Export - Journal.zip'\n" +
			"  failup import ~/notes/setbacks\n" +
			"  failup export --format json --db old.db | failup import -",
		Args: exactArgs(1, "a file to import (- for stdin)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if isJournalFile(args[0]) {
				return fmt.Errorf("%s is a journal, not an export: open it with failup --db %s, or turn a backup back into a journal with failup restore", termtext.Line(args[0]), termtext.Line(args[0]))
			}
			plain, err := a.unsealedFile(args[0], &key)
			if err != nil {
				return err
			}
			format := importer.Failup // the only kind failup encrypts
			if plain == nil {
				if format, err = a.importFormat(from, args[0]); err != nil {
					return err
				}
			}
			if format == importer.Failup && !dryRun {
				r, closeInput, err := a.openImport(args[0], plain)
				if err != nil {
					return err
				}
				defer closeInput()
				return a.importFailup(cmd, r, args[0], asJSON)
			}
			res, err := a.readImport(format, args[0], plain)
			if err != nil {
				return err
			}
			if dryRun {
				return a.previewImport(cmd, args[0], res, asJSON)
			}
			c, err := a.app()
			if err != nil {
				return err
			}
			added, skipped, err := c.Add(ctxOf(cmd), res.Entries)
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(importReport{Added: added, Skipped: skipped, Left: nonNil(res.Left)})
			}
			fmt.Fprintf(a.out, "Added %s; skipped %d already in the journal.\n", termtext.Count(added, "entry", "entries"), skipped)
			printLeft(a.out, res.Left)
			return nil
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the kind of file: jrnl, dayone, markdown or failup (default: told from the file)")
	cmd.Flags().BoolVarP(&dryRun, "dry-run", "n", false, "show what would be imported, and import nothing")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"added": N, "skipped": N, "left": [...]}, or with --dry-run the preview`)
	key.register(cmd)
	return cmd
}

type importReport struct {
	Added   int      `json:"added"`
	Skipped int      `json:"skipped"`
	Left    []string `json:"left"`
	// Corrections to the patterns, which only a failup export holds.
	CorrectionsAdded   int `json:"corrections_added"`
	CorrectionsSkipped int `json:"corrections_skipped"`
}

func (a *env) importFormat(from, file string) (importer.Format, error) {
	if from != "" {
		format, err := importer.ParseFormat(from)
		if err != nil {
			return "", usageError{err}
		}
		if file == "-" && format != importer.Failup {
			return "", usagef("only a failup export can be read from stdin; give the %s file's name", format)
		}
		return format, nil
	}
	if file == "-" {
		return importer.Failup, nil
	}
	return importer.Detect(file)
}

// readImport reads a whole file of any format into entries, checked; plain,
// when not nil, is what the age file decrypted to.
func (a *env) readImport(format importer.Format, file string, plain io.Reader) (importer.Result, error) {
	// Prompt sets, not the journal: a dry run must not create one.
	lib, err := prompt.Load(userPrompts())
	if err != nil {
		return importer.Result{}, err
	}
	opts := importer.Options{Now: a.now(), Questions: lib.Question, Sets: lib.Sets()}
	if format != importer.Failup {
		res, err := importer.Read(format, file, opts)
		if err != nil {
			return importer.Result{}, fmt.Errorf("%w; nothing was imported", err)
		}
		return res, nil
	}
	r, closeInput, err := a.openImport(file, plain)
	if err != nil {
		return importer.Result{}, err
	}
	defer closeInput()
	res := importer.Result{Format: importer.Failup}
	var rest journal.Document
	for e, err := range failupEntries(r, &rest, file, opts) {
		if err != nil {
			return importer.Result{}, err
		}
		res.Entries = append(res.Entries, e)
	}
	res.Corrections = rest.PatternCorrections
	return res, nil
}

// failupEntries reads a failup.v1 document an entry at a time, each checked
// as it is read, and its other parts into rest.
func failupEntries(r io.Reader, rest *journal.Document, file string, opts importer.Options) func(yield func(journal.Entry, error) bool) {
	return func(yield func(journal.Entry, error) bool) {
		i := 0
		for e, err := range journal.DocumentParts(r, rest) {
			i++
			if err == nil {
				e.ID = 0
				// Named as the file gives it, before it is completed.
				name := journal.EntryName(i, string(e.OccurredOn), e.Title)
				if err = e.Complete(opts.Now, opts.Questions); err != nil {
					err = fmt.Errorf("%s: %w", name, err)
				}
			}
			if err != nil {
				yield(journal.Entry{}, fmt.Errorf("%s: %w; nothing was imported", inputName(file), err))
				return
			}
			if !yield(e, nil) {
				return
			}
		}
	}
}

// importFailup imports a failup export as it is read, so that one of any
// size takes little memory.
func (a *env) importFailup(cmd *cobra.Command, r io.Reader, file string, asJSON bool) error {
	c, err := a.app()
	if err != nil {
		return err
	}
	n, err := c.Import(ctxOf(cmd), r, inputName(file))
	if err != nil {
		return err
	}
	if asJSON {
		return a.printJSON(importReport{Added: n.Added, Skipped: n.Skipped, Left: []string{},
			CorrectionsAdded: n.CorrectionsAdded, CorrectionsSkipped: n.CorrectionsSkipped})
	}
	fmt.Fprintf(a.out, "Added %s; skipped %d already in the journal.\n", termtext.Count(n.Added, "entry", "entries"), n.Skipped)
	if n.CorrectionsAdded+n.CorrectionsSkipped > 0 {
		fmt.Fprintf(a.out, "Added %s to your patterns; skipped %d already kept.\n",
			termtext.Count(n.CorrectionsAdded, "correction", "corrections"), n.CorrectionsSkipped)
	}
	return nil
}

func printLeft(w io.Writer, left []string) {
	if len(left) == 0 {
		return
	}
	fmt.Fprintln(w, "failup keeps text only; left out:")
	for _, l := range left {
		fmt.Fprintln(w, "  "+l)
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// isJournalFile reports whether path is a failup journal, or a plain backup
// of one: what failup restore or --db take, not an export to import.
func isJournalFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, store.HeaderSize)
	n, _ := io.ReadFull(f, head)
	return store.IsJournalHeader(head[:n])
}
