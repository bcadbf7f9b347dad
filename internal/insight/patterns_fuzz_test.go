package insight

import (
	"testing"

	"github.com/failup/failup/internal/journal"
)

// FuzzPatternsNeverPanics: whatever a person writes (quotes left open,
// bytes that are not UTF-8, a role in someone else's words), the patterns
// are read without a panic.
func FuzzPatternsNeverPanics(f *testing.F) {
	for _, seed := range []string{
		"She wrote 'please come to my son's vigil' and I left Sipho at the table.",
		"bad \xff\xfe bytes, 'then my son said \"no\" to my boss",
		"“my manager” ‘my sister’ my mum's “",
		"Hui Min and Hui Min's flatmate, 5 min late, Mr. Park, Eun-ji’s",
		"\xe2\x80",
	} {
		f.Add(seed)
	}
	lex := builtinLexicon(f)
	f.Fuzz(func(t *testing.T, text string) {
		var entries []journal.Entry
		for i := range 4 {
			entries = append(entries, journal.Entry{
				ID: int64(i + 1), UID: string(rune('a' + i)), OccurredOn: "2026-03-01", Title: text,
				Answers: []journal.Answer{{Key: journal.KeyCause, Text: text}, {Key: journal.KeyPatterns, Text: "my son " + text}},
			})
		}
		Patterns(entries, lex, Options{MinCount: 2})
	})
}
