package insight

import (
	"errors"
	"strings"
	"sync"
	"unicode/utf8"
)

// termKind says which list of a pattern a term comes from.
type termKind uint8

const (
	kindTerm termKind = iota
	kindHint
	kindExcept
)

// termWord is one word of a lexicon term: a whole word, matched by stem, or
// a prefix ("procrastinat*"), matched against the word as written.
type termWord struct {
	text   string
	prefix bool
}

// termFillers are skipped inside terms, so "ask for help" is "ask … help".
var termFillers = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"a": true, "an": true, "the": true, "to": true, "of": true, "for": true, "at": true, "in": true,
		"my": true, "our": true, "your": true, "his": true, "her": true, "their": true, "its": true,
		"this": true, "that": true, "these": true, "those": true,
	}
})

// maxGap is how many other words may stand between two words of a term:
// small words ("was", "too") and names, so that "plate full" finds "my plate
// was far too full" and "ask help" finds "ask Ola for help", but "long hours"
// does not find "long gone in hours".
const maxGap = 3

// splitTerm reads a term's words. Except phrases keep their small words:
// "tired of" must not shrink to "tired".
func splitTerm(term string, kind termKind) []termWord {
	var words []termWord
	scanWords(term, nil, func(lower []byte, _, end int, _ uint8) {
		if kind != kindExcept && termFillers()[string(lower)] {
			return
		}
		words = append(words, termWord{text: string(lower), prefix: end < len(term) && term[end] == '*'})
	})
	return words
}

func checkTerm(term string, kind termKind) error {
	words := splitTerm(term, kind)
	if len(words) == 0 {
		return errors.New("has no words to look for")
	}
	prefixes := 0
	for _, w := range words {
		if !w.prefix {
			continue
		}
		prefixes++
		if utf8.RuneCountInString(w.text) < 3 {
			return errors.New("needs at least three letters before *")
		}
	}
	if strings.Count(term, "*") != prefixes {
		return errors.New("may use * only at the end of a word")
	}
	return nil
}
