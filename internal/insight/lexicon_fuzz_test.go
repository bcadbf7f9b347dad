package insight

import (
	"testing"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/prompts"
)

// FuzzParseLexicon feeds arbitrary bytes to the lexicon parser, which reads
// the person's own file. It must not panic, and a lexicon it accepts must
// match against entries without panicking either.
func FuzzParseLexicon(f *testing.F) {
	data, err := prompts.FS.ReadFile("lexicon.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte("[[pattern]]\nid = \"x\"\nlabel = \"y\"\nterms = [\"zoë*\", \"didn't ask\"]\nexcept = [\"a\"]\n"))
	f.Add([]byte("[[pattern]]\nid = \"x\"\nlabel = \"y\"\nterms = [\"***\"]\n"))
	entry := journal.Entry{Title: "Zoë's plan", Answers: []journal.Answer{
		{Key: journal.KeyCause, Text: "I didn't ask for help; my plate was too full. Zoë said yes."},
	}}
	f.Fuzz(func(t *testing.T, data []byte) {
		lex, err := ParseLexicon(data)
		if err != nil {
			if _, ok := err.(*LexiconError); !ok {
				t.Fatalf("error %v is a %T, not a *LexiconError", err, err)
			}
			return
		}
		Patterns([]journal.Entry{entry, entry, entry}, lex, Options{MinCount: 1})
	})
}
