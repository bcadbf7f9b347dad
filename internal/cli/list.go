package cli

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

// filterFlags are the --since, --until and --tag flags shared by listings.
// noneMatch says filters kept no entry: not that the journal is empty.
const noneMatch = "No entries match."

type filterFlags struct {
	since, until string
	tags         []string
}

func (f *filterFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.since, "since", "", `only setbacks on or after this day (YYYY-MM-DD, "30 days ago", "last month")`)
	cmd.Flags().StringVar(&f.until, "until", "", `only setbacks on or before this day (YYYY-MM-DD, "yesterday", "28 nov")`)
	cmd.Flags().StringArrayVar(&f.tags, "tag", nil, "only entries with this tag (repeat: all must match)")
}

func (f filterFlags) input() app.FilterInput {
	return app.FilterInput{Since: f.since, Until: f.until, Tags: f.tags}
}

// filtered reads the filter flags and opens the core.
func (a *env) filtered(ff filterFlags) (*app.Core, app.Filter, error) {
	return a.filteredBy(ff.input())
}

// filteredBy reads the filter typed, then opens the core: a mistake in what
// was typed is found before any journal is.
func (a *env) filteredBy(in app.FilterInput) (*app.Core, app.Filter, error) {
	f, err := app.ParseFilter(in, a.today(), a.order())
	if err != nil {
		return nil, f, err
	}
	c, err := a.app()
	return c, f, err
}

func (a *env) listCmd() *cobra.Command {
	var ff filterFlags
	var skill string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List entries, newest first",
		Example: "  failup list --limit 10\n  failup list --since 2026-01-01 --tag work --json",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, f, err := a.filteredBy(app.FilterInput{Since: ff.since, Until: ff.until, Tags: ff.tags, Skill: skill, Limit: limit})
			if err != nil {
				return err
			}
			ctx := ctxOf(cmd)
			if asJSON {
				return termtext.WriteJSONList(a.out, s.Entries(ctx, f))
			}
			// Every row is measured before the first is written; reading the
			// entries twice keeps none of them in memory.
			var t table
			t.measure(entryTableHeader)
			n := 0
			for e, err := range s.Headlines(ctx, f) {
				if err != nil {
					return err
				}
				t.measure(a.entryRow(e))
				n++
			}
			switch {
			case n == 0 && f.Narrows():
				fmt.Fprintln(a.out, noneMatch)
				return nil
			case n == 0:
				fmt.Fprintln(a.out, "No entries yet. When something goes wrong, failup new walks you through it.")
				return nil
			}
			t.fit(3, a.termWidth())
			out := bufio.NewWriter(a.out)
			t.write(out, entryTableHeader)
			for e, err := range s.Headlines(ctx, f) {
				if err != nil {
					return err
				}
				if err := t.write(out, a.entryRow(e)); err != nil {
					return err // the reader has gone: no need to read on
				}
			}
			return out.Flush()
		},
	}
	ff.register(cmd)
	cmd.Flags().StringVar(&skill, "skill", "", "only entries that exercised this skill")
	cmd.Flags().IntVar(&limit, "limit", 0, "at most this many entries (0: all)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON list of entries")
	return cmd
}

// writeEntryTable prints entries as aligned columns; when width is known the
// title and tags are shortened so each row fits on one line.
func (a *env) writeEntryTable(w io.Writer, entries []journal.Entry, width int) {
	rows := [][]string{entryTableHeader}
	for _, e := range entries {
		rows = append(rows, a.entryRow(e))
	}
	writeTable(w, rows, 3, width)
}

var entryTableHeader = []string{"ID", "DATE", "SEV", "TITLE", "TAGS"}

func (a *env) entryRow(e journal.Entry) []string {
	sev := ""
	if e.Severity != nil {
		sev = strings.Repeat("●", *e.Severity)
	}
	return []string{strconv.FormatInt(e.ID, 10), a.day(e.OccurredOn), sev,
		termtext.Line(e.Title), termtext.Line(strings.Join(e.Tags, ", "))}
}

// writeTable aligns rows in columns two spaces apart. With a width, column
// flex (and those after it) are cut to fit.
func writeTable(w io.Writer, rows [][]string, flex, width int) {
	var t table
	for _, r := range rows {
		t.measure(r)
	}
	t.fit(flex, width)
	for _, r := range rows {
		t.write(w, r)
	}
}

// table lays out rows in columns: every row is measured, then written.
type table struct {
	widths []int
	// ragged is the column written as long as it is and not padded, the
	// columns after it following two spaces on; -1 for none.
	ragged int
}

func (t *table) measure(row []string) {
	if t.widths == nil {
		t.widths = make([]int, len(row))
	}
	for i, c := range row {
		t.widths[i] = max(t.widths[i], ansi.StringWidth(c))
	}
}

// fit narrows column flex, and the last one, to fit width when it is
// known. When the two cannot both be whole, the last (tags, or the entry a
// commitment is from) gives way first, down to a third of their room:
// the flex column is what a row is read by. When it is not known (a pipe
// or a file), rows are written whole and column flex is not padded: padded
// to the longest title, every row would be as long as the longest and
// break in two in a pager.
func (t *table) fit(flex, width int) {
	t.ragged = -1
	if width <= 0 {
		t.ragged = flex
		return
	}
	widths := t.widths
	last := len(widths) - 1
	room := width
	for i, cw := range widths {
		if i != flex && i != last {
			room -= cw + 2
		}
	}
	if flex == last {
		widths[flex] = max(12, min(widths[flex], room))
		return
	}
	room -= 2
	if widths[flex]+widths[last] <= room {
		return
	}
	widths[last] = max(4, min(widths[last], max(room/3, room-widths[flex])))
	widths[flex] = max(12, room-widths[last])
}

func (t *table) write(w io.Writer, row []string) error {
	var b strings.Builder
	for i, c := range row {
		pad := 2
		if i != t.ragged {
			c = ansi.Truncate(c, t.widths[i], "…")
			pad += t.widths[i] - ansi.StringWidth(c)
		}
		b.WriteString(c)
		if i < len(row)-1 {
			b.WriteString(strings.Repeat(" ", pad))
		}
	}
	_, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	return err
}
