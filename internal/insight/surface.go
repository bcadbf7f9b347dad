package insight

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/failup/failup/internal/journal"
)

// WrittenNames names themes known only by their keys (dismissed, merged
// away, no longer found) in words the person wrote, read from entries in
// one pass for all of keys: for a "phrase:" key, the phrase whose stems
// are the key's as it is written most often, read with the words and stems
// the patterns use; for a "name:" key, the name with the capitals it is
// most often written with. A key no entry has, or of another kind, is left
// out. As the patterns learn how a term is written from a sample of its
// entries, the entries stop being read once every key has been seen
// enoughUses times: a large journal is read through only for a key it
// hardly has.
func WrittenNames(entries iter.Seq2[journal.Entry, error], keys []string) (map[string]string, error) {
	sr := newSurfaceReader(keys)
	if len(sr.phrases) == 0 && len(sr.names) == 0 {
		return map[string]string{}, nil
	}
	read := 0
	for e, err := range entries {
		if err != nil {
			return nil, err
		}
		if read++; read%64 == 0 && sr.settled() {
			break
		}
		sr.read(e.Title, field{part: partTitle})
		for k, a := range e.Answers {
			sr.read(a.Text, answerField(k, a.Key))
		}
		sr.read(e.Lesson, field{support: true})
		if e.Followup != nil {
			sr.read(e.Followup.Commitment, field{support: true})
		}
	}
	return sr.picked(), nil
}

// enoughUses is how many uses of a key, in the fields that show a
// setback's causes, show how it is most often written.
const enoughUses = 200

// settled reports whether every key has been seen enoughUses times,
// marking those that have, which are looked for no more.
func (sr *surfaceReader) settled() bool {
	settled := true
	for _, list := range [...][]*surface{sr.phrases, sr.names} {
		for _, s := range list {
			s.done = s.seen.n >= enoughUses
			settled = settled && s.done
		}
	}
	return settled
}

// surfaceReader counts how each wanted key is written.
type surfaceReader struct {
	phrases []*surface
	// byLast finds the phrases that end with a stem.
	byLast map[string][]*surface
	names  []*surface
	// stems caches each lower-case word's stem, "" for a word that is not
	// a content word.
	stems map[string]string
	buf   []byte
	probes
}

// probes are beginnings of words, in lower case, that a field must hold,
// whatever their case, for a key to be in it: a field that holds none of a
// key's is not read word by word.
type probes struct {
	texts []string
	// byFirst finds a probe by its first byte; wide are those that begin
	// with a letter outside ASCII, whose capital may begin otherwise.
	byFirst [utf8.RuneSelf][]int32
	wide    []int32
	found   []bool
}

// surface is one key and the ways it was found written: seen in the
// fields that show a setback's causes, where the patterns find phrases,
// and also in the others, for a key only they have.
type surface struct {
	key   string
	words []string // a phrase's stems, or a name in lower case
	// need are, for each of words, the probes of which a field must hold
	// one.
	need       [][]int32
	seen, also uses
	// done marks a key seen enoughUses times, looked for no more.
	done bool
}

// uses are the ways a key was written, and how often each.
type uses struct {
	forms map[string]int
	n     int // all the uses
	// mid counts a phrase's uses in mid-sentence outside a title, capped
	// those with a capital on every word: a phrase written so is a name or
	// a place.
	mid, capped int
}

// in is the uses of s in a field f.
func (s *surface) in(f field) *uses {
	u := &s.seen
	if f.support {
		u = &s.also
	}
	if u.forms == nil {
		u.forms = map[string]int{}
	}
	return u
}

// best is the uses of s that name it.
func (s *surface) best() uses {
	if len(s.seen.forms) > 0 {
		return s.seen
	}
	return s.also
}

