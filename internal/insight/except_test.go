package insight

import (
	"slices"
	"testing"
)

// TestAnExceptionHoldsWhateverMatchesBesideIt: an exception drops its
// pattern's hits inside it even when another pattern's term starts on the
// same word.
func TestAnExceptionHoldsWhateverMatchesBesideIt(t *testing.T) {
	lex := Lexicon{Patterns: []Pattern{
		{ID: "tired", Label: "tired", Terms: []string{"tired"}, Except: []string{"bone tired"}},
		{ID: "bone", Label: "bone", Terms: []string{"bone"}},
	}}
	if got := patternsIn(lex, causeOnly("I was bone tired all week")); !slices.Equal(got, []string{"bone"}) {
		t.Errorf("found %v; want only bone: tired is excepted in \"bone tired\"", got)
	}
}
