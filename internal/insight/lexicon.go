package insight

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
)

// Lexicon is a curated list of setback patterns and the words people use for
// them. prompts/lexicon.toml documents how its terms match.
type Lexicon struct {
	Patterns []Pattern `toml:"pattern"`
}

// Pattern is one kind of setback cause, such as saying yes to too much.
type Pattern struct {
	ID    string `toml:"id"`
	Label string `toml:"label"`
	// Terms are enough on their own to count an entry in.
	Terms []string `toml:"terms"`
	// Hints are too common to count alone; two of them, or one and a term, do.
	Hints []string `toml:"hints"`
	// Except lists phrases whose words must not be counted ("tired of").
	Except []string `toml:"except"`
}

// LexiconError is a problem in a lexicon file, on Line (0 when unknown).
type LexiconError struct {
	Line    int
	Problem string
}

func (e *LexiconError) Error() string {
	if e.Line == 0 {
		return e.Problem
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Problem)
}

// typeError matches how the TOML decoder words a value of the wrong type.
var typeError = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (?:incompatible types: )?(.*)$`)
})

// ParseLexicon reads a lexicon in TOML. Its errors are *LexiconError.
func ParseLexicon(data []byte) (Lexicon, error) {
	var lex Lexicon
	md, err := toml.Decode(string(data), &lex)
	var perr toml.ParseError
	switch {
	case errors.As(err, &perr):
		return Lexicon{}, &LexiconError{perr.Position.Line, perr.Message}
	case err != nil:
		if m := typeError().FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			return Lexicon{}, &LexiconError{line, fmt.Sprintf("%s: %s", m[2], m[3])}
		}
		return Lexicon{}, &LexiconError{Problem: strings.TrimPrefix(err.Error(), "toml: ")}
	}
	if extra := md.Undecoded(); len(extra) > 0 {
		key := extra[0]
		return Lexicon{}, &LexiconError{keyLine(data, key[len(key)-1]), fmt.Sprintf("unknown setting %q", key.String())}
	}
	headers := patternLines(data)
	ids := make(map[string]bool, len(lex.Patterns))
	for i, p := range lex.Patterns {
		line := 0
		if i < len(headers) {
			line = headers[i]
		}
		if err := p.validate(); err != nil {
			return Lexicon{}, &LexiconError{line, err.Error()}
		}
		if ids[p.ID] {
			return Lexicon{}, &LexiconError{line, fmt.Sprintf("pattern id %q appears twice", p.ID)}
		}
		ids[p.ID] = true
	}
	return lex, nil
}

func (p Pattern) validate() error {
	switch {
	case p.ID == "":
		return errors.New("a [[pattern]] needs an id")
	case p.Label == "":
		return fmt.Errorf("pattern %q needs a label", p.ID)
	case len(p.Terms) == 0:
		return fmt.Errorf("pattern %q needs at least one term", p.ID)
	}
	for kind, list := range [][]string{p.Terms, p.Hints, p.Except} {
		for _, term := range list {
			if err := checkTerm(term, termKind(kind)); err != nil {
				return fmt.Errorf("pattern %q: term %q %w", p.ID, term, err)
			}
		}
	}
	return nil
}

// Merge returns l with over laid on top: a pattern in over replaces the one
// with the same id in place, and new ones are added at the end.
func (l Lexicon) Merge(over Lexicon) Lexicon {
	out := Lexicon{Patterns: append([]Pattern(nil), l.Patterns...)}
	at := make(map[string]int, len(out.Patterns))
	for i, p := range out.Patterns {
		at[p.ID] = i
	}
	for _, p := range over.Patterns {
		if i, ok := at[p.ID]; ok {
			out.Patterns[i] = p
			continue
		}
		at[p.ID] = len(out.Patterns)
		out.Patterns = append(out.Patterns, p)
	}
	return out
}

// patternLines lists the line of each [[pattern]] header, in order.
func patternLines(data []byte) []int {
	var lines []int
	for i, line := range bytes.Split(data, []byte("\n")) {
		if bytes.HasPrefix(bytes.TrimSpace(line), []byte("[[pattern]]")) {
			lines = append(lines, i+1)
		}
	}
	return lines
}

// keyLine finds the first line that sets key, or 0.
func keyLine(data []byte, key string) int {
	for i, line := range bytes.Split(data, []byte("\n")) {
		rest, ok := bytes.CutPrefix(bytes.TrimSpace(line), []byte(key))
		if ok && bytes.HasPrefix(bytes.TrimSpace(rest), []byte("=")) {
			return i + 1
		}
	}
	return 0
}
