package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/searchquery"
	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

// SearchHelp says what a search query can hold; the TUI's help shows it too.
const searchHelp = `Searches titles, answers, lessons, commitments and their outcomes, tags and
skills. Every word must appear, in any of its forms: "sleep" finds "slept" and
"sleeping", "defend" finds "defensive", "Priya's" finds "Priya". Words are
whole ("breaks" does not find "breakfast"); a * after a word of three letters
or more finds the words it begins. A match in the title or lesson ranks first;
among equal matches, the most recent.

  defens*            words beginning defens: "defensive", "defensiveness"
  "exact phrase"     these words together, in this order
  a OR b             either word
  -word              leave out entries with this word (-"a phrase" too)
  tag:work           entries tagged work
  skill:resilience   entries that name this skill
  after:DAY          on or after a day: 2026-05-01, yesterday, "30 days ago",
  before:DAY         "last month"; before: keeps the days before it
  pattern:NAME       entries showing a pattern from failup patterns, by its
                     name (overcommitment, "saying yes to too much") or number

Anything else, such as a stray quote or brackets, is taken as words; a query
with no word in it at all ("", a * on its own) asks for one. When nothing
matches, the words of your journal you likely mistyped are suggested, as your
journal writes them ("Hector"); of several words, those no entry has are named.`

func (a *env) searchCmd() *cobra.Command {
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find entries by their words, best match first",
		Long:  searchHelp,
		Example: "  failup search deadline\n  failup search 'defens*'\n  failup search '\"said yes\" project' --limit 5\n" +
			"  failup search 'interview OR exam tag:work after:\"last month\"'\n  failup search -- -deadline skill:resilience",
		Args: func(cmd *cobra.Command, args []string) error {
			// Quotes, brackets or a * alone ask for nothing.
			if searchquery.Parse(strings.Join(args, " ")).IsZero() {
				return usagef("search needs something to look for, like failup search deadline")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := a.app()
			if err != nil {
				return err
			}
			// One more than the default limit tells whether it cut anything,
			// without finding (and ranking) every match.
			cut := !cmd.Flags().Changed("limit") && limit > 0
			want := limit
			if cut {
				want++
			}
			found, err := c.Search(ctxOf(cmd), strings.Join(args, " "), want)
			if err != nil {
				return err
			}
			if cut = cut && len(found.Hits) > limit; cut {
				found.Hits = found.Hits[:limit]
			}
			if err := a.writeFound(found, asJSON); err != nil {
				return err
			}
			if cut {
				a.moreFound(limit)
			}
			return nil
		},
	}
	// "-deadline" reads as a flag before it reaches the query.
	cmd.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		if word, ok := strings.CutPrefix(err.Error(), "unknown shorthand flag: "); ok {
			if _, word, ok = strings.Cut(word, " in "); ok {
				return usagef("to leave out %q, put -- before the query, after any flags: failup search -- %s", strings.TrimPrefix(word, "-"), word)
			}
		}
		return flagError(cmd, err)
	})
	cmd.Flags().IntVar(&limit, "limit", 20, "at most this many results (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON list of results")
	return cmd
}

// writeFound prints what a search found.
func (a *env) writeFound(found app.Found, asJSON bool) error {
	switch {
	case asJSON:
		for i := range found.Hits {
			found.Hits[i].Snippet = plainSnippet(found.Hits[i].Snippet)
		}
		return a.printJSON(found.Hits)
	case len(found.Hits) == 0 && found.Suggestion != "":
		fmt.Fprintf(a.out, "Nothing matches. Did you mean: failup search %s\n", shellQuote(found.Suggestion))
	case len(found.Hits) == 0 && len(found.Unmatched) > 0:
		fmt.Fprintln(a.out, termtext.Wrap("Nothing matches. "+store.SayUnmatched(found.Unmatched, found.Widen), a.termWidth(), "", ""))
	case len(found.Hits) == 0:
		fmt.Fprintln(a.out, strings.TrimSpace("Nothing matches. "+found.Widen))
	default:
		a.writeHits(found.Hits)
	}
	return nil
}

// moreFound says, after the results, that the default limit left some out:
// on stderr, so that what a script reads is only the results, unless the
// results go through a pager, where it is read last.
func (a *env) moreFound(limit int) {
	w := a.errOut
	if a.output.pager != nil {
		w = a.out
	}
	fmt.Fprintf(w, "The first %d matches are shown; --limit 0 shows them all.\n", limit)
}

// writeHits prints each result as its table row and an indented snippet, the
// matching words bold when colour is wanted on a terminal.
func (a *env) writeHits(hits []app.Hit) {
	rows := [][]string{{"ID", "DATE", "TITLE"}}
	for _, h := range hits {
		rows = append(rows, []string{strconv.FormatInt(h.ID, 10), a.day(h.OccurredOn), termtext.Line(h.Title)})
	}
	width := a.termWidth()
	var table strings.Builder
	writeTable(&table, rows, 2, width)
	lines := strings.Split(strings.TrimRight(table.String(), "\n"), "\n")
	fmt.Fprintln(a.out, lines[0])
	on, off := "", ""
	if a.colorOutput() {
		on, off = "\x1b[1m", "\x1b[22m"
	}
	for i, h := range hits {
		fmt.Fprintln(a.out, lines[i+1])
		if h.Snippet == "" { // an entry with no text but its title
			continue
		}
		snippet := strings.NewReplacer(app.MatchStart, on, app.MatchEnd, off).Replace(termtext.Line(h.Snippet))
		fmt.Fprintln(a.out, termtext.Wrap(snippet, width, "    ", "    "))
	}
}

// plainSnippet removes the match markers, for JSON.
func plainSnippet(s string) string {
	return strings.NewReplacer(app.MatchStart, "", app.MatchEnd, "").Replace(s)
}
