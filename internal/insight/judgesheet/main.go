// Command judgesheet writes what a reader judges in a quality round (see
// QUALITY.md, "How a round is made"): the first eight themes failup finds
// in a journal, each with the day, title and cause of its entries, and
// nothing of the planted themes or the code.
//
//	go run ./internal/insight/judgesheet internal/insight/testdata/NAME.json > NAME.txt
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/prompts"
)

// shown is how many themes a reader judges: the round's targets speak of
// the top eight.
const shown = 8

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run returns the exit code: 0 written, 1 the journal or the built-in
// lexicon could not be read, 2 bad usage.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: judgesheet JOURNAL.json")
		return 2
	}
	entries, err := read(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "judgesheet: %v\n", err)
		return 1
	}
	data, err := prompts.FS.ReadFile("lexicon.toml")
	if err != nil {
		fmt.Fprintf(stderr, "judgesheet: %v\n", err)
		return 1
	}
	lex, err := insight.ParseLexicon(data)
	if err != nil {
		fmt.Fprintf(stderr, "judgesheet: prompts/lexicon.toml: %v\n", err)
		return 1
	}
	write(stdout, entries, insight.Patterns(entries, lex, insight.Options{}))
	return 0
}

func read(path string) ([]journal.Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := journal.DecodeDocument(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc.Entries, nil
}

func write(w io.Writer, entries []journal.Entry, r insight.Report) {
	byID := make(map[int64]journal.Entry, len(entries))
	for _, e := range entries {
		byID[e.ID] = e
	}
	for i, th := range r.Themes[:min(shown, len(r.Themes))] {
		fmt.Fprintf(w, "THEME %d: %q (%d entries)\n", i+1, th.Label, len(th.Entries))
		for _, id := range th.Entries {
			e := byID[id]
			fmt.Fprintf(w, "  - [%s] %s — %s\n", e.OccurredOn, orNone(e.Title), orNone(e.AnswerText(journal.KeyCause)))
		}
		fmt.Fprintln(w)
	}
}

// orNone is s, or "(none)" for an empty title or answer.
func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
