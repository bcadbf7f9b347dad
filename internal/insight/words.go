package insight

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Flags a scanned word carries.
const (
	// startsSentence marks the first word of a sentence (or of a field).
	startsSentence uint8 = 1 << iota
	// capitalised marks a word written with a capital first letter.
	capitalised
	// allCaps marks a word of two or more letters, all capitals (an acronym).
	allCaps
	// possessive marks a word written with 's ("Deb's").
	possessive
	// skippable marks, once the word is looked up, a word that may stand
	// inside a lexicon term without breaking it: a function word, or a
	// capitalised word (a name) in mid-sentence, but not a day or a month
	// ("missed check" is not "Missed Sunday - he checked").
	skippable
	// nameLike marks, once the word is looked up, a word written with a
	// capital in mid-sentence outside the title: "Bill", "Hope", "Will" are
	// likely people there, not a bill, hope or will.
	nameLike
	// afterComma marks the first word after a comma: a term's words are in
	// one clause.
	afterComma
)

// titles are written before a name, often with a full stop after them.
var titles = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true}

// wordFunc receives one word: lowercased (valid only during the call), its
// byte span in the text, and its flags.
type wordFunc func(lower []byte, start, end int, flags uint8)

// scanWords splits text into words and calls emit for each. Hyphens split
// words, but in names such as "Eun-ji" (see joinsHyphen); apostrophes
// inside a word do not. Contractions are read as their parts: "didn't"
// gives "did" and "not", "Marcus's" gives "marcus". buf is scratch space,
// returned for reuse, so scanning allocates nothing but the lower-case
// parts of a capitalised word with a hyphen, to look them up.
func scanWords(text string, buf []byte, emit wordFunc) []byte {
	newSentence, comma := true, false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			// "Dr. Okafor" goes on: the name after a title is mid-sentence.
			if endsSentence(r) && !(r == '.' && titles[string(buf)]) {
				newSentence = true
			}
			comma = comma || r == ','
			i += size
			continue
		}
		start := i
		buf = buf[:0]
		upper, letters := 0, 0
	word:
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				switch {
				case 'a' <= c && c <= 'z':
					letters++
				case 'A' <= c && c <= 'Z':
					letters++
					upper++
					c += 'a' - 'A'
				case c < '0' || c > '9':
					if c == '\'' && len(buf) > 0 && i+1 < len(text) && isWordRune(rune(text[i+1])) || c == '-' && joinsHyphen(text, start, i) {
						buf = append(buf, c)
						i++
						continue
					}
					break word
				}
				buf = append(buf, c)
				i++
				continue
			}
			r, size = utf8.DecodeRuneInString(text[i:])
			if r == '’' && len(buf) > 0 && i+size < len(text) && isWordRune(rune(text[i+size])) {
				buf = append(buf, '\'')
				i += size
				continue
			}
			if !isWordRune(r) {
				break word
			}
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			i += size
		}
		var flags uint8
		if newSentence {
			flags |= startsSentence
		}
		if comma {
			flags |= afterComma
		}
		if first, _ := utf8.DecodeRuneInString(text[start:]); 'A' <= first && first <= 'Z' || first >= utf8.RuneSelf && unicode.IsUpper(first) {
			flags |= capitalised
		}
		if letters >= 2 && upper == letters {
			flags |= allCaps
		}
		emitParts(buf, start, i, flags, emit)
		newSentence, comma = false, false
	}
	return buf
}

// emitParts emits a word, split at its contraction: "can't" is "can" "not".
func emitParts(w []byte, start, end int, flags uint8, emit wordFunc) {
	apos := -1
	for k := len(w) - 1; k >= 0; k-- {
		if w[k] == '\'' {
			apos = k
			break
		}
	}
	if apos < 0 {
		if base, ok := bareBase(w); ok {
			negated := bytes.HasSuffix(w, []byte("nt")) || string(w) == "cannot"
			emit(append(w[:0], base...), start, end, flags)
			if negated {
				emit(notWord, start, end, 0)
			}
			return
		}
		emit(w, start, end, flags)
		return
	}
	base, suffix := w[:apos], string(w[apos+1:])
	switch {
	case suffix == "t" && len(base) > 1 && base[len(base)-1] == 'n':
		base = base[:len(base)-1]
		if full, ok := negatedBases[string(base)]; ok {
			base = append(base[:0], full...)
		}
		emit(base, start, end, flags)
		emit(notWord, start, end, 0)
	case suffix == "s":
		emit(base, start, end, flags|possessive)
	case suffix == "re" || suffix == "m" || suffix == "ll" || suffix == "ve" || suffix == "d":
		emit(base, start, end, flags)
	default:
		joined := w[:0]
		for _, c := range w {
			if c != '\'' {
				joined = append(joined, c)
			}
		}
		emit(joined, start, end, flags)
	}
}

