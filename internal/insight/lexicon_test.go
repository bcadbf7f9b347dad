package insight

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestParseLexiconErrorsNameTheLine(t *testing.T) {
	tests := []struct {
		name, toml string
		line       int
		problem    string
	}{
		{"syntax", "[[pattern]\nid = \"x\"\n", 2, "expected"},
		{"wrong type", "[[pattern]]\nid = \"x\"\nlabel = \"y\"\nterms = 5\n", 4, "pattern.terms"},
		{"unknown setting", "[[pattern]]\nid = \"x\"\nlabel = \"y\"\nterms = [\"alpha\"]\ntems = [\"beta\"]\n", 5, `unknown setting "pattern.tems"`},
		{"no id", "[[pattern]]\nlabel = \"y\"\nterms = [\"alpha\"]\n", 1, "needs an id"},
		{"no terms", "[[pattern]]\nid = \"x\"\nlabel = \"y\"\n\n[[pattern]]\nid = \"z\"\nlabel = \"w\"\n", 1, "at least one term"},
		{"second pattern", "[[pattern]]\nid = \"x\"\nlabel = \"y\"\nterms = [\"alpha\"]\n\n[[pattern]]\nid = \"x\"\nlabel = \"w\"\nterms = [\"beta\"]\n", 6, "appears twice"},
		{"only fillers", "[[pattern]]\nid = \"x\"\nlabel = \"y\"\nterms = [\"to the\"]\n", 1, "no words"},
		{"short prefix", "[[pattern]]\nid = \"x\"\nlabel = \"y\"\nterms = [\"ab*\"]\n", 1, "three letters"},
		{"star inside", "[[pattern]]\nid = \"x\"\nlabel = \"y\"\nterms = [\"say *no\"]\n", 1, "end of a word"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseLexicon([]byte(tt.toml))
			var lerr *LexiconError
			if !errors.As(err, &lerr) {
				t.Fatalf("error = %v; want a *LexiconError", err)
			}
			if lerr.Line != tt.line || !strings.Contains(lerr.Problem, tt.problem) {
				t.Errorf("error = line %d %q; want line %d and %q", lerr.Line, lerr.Problem, tt.line, tt.problem)
			}
			if want := fmt.Sprintf("line %d: ", tt.line); !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error reads %q; want it to start %q", err, want)
			}
		})
	}
}

func TestBuiltinLexiconIsKind(t *testing.T) {
	lex := builtinLexicon(t)
	if len(lex.Patterns) < 10 {
		t.Fatalf("the built-in lexicon has %d patterns; want at least the ten common setback patterns", len(lex.Patterns))
	}
	for _, p := range lex.Patterns {
		for _, harsh := range []string{"lazy", "stupid", "failure", "fault", "weak", "bad"} {
			if strings.Contains(strings.ToLower(p.Label), harsh) {
				t.Errorf("pattern %q has a blaming label %q", p.ID, p.Label)
			}
		}
	}
}

func TestMergeOverlaysByID(t *testing.T) {
	base := Lexicon{Patterns: []Pattern{{ID: "a", Label: "A"}, {ID: "b", Label: "B"}}}
	user := Lexicon{Patterns: []Pattern{{ID: "c", Label: "C"}, {ID: "a", Label: "mine"}}}
	got := base.Merge(user)
	var labels []string
	for _, p := range got.Patterns {
		labels = append(labels, p.ID+"="+p.Label)
	}
	if want := []string{"a=mine", "b=B", "c=C"}; !slices.Equal(labels, want) {
		t.Errorf("Merge = %v; want %v", labels, want)
	}
	if base.Patterns[0].Label != "A" {
		t.Error("Merge changed the lexicon it was called on")
	}
}

// A term's small words are skipped when it is matched, so a term must not
// shrink to one everyday word: "all in" would find every "all".
func TestBuiltinTermsKeepTheirMeaning(t *testing.T) {
	for _, p := range builtinLexicon(t).Patterns {
		for _, term := range p.Terms {
			words := splitTerm(term, kindTerm)
			if len(words) != 1 || words[0].prefix {
				continue
			}
			if z := zipfOf(words[0].text); z >= 5.5 {
				t.Errorf("pattern %q: term %q is only %q, too common a word (Zipf %.1f) to show the pattern alone", p.ID, term, words[0].text, z)
			}
		}
	}
}

// Small words are skipped inside terms, so a term of several words can be
// one word in effect: "in the loop" is "loop", which a programmer writes
// every day. These are the ones meant that way; a new one must be added
// here on purpose.
var meantAsOneWord = map[string]bool{
	"a burden": true, "agreed to": true, "allow* for": true, "apologised for my": true,
	"apologized for my": true, "avoid her": true, "avoided her": true, "avoiding her": true,
	"binged the": true, "disappoint her": true, "dived in": true, "dove in": true,
	"dripping for": true, "drowning in": true, "for exposure": true,
	"in a hurry": true, "in a rut": true, "in denial": true, "jumped at": true, "jumped in": true,
	"leaking for": true, "looped in": true, "mountain of": true, "my GP": true, "my ego": true,
	"my fault": true, "my responsibility": true, "ought to": true, "rattling for": true,
	"redid her": true, "redid his": true, "redid the": true, "redid their": true,
	"redo their": true, "redoing their": true, "roared at": true,
	"snap at": true, "squeeze in": true, "squeezed in": true, "squeezing in": true,
	"stack of": true, "supposed to": true, "swearing at": true, "swore at": true, "the GP": true,
	"the team": true, "to cope": true, "to unwind": true, "wing the": true,
}

func TestTermsOfSeveralWordsAreNotOneByAccident(t *testing.T) {
	for _, p := range builtinLexicon(t).Patterns {
		for kind, terms := range map[termKind][]string{kindTerm: p.Terms, kindHint: p.Hints} {
			for _, term := range terms {
				if len(splitTerm(term, kind)) == 1 && strings.Contains(term, " ") && !meantAsOneWord[term] {
					t.Errorf("pattern %q: %q is one word once its small words are skipped", p.ID, term)
				}
			}
		}
	}
}