func newSurfaceReader(keys []string) *surfaceReader {
	sr := &surfaceReader{byLast: map[string][]*surface{}, stems: map[string]string{}}
	seen := map[string]bool{}
	for _, key := range keys {
		if seen[key] {
			continue
		}
		seen[key] = true
		if rest, ok := strings.CutPrefix(key, keyPhrase); ok {
			if words := strings.Fields(rest); len(words) > 0 {
				s := &surface{key: key, words: words}
				for _, w := range words {
					s.need = append(s.need, sr.add(stemProbes(w)...))
				}
				sr.phrases = append(sr.phrases, s)
				sr.byLast[words[len(words)-1]] = append(sr.byLast[words[len(words)-1]], s)
			}
		} else if rest, ok := strings.CutPrefix(key, keyName); ok && strings.TrimSpace(rest) != "" {
			name := strings.ToLower(rest)
			sr.names = append(sr.names, &surface{key: key, words: []string{name}, need: [][]int32{sr.add(name)}})
		}
	}
	return sr
}

// stemProbes are the beginnings of the words whose stem is stem: all but
// its last three letters, which the stemmer and americanSpelling may
// change ("favourite" is "favorit"), or the whole of a word not stemmed,
// and the words stemOverrides give it ("weds" is "wednesday").
func stemProbes(stem string) []string {
	out := []string{stem}
	if isStemmable(stem) {
		out[0] = stem[:max(1, len(stem)-3)]
	}
	for w, s := range stemOverrides() {
		if s == stem {
			out = append(out, w)
		}
	}
	return out
}

// add adds probes, returning their indexes.
func (p *probes) add(texts ...string) []int32 {
	var ids []int32
	for _, t := range texts {
		id := int32(len(p.texts))
		p.texts, p.found = append(p.texts, t), append(p.found, false)
		if t[0] < utf8.RuneSelf {
			p.byFirst[t[0]] = append(p.byFirst[t[0]], id)
		} else {
			p.wide = append(p.wide, id)
		}
		ids = append(ids, id)
	}
	return ids
}

// mayHold reports whether text holds, at the start of a word, a probe of
// every word of some key not done.
func (sr *surfaceReader) mayHold(text string) bool {
	p := &sr.probes
	clear(p.found)
	inWord := false
	for i := 0; i < len(text); {
		var candidates []int32
		start := i
		if c := text[i]; c < utf8.RuneSelf {
			word := asciiWord[c]
			if word && !inWord {
				candidates = p.byFirst[c|asciiLower[c]]
			}
			inWord = word
			i++
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			word := isWordRune(r)
			if word && !inWord {
				candidates = p.wide
			}
			inWord = word
			i += size
		}
		for _, id := range candidates {
			p.found[id] = p.found[id] || beginsWith(text[start:], p.texts[id])
		}
	}
	holds := func(s *surface) bool {
		return !s.done && !slices.ContainsFunc(s.need, func(anyOf []int32) bool {
			return !slices.ContainsFunc(anyOf, func(id int32) bool { return p.found[id] })
		})
	}
	return slices.ContainsFunc(sr.phrases, holds) || slices.ContainsFunc(sr.names, holds)
}

// asciiWord marks the ASCII bytes a word is made of, and asciiLower has
// the bit that lowers each capital letter.
var asciiWord, asciiLower = func() (word [utf8.RuneSelf]bool, lower [utf8.RuneSelf]byte) {
	for c := range byte(utf8.RuneSelf) {
		word[c] = isWordRune(rune(c))
		if 'A' <= c && c <= 'Z' {
			lower[c] = 'a' - 'A'
		}
	}
	return word, lower
}()