var notWord = []byte("not")

// wordEnd finds where the word that starts at text[start] ends.
func wordEnd(text string, start int) int {
	i := start
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isWordRune(r):
		case (r == '\'' || r == '’') && i+size < len(text) && isWordRune(rune(text[i+size])):
		case r == '-' && joinsHyphen(text, start, i):
		default:
			return i
		}
		i += size
	}
	return i
}

// bareContractions reads contractions typed without their apostrophe, as
// people do on phones and in a hurry: "cant" is "can not", "im" is "i",
// "hes" is "he".
// Those that are also words ("ill", "were", "id", "lets", "shed", "well")
// are left alone; "wont" is taken as "won't", far more often meant.
var bareContractions = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"cannot": "can", "cant": "can", "wont": "will", "dont": "do", "doesnt": "does", "didnt": "did",
		"isnt": "is", "arent": "are", "wasnt": "was", "werent": "were", "couldnt": "could",
		"shouldnt": "should", "wouldnt": "would", "havent": "have", "hasnt": "has", "hadnt": "had",
		"mustnt": "must", "neednt": "need", "aint": "is", "shant": "shall", "mightnt": "might",
		"im": "i", "ive": "i", "youre": "you", "youve": "you", "youll": "you", "theyre": "they",
		"theyve": "they", "theyll": "they", "weve": "we", "hes": "he", "shes": "she", "thats": "that",
		"whats": "what", "theres": "there", "heres": "here", "wheres": "where", "whos": "who",
	}
})

// bareShapes are the shapes of bareContractions' words, by length and
// first letter a set of last letters: most words are ruled out by their
// shape, which is cheaper than looking them up.
var bareShapes = sync.OnceValue(func() *[16][26]uint32 {
	var shapes [16][26]uint32
	for w := range bareContractions() {
		shapes[len(w)][w[0]-'a'] |= 1 << (w[len(w)-1] - 'a')
	}
	return &shapes
})

// bareBase is the base of w if it is one of bareContractions' words.
func bareBase(w []byte) (string, bool) {
	shapes := bareShapes()
	if len(w) >= len(shapes) {
		return "", false
	}
	first, last := w[0]-'a', w[len(w)-1]-'a'
	if first >= 26 || last >= 26 || shapes[len(w)][first]&(1<<last) == 0 {
		return "", false
	}
	base, ok := bareContractions()[string(w)]
	return base, ok
}

// negatedBases repairs the stems that "n't" leaves irregular: can't, won't.
var negatedBases = map[string]string{"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// quoted says whether text[at] is inside quotation marks: someone else's
// words ("she wrote 'please come to my son's vigil'"). A single quote
// between two letters is an apostrophe; one before a word opens a quote and
// one after a word closes it.
func quoted(text string, at int) bool {
	open := false
	prev := ' '
	for i := 0; i < at; {
		r, size := utf8.DecodeRuneInString(text[i:])
		next, _ := utf8.DecodeRuneInString(text[i+size:])
		i += size
		switch r {
		case '"':
			open = !open
		case '“':
			open = true
		case '”':
			open = false
		case '\'', '‘', '’':
			switch {
			case isWordRune(prev) && isWordRune(next):
			case !isWordRune(prev) && isWordRune(next):
				open = true
			case !isWordRune(next):
				open = false
			}
		}
		prev = r
	}
	return open
}

func endsSentence(r rune) bool {
	switch r {
	case '.', '!', '?', ';', ':', '\n', '…':
		return true
	}
	return false
}

// joinsHyphen says whether the hyphen at text[i] joins the word begun at
// start to the next into one: a capitalised word of two letters or more
// and the word after it, both rare in everyday English, are one name
// ("Eun-ji", "Seo-yeon"), where "Self-doubt" and "Last-minute" are two
// words the lexicon knows. A name with a common part ("Min-jun", "Ji-ho")
// stays two words.
func joinsHyphen(text string, start, i int) bool {
	first, _ := utf8.DecodeRuneInString(text[start:])
	if !unicode.IsUpper(first) || utf8.RuneCountInString(text[start:i]) < 2 {
		return false
	}
	end := i + 1
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsLetter(r) {
			if unicode.IsDigit(r) {
				return false // "Eun-ji2" is a handle, not a name
			}
			break
		}
		end += size
	}
	return end > i+1 && zipfOf(strings.ToLower(text[start:i])) < rareNamePart && zipfOf(strings.ToLower(text[i+1:end])) < rareNamePart
}

// rareNamePart is how rare in everyday English (as a Zipf value) each part
// of a hyphenated name must be.
const rareNamePart = 3.5
