package cli

import (
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

func (a *env) lessonsCmd() *cobra.Command {
	var ff filterFlags
	var asJSON, asMarkdown bool
	cmd := &cobra.Command{
		Use:   "lessons",
		Short: "The lessons you have drawn, grouped by what keeps coming back",
		Long: "Each entry's lesson, or its answer to \"what should I do differently\" where\n" +
			"there is no lesson, grouped under the recurring patterns its entry shows (two at\n" +
			"most), or else the one whose lessons it reads most like.",
		Example: "  failup lessons\n  failup lessons --since 2026-01-01 --md > lessons.md\n  failup lessons --tag work --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, f, err := a.filtered(ff)
			if err != nil {
				return err
			}
			ctx := ctxOf(cmd)
			if asJSON {
				return c.WriteLessonList(ctx, a.out, f)
			}
			plan, err := c.Lessons(ctx, f)
			if err != nil {
				return err
			}
			read := func(ids []int64) iter.Seq2[journal.Entry, error] { return c.EntriesByID(ctx, ids) }
			if asMarkdown {
				return export.LessonsFrom(a.out, plan, read, export.Options{Since: f.Since, Until: f.Until, Now: a.now()})
			}
			return a.writeLessons(a.out, plan, read, f.Narrows())
		},
	}
	ff.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON list of lessons, newest first")
	cmd.Flags().BoolVar(&asMarkdown, "md", false, "print the lessons as a Markdown page")
	a.exclusive(cmd, "json", "md")
	return cmd
}

// writeLessons prints the lessons plan lays out, reading each group's
// entries with read as they are printed, wrapped to the terminal's width.
func (a *env) writeLessons(w io.Writer, plan app.LessonPlan, read func(ids []int64) iter.Seq2[journal.Entry, error], filtered bool) error {
	width := a.termWidth()
	written := false
	for _, g := range plan.Groups {
		first := true
		for e, err := range read(g.IDs) {
			if err != nil {
				return err
			}
			text := termtext.Clean(e.LessonOrDifferently())
			if text == "" {
				continue
			}
			if first {
				if written {
					fmt.Fprintln(w)
				}
				if g.Heading != "" {
					fmt.Fprintln(w, termtext.Wrap(termtext.Line(g.Heading), width, "", ""))
				}
				first = false
			}
			day := "  " + a.day(e.OccurredOn) + "  "
			fmt.Fprintln(w, termtext.Hang(termtext.Line(e.Title)+tagSuffix(e), width, day))
			fmt.Fprintln(w, termtext.Wrap(strings.TrimSpace(text), width, "      ", "      "))
			written = true
		}
	}
	switch {
	case !written && filtered:
		fmt.Fprintln(w, "No lessons in the entries these filters keep; failup list takes the same filters to try them.")
	case !written:
		fmt.Fprintln(w, "No lessons yet. Each reflection can end with one sentence to remember; they gather here.")
	}
	return nil
}

func tagSuffix(e journal.Entry) string {
	if len(e.Tags) == 0 {
		return ""
	}
	return "  (" + termtext.Line(strings.Join(e.Tags, ", ")) + ")"
}
