package cli

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/chart"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

func (a *env) patternsCmd() *cobra.Command {
	var ff filterFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "patterns",
		Short: "What keeps coming back, and the words that show it",
		Long: "Finds themes that recur across your entries: common setback patterns (from a\n" +
			"lexicon you can extend in $XDG_CONFIG_HOME/failup/prompts/lexicon.toml), people\n" +
			"and meetings you name again and again, and phrases you keep using. Each theme\n" +
			"lists the entries and the words that made it. The themes come in order of how\n" +
			"strongly your entries show each one, not of how many entries it is in.\n\n" +
			"You can correct what it finds: rename a theme, dismiss it, merge two, put an\n" +
			"entry in or take one out, and add words that mean a theme for you. Name a\n" +
			"theme by the key shown under it, or by its label. Corrections are kept in the\n" +
			"journal, travel with export, import and sync, and hold as you write more.",
		Example: "  failup patterns\n  failup patterns --since 2026-01-01 --json\n" +
			"  failup patterns rename name:marcus \"my manager\"\n  failup patterns corrections",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, f, err := a.filtered(ff)
			if err != nil {
				return err
			}
			report, err := c.Patterns(ctxOf(cmd), f)
			if err != nil {
				return err
			}
			list, err := c.Corrections(ctxOf(cmd))
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(patternsJSON(report, list))
			}
			if report.EntriesAnalyzed == 0 && f.Narrows() {
				fmt.Fprintln(a.out, noneMatch)
				return nil
			}
			if err := a.writePatterns(cmd, report); err != nil {
				return err
			}
			if n := len(list); n > 0 {
				said := fmt.Sprintf("Your %d corrections shape these themes; failup patterns corrections lists them.", n)
				if n == 1 {
					said = "Your correction shapes these themes; failup patterns corrections lists it."
				}
				fmt.Fprintln(a.out, "\n"+said)
			}
			return nil
		},
	}
	cmd.AddCommand(a.correctionCmds()...)
	ff.register(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the themes, tags and skills as one JSON document")
	return cmd
}

var trendWords = map[insight.Trend]string{
	insight.TrendRising: "more often lately",
	insight.TrendSteady: "steady",
	insight.TrendFading: "less often lately",
}

// writePatterns prints the themes with the title of each one's latest entry.
func (a *env) writePatterns(cmd *cobra.Command, r insight.Report) error {
	c, err := a.app()
	if err != nil {
		return err
	}
	titles := map[int64]string{}
	for _, th := range r.Themes {
		if n := len(th.Entries); n > 0 {
			e, err := c.Entry(ctxOf(cmd), th.Entries[n-1])
			if err != nil {
				return err
			}
			titles[e.ID] = termtext.Line(e.Title)
		}
	}
	writeReport(a.out, r, titles, a.termWidth())
	return nil
}

