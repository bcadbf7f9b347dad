package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

func (a *app) searchCmd() *cobra.Command {
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find entries by their words, best match first",
		Long: "Searches titles, answers and lessons. Words must all appear (in any form:\n" +
			"\"deadlines\" finds \"deadline\"); \"quoted words\" must appear together.",
		Example: "  failup search deadline\n  failup search '\"said yes\" project' --limit 5",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("search needs something to look for, like failup search deadline")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if limit < 0 {
				return usagef("--limit must be 0 (no limit) or more, not %d", limit)
			}
			s, err := a.journal()
			if err != nil {
				return err
			}
			hits, err := s.Search(ctxOf(cmd), strings.Join(args, " "), limit)
			if err != nil {
				return err
			}
			if asJSON {
				for i := range hits {
					hits[i].Snippet = plainSnippet(hits[i].Snippet)
				}
				if hits == nil {
					hits = []store.Hit{}
				}
				return a.printJSON(hits)
			}
			if len(hits) == 0 {
				fmt.Fprintln(a.out, "Nothing matches. Fewer or shorter words find more.")
				return nil
			}
			a.writeHits(hits)
			return nil
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 20, "at most this many results (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON list of results")
	return cmd
}

// writeHits prints each result as its table row and an indented snippet, the
// matching words bold when colour is wanted on a terminal.
func (a *app) writeHits(hits []store.Hit) {
	rows := [][]string{{"ID", "DATE", "TITLE"}}
	for _, h := range hits {
		rows = append(rows, []string{strconv.FormatInt(h.ID, 10), a.day(h.OccurredOn), termtext.Line(h.Title)})
	}
	var table strings.Builder
	writeTable(&table, rows, 2, a.termWidth())
	lines := strings.Split(strings.TrimRight(table.String(), "\n"), "\n")
	fmt.Fprintln(a.out, lines[0])
	on, off := "", ""
	if a.colorOutput() {
		on, off = "\x1b[1m", "\x1b[22m"
	}
	for i, h := range hits {
		fmt.Fprintln(a.out, lines[i+1])
		snippet := strings.NewReplacer(store.MatchStart, on, store.MatchEnd, off).Replace(termtext.Line(h.Snippet))
		fmt.Fprintln(a.out, "    "+snippet)
	}
}

// plainSnippet removes the match markers, for JSON.
func plainSnippet(s string) string {
	return strings.NewReplacer(store.MatchStart, "", store.MatchEnd, "").Replace(s)
}
