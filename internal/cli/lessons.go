package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/insight"
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
			"there is no lesson, grouped under the recurring patterns they belong to.",
		Example: "  failup lessons\n  failup lessons --since 2026-01-01 --md > lessons.md\n  failup lessons --tag work --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, f, err := a.filtered(ff)
			if err != nil {
				return err
			}
			l, err := c.Lessons(ctxOf(cmd), f)
			if err != nil {
				return err
			}
			switch {
			case asJSON:
				return a.printJSON(insight.Lessons(l.Entries))
			case asMarkdown:
				return export.Lessons(a.out, l.Groups, export.Options{Since: f.Since, Until: f.Until, Now: a.now()})
			}
			a.writeLessons(a.out, l.Groups)
			return nil
		},
	}
	ff.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON list of lessons, newest first")
	cmd.Flags().BoolVar(&asMarkdown, "md", false, "print the lessons as a Markdown page")
	a.exclusive(cmd, "json", "md")
	return cmd
}

func (a *env) writeLessons(w io.Writer, groups []export.Group) {
	written := false
	for _, g := range groups {
		first := true
		for _, e := range g.Entries {
			text := termtext.Clean(e.LessonOrDifferently())
			if text == "" {
				continue
			}
			if first {
				if written {
					fmt.Fprintln(w)
				}
				if g.Label != "" {
					fmt.Fprintln(w, termtext.Line(g.Label))
				}
				first = false
			}
			fmt.Fprintf(w, "  %s  %s%s\n", a.day(e.OccurredOn), termtext.Line(e.Title), tagSuffix(e))
			writeIndented(w, text, "      ")
			written = true
		}
	}
	if !written {
		fmt.Fprintln(w, "No lessons yet. Each reflection can end with one sentence to remember; they gather here.")
	}
}

func tagSuffix(e journal.Entry) string {
	if len(e.Tags) == 0 {
		return ""
	}
	return "  (" + termtext.Line(strings.Join(e.Tags, ", ")) + ")"
}