// beginsWith reports whether text begins with probe, whatever the case,
// leaving out apostrophes as a word is read: "O'Brien" is obrien.
func beginsWith(text, probe string) bool {
	for probe != "" {
		p, m := utf8.DecodeRuneInString(probe)
		probe = probe[m:]
		if isApostrophe(p) {
			continue
		}
		for {
			if text == "" {
				return false
			}
			r, n := utf8.DecodeRuneInString(text)
			text = text[n:]
			if !isApostrophe(r) {
				if r != p && unicode.ToLower(r) != p {
					return false
				}
				break
			}
		}
	}
	return true
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// placed is a content word read: its stem, where it starts, and whether it
// begins a sentence.
type placed struct {
	stem  string
	start int
	first bool
}

// read counts the keys' uses in one field's text. A phrase is its content
// words in a row within a sentence, as the patterns read phrases.
func (sr *surfaceReader) read(text string, f field) {
	if text == "" || !sr.mayHold(text) {
		return
	}
	var window [3]placed
	n := 0
	newSentence, prevStart := false, -1
	sr.buf = scanWords(text, sr.buf, func(lower []byte, start, _ int, flags uint8) {
		if start != prevStart { // "didn't" is read as two words at one place
			for _, s := range sr.names {
				if !s.done {
					s.readName(text, start, f)
				}
			}
			prevStart = start
		}
		if flags&startsSentence != 0 {
			newSentence = true
		}
		stem, ok := sr.stems[string(lower)]
		if !ok {
			word := string(lower)
			if isContent(word) {
				stem = stemText(word)
			}
			sr.stems[word] = stem
		}
		if stem == "" || len(sr.phrases) == 0 {
			return
		}
		if newSentence {
			n, newSentence = 0, false
		}
		copy(window[1:], window[:2])
		window[0] = placed{stem: stem, start: start, first: flags&startsSentence != 0}
		n = min(n+1, len(window))
		for _, s := range sr.byLast[stem] {
			if !s.done && len(s.words) <= n && matches(s.words, window[:len(s.words)]) {
				s.count(text, window[len(s.words)-1], start, f)
			}
		}
	})
}

// matches reports whether the words read last, newest first, are stems.
func matches(stems []string, newestFirst []placed) bool {
	for i, s := range stems {
		if newestFirst[len(stems)-1-i].stem != s {
			return false
		}
	}
	return true
}

// count notes a use of s from the word first to the one starting at last.
func (s *surface) count(text string, first placed, last int, f field) {
	form := withoutPossessive(text[first.start:wordEnd(text, last)])
	u := s.in(f)
	u.forms[form]++
	u.n++
	if f.part != partTitle && !first.first {
		u.mid++
		if contentCapitalised(form) {
			u.capped++
		}
	}
}

// readName counts a use of the name s that begins at text[start].
func (s *surface) readName(text string, start int, f field) {
	name := s.words[0]
	end := start + len(name)
	if end > len(text) || !strings.EqualFold(text[start:end], name) {
		return
	}
	if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && isWordRune(r) {
		return // "Gran" in "Grant"
	}
	u := s.in(f)
	u.forms[text[start:end]]++
	u.n++
}

// picked is, for each key found, how it is written most often. A phrase
// keeps its capitals when it is written with them in mid-sentence, as a
// name is, or when it begins with a day, a month or a title ("Friday
// deploys"), and is otherwise shown in lower case, as the patterns show it;
// a name as it is most often written with a capital.
func (sr *surfaceReader) picked() map[string]string {
	out := map[string]string{}
	for _, s := range sr.phrases {
		u := s.best()
		if len(u.forms) == 0 {
			continue
		}
		label := mostCommon(u.forms, true)
		first, _, _ := strings.Cut(label, " ")
		proper := u.mid > 0 && float64(u.capped) >= 0.8*float64(u.mid) || writtenAsName(u.forms) ||
			notNames()[strings.TrimSuffix(strings.ToLower(first), ".")]
		if !proper {
			label = tidyTerm(label)
		}
		out[s.key] = label
	}
	for _, s := range sr.names {
		capitalised := map[string]int{}
		for f, n := range s.best().forms {
			if r, _ := utf8.DecodeRuneInString(f); unicode.IsUpper(r) {
				capitalised[f] = n
			}
		}
		if len(capitalised) > 0 {
			out[s.key] = mostCommon(capitalised, true)
		}
	}
	return out
}

// withoutPossessive is text without a possessive's "'s": "Rob's" is Rob.
func withoutPossessive(text string) string {
	for _, s := range [...]string{"'s", "’s", "'S", "’S"} {
		if trimmed, ok := strings.CutSuffix(text, s); ok {
			return trimmed
		}
	}
	return text
}

// contentCapitalised reports whether every content word of s is written
// with a capital: "Desert Valley and Prescott".
func contentCapitalised(s string) bool {
	capped := true
	scanWords(s, nil, func(lower []byte, _, _ int, flags uint8) {
		capped = capped && (flags&capitalised != 0 || !isContent(string(lower)))
	})
	return capped
}
