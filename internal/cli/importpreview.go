package cli

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/importer"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

// importPreview is what import --dry-run --json prints.
type importPreview struct {
	Format   importer.Format  `json:"format"`
	WouldAdd int              `json:"would_add"`
	Skipped  int              `json:"would_skip"`
	From     journal.Date     `json:"from"`
	To       journal.Date     `json:"to"`
	Tags     map[string]int   `json:"tags"`
	Mapping  string           `json:"mapping"`
	Entries  []previewedEntry `json:"entries"`
	Left     []string         `json:"left"`
	// Corrections to the patterns, which only a failup export holds.
	CorrectionsWouldAdd  int `json:"corrections_would_add"`
	CorrectionsWouldSkip int `json:"corrections_would_skip"`
}

type previewedEntry struct {
	UID        string       `json:"uid"`
	OccurredOn journal.Date `json:"occurred_on"`
	Title      string       `json:"title"`
	Tags       []string     `json:"tags"`
	Answers    []string     `json:"answers"`
	New        bool         `json:"new"`
}

// previewImport shows what an import would add, and changes nothing: a
// journal that does not exist yet is not created.
func (a *env) previewImport(cmd *cobra.Command, file string, res importer.Result, asJSON bool) error {
	known := map[string]bool{}
	p := importPreview{Format: res.Format, Tags: map[string]int{}, Mapping: mapping(res), Entries: []previewedEntry{}, Left: nonNil(res.Left),
		CorrectionsWouldAdd: len(res.Corrections)}
	if _, err := os.Stat(a.dbPath()); err == nil {
		c, err := a.app()
		if err != nil {
			return err
		}
		if known, err = c.Known(ctxOf(cmd), res.Entries); err != nil {
			return err
		}
		if p.CorrectionsWouldAdd, p.CorrectionsWouldSkip, err = c.CorrectionsToImport(ctxOf(cmd), res.Corrections); err != nil {
			return err
		}
	}
	for _, e := range res.Entries {
		pe := previewedEntry{UID: e.UID, OccurredOn: e.OccurredOn, Title: e.Title, Tags: e.Tags, Answers: []string{}, New: !known[e.UID]}
		for _, ans := range e.Answers {
			if ans.Text != "" {
				pe.Answers = append(pe.Answers, ans.Key)
			}
		}
		p.Entries = append(p.Entries, pe)
		if !pe.New {
			p.Skipped++
			continue
		}
		p.WouldAdd++
		if p.From == "" || e.OccurredOn < p.From {
			p.From = e.OccurredOn
		}
		p.To = max(p.To, e.OccurredOn)
		for _, t := range e.Tags {
			p.Tags[t]++
		}
	}
	if asJSON {
		return a.printJSON(p)
	}
	w, width := a.out, a.termWidth()
	say := func(format string, args ...any) {
		fmt.Fprintln(w, termtext.Wrap(fmt.Sprintf(format, args...), width, "", ""))
	}
	say("%s holds %s (%s).", inputName(file), termtext.Count(len(res.Entries), "entry", "entries"), res.Format)
	switch {
	case p.WouldAdd == 0:
		say("Importing it would add nothing: every entry is already in the journal.")
	default:
		say("Importing it would add %s, from %s to %s; %d already in the journal would be skipped.",
			termtext.Count(p.WouldAdd, "entry", "entries"), p.From, p.To, p.Skipped)
	}
	if n := len(res.Corrections); n > 0 {
		say("It holds %s to the patterns: %d would be added, %d already kept would be skipped.",
			termtext.Count(n, "correction", "corrections"), p.CorrectionsWouldAdd, p.CorrectionsWouldSkip)
	}
	say("%s", p.Mapping)
	if len(p.Tags) > 0 {
		fmt.Fprintln(w, termtext.WrapList(tagCounts(p.Tags), ", ", width, "Tags: ", "      "))
	}
	fmt.Fprintln(w)
	for _, e := range p.Entries {
		mark := "+"
		if !e.New {
			mark = "="
		}
		line := termtext.Line(e.Title)
		if len(e.Tags) > 0 {
			line += "  [" + termtext.Line(strings.Join(e.Tags, ", ")) + "]"
		}
		fmt.Fprintln(w, termtext.Hang(line, width, fmt.Sprintf("%s %s  ", mark, e.OccurredOn)))
	}
	printLeft(w, res.Left)
	fmt.Fprintln(w)
	say("Nothing was imported: this was a dry run (+ would be added, = is already in the journal).")
	return nil
}

// mapping says in a sentence where the source's parts go.
func mapping(res importer.Result) string {
	written, whole := 0, 0
	for _, e := range res.Entries {
		if e.AnswerText(importer.WrittenKey) != "" || len(e.Answers) == 1 && e.Answers[0].Key == importer.WrittenKey {
			written++
		} else {
			whole++
		}
	}
	var parts []string
	if written > 0 {
		parts = append(parts, fmt.Sprintf("%s: the text, kept whole, becomes the answer \"What I wrote in …\"; the day, title and tags are kept; "+
			"the four questions are left to answer with failup edit; each is tagged imported.", termtext.Count(written, "entry", "entries")))
	}
	if whole > 0 {
		parts = append(parts, fmt.Sprintf("%s: answers, lesson, details and follow-up come back as failup wrote them.", termtext.Count(whole, "entry", "entries")))
	}
	return strings.Join(parts, "\n")
}

// tagCounts is each tag with how many entries have it, the most first.
func tagCounts(tags map[string]int) []string {
	names := make([]string, 0, len(tags))
	for t := range tags {
		names = append(names, t)
	}
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(tags[b]-tags[a], strings.Compare(a, b)) })
	parts := make([]string, len(names))
	for i, t := range names {
		parts[i] = fmt.Sprintf("%s (%d)", termtext.Line(t), tags[t])
	}
	return parts
}