// writeReport prints the themes, wrapped to width (0: as they come).
func writeReport(w io.Writer, r insight.Report, titles map[int64]string, width int) {
	if len(r.Themes) == 0 {
		if r.EntriesAnalyzed < 3 {
			fmt.Fprintln(w, termtext.Wrap("Patterns show up once there are a few reflections to compare. Nothing recurs yet.", width, "", ""))
		} else {
			fmt.Fprintln(w, termtext.Wrap(fmt.Sprintf("Nothing clearly recurs across these %d entries. That is worth knowing too.", r.EntriesAnalyzed), width, "", ""))
		}
		return
	}
	fmt.Fprintf(w, "What keeps coming back, across %s:\n", termtext.Count(r.EntriesAnalyzed, "entry", "entries"))
	if len(r.Themes) > 1 {
		fmt.Fprintln(w, termtext.Wrap(themeOrder, width, "", ""))
	}
	// The first theme is the strongest, not always the most frequent.
	top := 0
	for _, th := range r.Themes {
		top = max(top, th.Count)
	}
	const hang = "    "
	for i, th := range r.Themes {
		head := []string{termtext.Line(th.Label), fmt.Sprintf("%s %d", chart.Bar(float64(th.Count), float64(top), 12), th.Count), "(" + trendWords[th.Trend] + ")"}
		fmt.Fprintln(w, "\n"+termtext.WrapList(head, "  ", width, fmt.Sprintf("%2d. ", i+1), hang))
		var words []string
		for _, t := range th.Terms[:min(len(th.Terms), 8)] {
			words = append(words, termtext.Line(t))
		}
		fmt.Fprintln(w, termtext.WrapList(words, ", ", width, hang+"words: ", hang+"       "))
		fmt.Fprintln(w, termtext.Wrap(fmt.Sprintf("from %s to %s, %s", th.FirstSeen, th.LastSeen, idList(th.Entries, 8)), width, hang, hang))
		fmt.Fprintln(w, termtext.Hang(termtext.Line(th.Key), width, hang+"key: "))
		if n := len(th.Entries); n > 0 {
			fmt.Fprintln(w, termtext.Hang("“"+titles[th.Entries[n-1]]+"”", width, hang+"latest: "))
		}
	}
	if len(r.Tags) > 0 {
		var tags []string
		for _, t := range r.Tags[:min(len(r.Tags), 8)] {
			tags = append(tags, fmt.Sprintf("%s %d", termtext.Line(t.Tag), t.Count))
		}
		fmt.Fprintln(w, "\n"+termtext.WrapList(tags, " · ", width, "Tags: ", "      "))
	}
	if len(r.Skills) > 0 {
		var skills []string
		for _, s := range r.Skills {
			skills = append(skills, fmt.Sprintf("%s %d", s.Skill.Label(), s.Count))
		}
		fmt.Fprintln(w, termtext.WrapList(skills, " · ", width, "Skills exercised: ", "                  "))
	}
}

// themeOrder says why the themes are numbered as they are: the strongest,
// not the most frequent, comes first (README, "Patterns").
const themeOrder = "In order of how strongly your entries show each theme, not how many there are."

// idList names the entries by id, as show and list do ("entry 11"): all of
// them, or the latest n of many.
func idList(ids []int64, n int) string {
	shown := ids[max(len(ids)-n, 0):]
	parts := make([]string, len(shown))
	for i, id := range shown {
		parts[i] = strconv.FormatInt(id, 10)
	}
	if len(shown) < len(ids) {
		return fmt.Sprintf("in %d entries; the latest %d are entries %s", len(ids), len(shown), strings.Join(parts, ", "))
	}
	return "in entries " + strings.Join(parts, ", ")
}

// patternsReport is patterns --json: the report, each theme with its key
// and the kinds of correction that changed it, and every correction.
type patternsReport struct {
	EntriesAnalyzed int                  `json:"entries_analyzed"`
	Themes          []correctedTheme     `json:"themes"`
	Tags            []insight.TagCount   `json:"tags"`
	Skills          []insight.SkillCount `json:"skills"`
	Corrections     []journal.Correction `json:"corrections"`
}

type correctedTheme struct {
	insight.Theme
	Key       string                   `json:"key"`
	Corrected []journal.CorrectionKind `json:"corrected"`
}

func patternsJSON(r insight.Report, list []journal.Correction) patternsReport {
	out := patternsReport{EntriesAnalyzed: r.EntriesAnalyzed, Themes: make([]correctedTheme, len(r.Themes)),
		Tags: r.Tags, Skills: r.Skills, Corrections: list}
	for i, th := range r.Themes {
		ct := correctedTheme{Theme: th, Key: th.Key, Corrected: []journal.CorrectionKind{}}
		for _, k := range list {
			if k.Theme == th.Key && !slices.Contains(ct.Corrected, k.Kind) {
				ct.Corrected = append(ct.Corrected, k.Kind)
			}
		}
		out.Themes[i] = ct
	}
	return out
}
