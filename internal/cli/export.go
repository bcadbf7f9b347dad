package cli

import (
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/atomicfile"
	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

func (a *app) exportCmd() *cobra.Command {
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
			f, err := ff.filter()
			if err != nil {
				return err
			}
			if format != "md" && format != "json" {
				return usagef("--format is md or json, not %q", format)
			}
			if perEntry && (output == "" || format != "md") {
				return usagef("--per-entry writes Markdown files into the folder given with -o")
			}
			if perEntry && seal.wanted() {
				return usagef("--per-entry writes plain Markdown files for note-taking apps, and cannot encrypt them")
			}
			s, err := a.journal()
			if err != nil {
				return err
			}
			ctx := ctxOf(cmd)
			if perEntry {
				entries, err := s.List(ctx, f)
				if err != nil {
					return err
				}
				if err := export.PerEntry(output, entries); err != nil {
					return err
				}
				fmt.Fprintf(a.errOut, "Wrote %s to %s.\n", plural(len(entries), "file", "files"), termtext.Line(output))
				return nil
			}
			opt := export.Options{Since: f.Since, Until: f.Until, Now: a.now()}
			written := 0
			write := func(w io.Writer) error {
				if format == "json" && !lessonsOnly {
					// Streamed: encoding goes on while the store reads ahead.
					return export.JSON(w, counting(s.Entries(ctx, f), &written), a.now())
				}
				if !lessonsOnly {
					// Streamed too: a whole journal is never held in memory.
					x, err := s.Extent(ctx, f)
					if err != nil {
						return err
					}
					return export.FullStream(w, export.About(x), counting(s.Entries(ctx, f), &written), opt)
				}
				entries, err := s.List(ctx, f)
				if err != nil {
					return err
				}
				written = len(entries)
				if format == "json" {
					enc := termtext.NewJSONEncoder(w)
					enc.SetIndent("", "  ")
					return enc.Encode(insight.Lessons(entries))
				}
				report, err := a.report(cmd, f, entries)
				if err != nil {
					return err
				}
				return export.Lessons(w, export.ByTheme(entries, report), opt)
			}
			if seal.wanted() {
				if (output == "" || output == "-") && isTerminal(a.out) {
					return usagef("an age file is not for the terminal; write it to a file with -o FILE")
				}
				rs, err := a.recipients(&seal)
				if err != nil {
					return err
				}
				write = sealed(write, rs)
			}
			if output == "" || output == "-" {
				return write(a.out)
			}
			if strings.HasSuffix(output, string(filepath.Separator)) {
				return fmt.Errorf("%s is a folder; give a file name to write to, or add --per-entry", output)
			}
			if info, err := os.Stat(output); err == nil && !info.IsDir() && !force {
				return fmt.Errorf("%s already exists; add --force to replace it", output)
			}
			if err := atomicfile.Write(output, 0o600, write); err != nil {
				return err
			}
			fmt.Fprintf(a.errOut, "Wrote %s to %s.\n", plural(written, "entry", "entries"), termtext.Line(output))
			return nil
		},
	}
	ff.register(cmd)
	cmd.Flags().StringVar(&format, "format", "md", "md or json")
	cmd.Flags().BoolVar(&lessonsOnly, "lessons-only", false, "only the lessons, grouped, as a page to print")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file (or folder, with --per-entry) instead of stdout")
	cmd.Flags().BoolVar(&perEntry, "per-entry", false, "one Markdown file per entry, into the folder given with -o")
	cmd.Flags().BoolVar(&force, "force", false, "replace the file given with -o if it exists")
	seal.register(cmd)
	return cmd
}

// counting passes entries through, counting them into n.
func counting(entries iter.Seq2[journal.Entry, error], n *int) iter.Seq2[journal.Entry, error] {
	return func(yield func(journal.Entry, error) bool) {
		for e, err := range entries {
			if err == nil {
				*n++
			}
			if !yield(e, err) {
				return
			}
		}
	}
}
