package cli

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/searchquery"
	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

// SearchHelp says what a search query can hold; the TUI's help shows it too.
const searchHelp = `Searches titles, answers, lessons, commitments and their outcomes, tags and
skills. Every word must appear, in any of its forms: "sleep" finds "slept" and
"sleeping", "defend" finds "defensive", "Priya's" finds "Priya". The last word
may be the start of a longer one: "defens" finds "defensiveness". A match in
the title or lesson ranks first; among equal matches, the most recent.

  "exact phrase"     these words together, in this order
  a OR b             either word
  -word              leave out entries with this word (-"a phrase" too)
  tag:work           entries tagged work
  skill:resilience   entries that name this skill
  after:DAY          on or after a day: 2026-05-01, yesterday, "30 days ago",
  before:DAY         "last month"; before: keeps the days before it
  pattern:NAME       entries showing a pattern from failup patterns, by its
                     name (overcommitment, "saying yes to too much") or number

Anything else, such as a stray quote, brackets or *, is taken as words. When
nothing matches, the closest words in your journal are suggested.`

func (a *app) searchCmd() *cobra.Command {
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Find entries by their words, best match first",
		Long:  searchHelp,
		Example: "  failup search deadline\n  failup search '\"said yes\" project' --limit 5\n" +
			"  failup search 'interview OR exam tag:work after:\"last month\"'\n  failup search -- -deadline skill:resilience",
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
			query := strings.Join(args, " ")
			found, err := s.Find(ctxOf(cmd), store.Request{Query: searchquery.Parse(query), Limit: limit,
				Today: journal.DateOf(a.now()), Pattern: a.patternEntries(cmd)})
			var bad *store.QueryError
			if errors.As(err, &bad) {
				return usageError{err}
			}
			if err != nil {
				return err
			}
			if asJSON {
				for i := range found.Hits {
					found.Hits[i].Snippet = plainSnippet(found.Hits[i].Snippet)
				}
				if found.Hits == nil {
					found.Hits = []store.Hit{}
				}
				return a.printJSON(found.Hits)
			}
			if len(found.Hits) == 0 {
				if found.Suggestion != "" {
					fmt.Fprintf(a.out, "Nothing matches. Did you mean: failup search %s\n", shellQuote(found.Suggestion))
					return nil
				}
				fmt.Fprintln(a.out, "Nothing matches. Fewer or shorter words find more.")
				return nil
			}
			a.writeHits(found.Hits)
			return nil
		},
	}
	// "-deadline" reads as a flag before it reaches the query.
	cmd.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		if word, ok := strings.CutPrefix(err.Error(), "unknown shorthand flag: "); ok {
			if _, word, ok = strings.Cut(word, " in "); ok {
				return usagef("to leave out %q, put -- before the query: failup search -- %s", strings.TrimPrefix(word, "-"), word)
			}
		}
		return flagError(cmd, err)
	})
	cmd.Flags().IntVar(&limit, "limit", 20, "at most this many results (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON list of results")
	return cmd
}

// patternEntries finds the entries of a pattern named in a search by its
// number in failup patterns, its name or its label.
func (a *app) patternEntries(cmd *cobra.Command) func(name string) ([]int64, error) {
	return func(name string) ([]int64, error) {
		report, err := a.report(cmd, store.Filter{}, nil)
		if err != nil {
			return nil, err
		}
		lex, err := a.lexicon()
		if err != nil {
			return nil, err
		}
		if th, ok := findTheme(report.Themes, lex, name); ok {
			return th.Entries, nil
		}
		return nil, usagef("pattern:%s is not one of your patterns; failup patterns lists them", name)
	}
}

// findTheme is the theme name stands for: its number in the list, its
// lexicon pattern's id, or its label, in any case, with hyphens for spaces.
func findTheme(themes []insight.Theme, lex insight.Lexicon, name string) (insight.Theme, bool) {
	if n, err := strconv.Atoi(name); err == nil && n >= 1 && n <= len(themes) {
		return themes[n-1], true
	}
	key := func(s string) string {
		return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "-", " "))), " ")
	}
	want := key(name)
	label := want
	for _, p := range lex.Patterns {
		if key(p.ID) == want {
			label = key(p.Label)
		}
	}
	for _, th := range themes {
		if key(th.Label) == label || key(th.PatternID) == want {
			return th, true
		}
	}
	return insight.Theme{}, false
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
