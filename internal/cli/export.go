package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/termtext"
)

func (a *env) exportCmd() *cobra.Command {
	var ff filterFlags
	var format, output string
	var lessonsOnly, perEntry, force bool
	var seal sealFlags
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write your entries or lessons as Markdown, or everything as JSON",
		Long: "Markdown by default: every entry, or with --lessons-only a printable page of\n" +
			"the lessons you have drawn. --format json writes the failup.v1 document that\n" +
			"failup import reads. Output goes to stdout unless -o names a file, which is\n" +
			"written whole or not at all. --per-entry -o DIR/ writes one Markdown file per\n" +
			"entry, with front matter, for note-taking apps.",
		Example: "  failup export --lessons-only -o lessons.md\n  failup export --format json -o backup.json\n" +
			"  failup export --since 2026-01-01 --tag work\n  failup export --per-entry -o ~/notes/failup/",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := app.ParseFilter(ff.input(), a.today(), a.order())
			if err != nil {
				return err
			}
			// "markdown" is md: the home menu says "Export to Markdown".
			if strings.EqualFold(format, "markdown") {
				format = app.Markdown
			}
			req := app.ExportRequest{Filter: f, Format: format, LessonsOnly: lessonsOnly}
			if err := req.Check(); err != nil {
				return err
			}
			if req.Seal, err = a.exportSealer(&seal, output, perEntry); err != nil {
				return err
			}
			c, err := a.app()
			if err != nil {
				return err
			}
			return a.export(cmd, c, req, output, perEntry, force)
		},
	}
	ff.register(cmd)
	cmd.Flags().StringVar(&format, "format", "md", "md (or markdown) or json")
	cmd.Flags().BoolVar(&lessonsOnly, "lessons-only", false, "only the lessons, grouped, as a page to print")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file (or folder, with --per-entry) instead of stdout")
	cmd.Flags().BoolVar(&perEntry, "per-entry", false, "one Markdown file per entry, into the folder given with -o")
	cmd.Flags().BoolVar(&force, "force", false, "replace the file given with -o if it exists")
	seal.register(a, cmd)
	return cmd
}

// export writes what req asks for to stdout, the file output, or with
// perEntry one file per entry into the folder output.
func (a *env) export(cmd *cobra.Command, c *app.Core, req app.ExportRequest, output string, perEntry, force bool) error {
	ctx := ctxOf(cmd)
	switch {
	case perEntry && (output == "" || req.Format != app.Markdown):
		return usagef("--per-entry writes Markdown files into the folder given with -o")
	case perEntry:
		n, err := c.ExportPerEntry(ctx, output, req.Filter)
		if errors.Is(err, app.ErrNoEntries) {
			return noEntries("nothing was written to " + output)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(a.errOut, "Wrote %s to %s.\n", termtext.Count(n, "file", "files"), termtext.Line(output))
		return nil
	case output == "" || output == "-":
		_, err := c.WriteExport(ctx, a.out, req)
		return err
	case strings.HasSuffix(output, string(filepath.Separator)):
		return fmt.Errorf("%s is a folder; give a file name to write to, or add --per-entry", termtext.Line(output))
	}
	n, err := c.ExportFile(ctx, output, force, req)
	if errors.Is(err, app.ErrNoEntries) {
		return noEntries(output + " was not written")
	}
	if errors.Is(err, app.ErrNoLessons) {
		where := "in the journal"
		if req.Filter.Narrows() {
			where = "in the entries chosen"
		}
		return fmt.Errorf("there are no lessons %s yet, so %s was not written; each reflection can end with one sentence to remember", where, termtext.Line(output))
	}
	if err != nil {
		return err
	}
	wrote := termtext.Count(n, "entry", "entries")
	if req.LessonsOnly {
		lessons, err := c.LessonCount(ctx, req.Filter)
		if err != nil {
			return err
		}
		wrote = termtext.Count(lessons, "lesson", "lessons") + " from " + wrote
	}
	fmt.Fprintf(a.errOut, "Wrote %s to %s.\n", wrote, termtext.Line(output))
	return nil
}

// noEntries says filters chose no entry, so nothing was written.
func noEntries(written string) error {
	return fmt.Errorf("no entry matches the filters given, so %s; failup list takes the same filters to try them", termtext.Line(written))
}

// exportSealer is how an export is encrypted, nil when it is not.
func (a *env) exportSealer(seal *sealFlags, output string, perEntry bool) (app.Seal, error) {
	switch {
	case !seal.wanted():
		return nil, nil
	case perEntry:
		return nil, usagef("--per-entry writes plain Markdown files for note-taking apps, and cannot encrypt them")
	case (output == "" || output == "-") && isTerminal(a.out):
		return nil, usagef("an age file is not for the terminal; write it to a file with -o FILE")
	}
	return a.sealer(seal)
}
