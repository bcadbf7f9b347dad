// Package wordform reads words the way search matches them: each word of a
// text is lowercased, loses a possessive or contraction ("Priya's" is
// "priya", "didn't" is "did"), and is brought to one form shared by its
// inflections and close derivations: "slept", "sleeping" and "sleeps" are
// all "sleep"; "defensive", "defence" and "defended" are all "defens". The
// full-text index holds these forms, and queries are read the same way, so a
// word finds every form of itself.
package wordform

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Each calls fn with every word of text, lowercased and without its
// possessive or contraction, and the byte span it came from.
func Each(text string, fn func(word string, start, end int)) {
	each(text, func(word []byte, start, end int) { fn(string(word), start, end) })
}

// each is Each with the word in scratch space, valid only during the call.
func each(text string, fn func(word []byte, start, end int)) {
	var buf []byte
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		buf = buf[:0]
	word:
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf && c != '\'' {
				switch {
				case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				case 'A' <= c && c <= 'Z':
					c += 'a' - 'A'
				default:
					break word
				}
				buf = append(buf, c)
				i++
				continue
			}
			r, size = utf8.DecodeRuneInString(text[i:])
			if r == '\'' || r == '’' {
				// An apostrophe inside a word belongs to it.
				if next, _ := utf8.DecodeRuneInString(text[i+size:]); len(buf) > 0 && isWordRune(next) {
					buf = append(buf, '\'')
					i += size
					continue
				}
				break
			}
			if !isWordRune(r) {
				break
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			i += size
		}
		if w := stripClitic(buf); len(w) > 0 {
			fn(w, start, i)
		}
	}
}

// stripClitic drops what follows the last apostrophe when it is a
// possessive or a contraction, and joins any other apostrophe ("o'clock").
func stripClitic(w []byte) []byte {
	apos := bytes.LastIndexByte(w, '\'')
	if apos < 0 {
		return w
	}
	base, suffix := w[:apos], string(w[apos+1:])
	switch suffix {
	case "s", "re", "m", "ll", "ve", "d":
		return stripClitic(base)
	case "t":
		if len(base) > 1 && base[len(base)-1] == 'n' {
			b := base[:len(base)-1]
			if full, ok := negated[string(b)]; ok {
				return []byte(full)
			}
			return b
		}
	}
	return bytes.ReplaceAll(w, []byte("'"), nil)
}

// negated gives the verb of a negation whose spelling hides it.
var negated = map[string]string{"ca": "can", "wo": "will", "sha": "shall", "ai": "am"}

func isWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		r > 127 && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// Form is the form a lowercased word (as Each gives it) is indexed under.
func Form(word string) string {
	if f, ok := forms.get(word); ok {
		return f
	}
	f := form(word)
	forms.put(word, f)
	return f
}

// FormOnce is Form without keeping the answer, for words made up on the
// way (the spellings a typo may be a slip of), which would crowd out the
// words of the journal.
func FormOnce(word string) string {
	if f, ok := forms.get(word); ok {
		return f
	}
	return form(word)
}

// KeepsInitial reports whether word's form starts with the word's first
// byte, as every form does but those of irregular words ("went" is "go"): a
// word can be passed over without stemming when no form looked for starts
// as it does.
func KeepsInitial(word string) bool {
	_, ok := irregular()[word]
	return !ok
}

// formOf is Form for a word in scratch space.
func formOf(word []byte) string {
	if f, ok := forms.getBytes(word); ok {
		return f
	}
	return Form(string(word))
}

func form(word string) string {
	if base, ok := irregular()[word]; ok {
		word = base
	}
	if !isPlain(word) {
		return word
	}
	stem := english.Stem(word, true)
	if root, ok := family()[stem]; ok {
		return root
	}
	return stem
}

// isPlain keeps the English stemmer to plain ASCII words: it would mangle
// names and words in other scripts.
func isPlain(word string) bool {
	for i := 0; i < len(word); i++ {
		if c := word[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return len(word) > 2
}

// Text is the forms of text's words, separated by spaces: what the index
// holds for it.
func Text(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	each(text, func(word []byte, _, _ int) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(formOf(word))
	})
	return b.String()
}

// Words is the words of text, as Each gives them.
func Words(text string) []string {
	var out []string
	Each(text, func(word string, _, _ int) { out = append(out, word) })
	return out
}

// Prefix is what a half-typed word may become: starts are beginnings of
// indexed forms ("sle" of "sleep"), and exact are forms the typed word has
// already reached though it goes on: at "sleepi", on the way to "sleeping",
// the form "sleep" is complete, at "defensiv" the form "defens", and "slep"
// already finds "slept". The typed word's own form is a beginning only when
// it spells the typed letters differently ("happy" is "happi", as
// "happiness" is): when it cuts them short ("breaks" is "break"), the words
// it begins ("breakfast") do not begin with what was typed.
func Prefix(typed string) (starts, exact []string) {
	seen := map[string]bool{}
	add := func(list *[]string, f string) {
		if f != "" && !seen[f] {
			seen[f] = true
			*list = append(*list, f)
		}
	}
	add(&starts, typed)
	if f := Form(typed); strings.HasPrefix(typed, f) || !KeepsInitial(typed) {
		add(&exact, f)
	} else {
		add(&starts, f)
	}
	if !isPlain(typed) {
		return starts, exact
	}
	for k := len(typed); k >= 4 || k == len(typed) && k >= 3; k-- {
		if !suffixStart(typed[k:]) {
			continue
		}
		head := typed[:k]
		for _, f := range []string{head, english.Stem(head, true)} {
			add(&exact, f)
			if root, ok := family()[f]; ok {
				add(&exact, root)
			}
		}
	}
	if len(typed) >= 3 {
		for _, w := range irregularWords() {
			if strings.HasPrefix(w, typed) {
				add(&exact, Form(w))
			}
		}
	}
	return starts, exact
}

// suffixStart reports whether s may be the start of an ending that a word's
// form leaves out.
func suffixStart(s string) bool {
	if s == "" {
		return true
	}
	for _, suffix := range suffixes {
		if strings.HasPrefix(suffix, s) {
			return true
		}
	}
	return false
}

var suffixes = []string{
	"s", "es", "ed", "ing", "ings", "er", "ers", "est", "ly", "ness", "nesses", "ive", "ively", "iveness",
	"ion", "ions", "ation", "ations", "ment", "ments", "ful", "fully", "less", "ity", "ities",
	"ies", "ied", "ier", "iest", "ily", "al", "ally", "ise", "ised", "ising", "ize", "ized", "izing",
	"ism", "ist", "ists", "able", "ably", "ence", "ance", "ent", "ant", "ous", "ously", "e", "y",
}

// memo keeps the forms of words already read: a journal uses a few tens of
// thousands of words, each thousands of times, and stemming is slow next to
// a map lookup.
type memo struct {
	mu sync.RWMutex
	m  map[string]string
}

// memoLimit bounds the memo, whatever text is read.
const memoLimit = 1 << 17

var forms = memo{m: make(map[string]string)}

func (c *memo) get(w string) (string, bool) {
	c.mu.RLock()
	f, ok := c.m[w]
	c.mu.RUnlock()
	return f, ok
}

func (c *memo) getBytes(w []byte) (string, bool) {
	c.mu.RLock()
	f, ok := c.m[string(w)]
	c.mu.RUnlock()
	return f, ok
}

func (c *memo) put(w, f string) {
	c.mu.Lock()
	if len(c.m) < memoLimit {
		c.m[w] = f
	}
	c.mu.Unlock()
}
