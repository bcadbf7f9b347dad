package insight

import (
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// vocab gives every distinct lowercased word a small id and stems each word
// once, however often it occurs. Looking words up is the hottest loop of
// all, so words live in an open-addressing table of their own.
type vocab struct {
	// slots hold, for each word, its hash's high half and its id plus one.
	slots   []uint64
	words   []wordInfo
	stemIDs map[string]int32
	stems   []string
}

type wordInfo struct {
	text string
	stem int32
	// contentStem is the stem of a content word, one that can name a theme
	// (not a stop word, no digits, 2+ letters), and -1 for other words.
	contentStem int32
	// function words may stand inside a lexicon term without breaking it.
	function bool
	// notName words are capitalised whatever they mean: "Friday", "I".
	notName bool
	// midUses counts uses in mid-sentence, capUses those capitalised.
	midUses, capUses int32
	// personUses counts uses in a context that shows a person.
	personUses int32
	// cue says what the word tells about the words around it (see
	// notePerson): a person may follow it or come before it, a role
	// follows "my", and "St" starts a place.
	cue uint8
	// role is the index in roles of a role word, or -1.
	role int16
}

// Cues a word gives about its neighbours.
const (
	cuePersonBefore uint8 = 1 << iota
	cuePersonAfter
	cueMy
	cueSaint
)

func cueOf(text string) uint8 {
	var cue uint8
	if personBefore()[text] {
		cue |= cuePersonBefore
	}
	if personAfter()[text] {
		cue |= cuePersonAfter
	}
	switch text {
	case "my":
		cue |= cueMy
	case "st", "saint":
		cue |= cueSaint
	}
	return cue
}

func newVocab() *vocab {
	return &vocab{slots: make([]uint64, 1<<12), stemIDs: make(map[string]int32, 4096)}
}

// word returns the id of lower, adding it on first sight.
func (v *vocab) word(lower []byte) int32 {
	h := hashWord(lower)
	mask := uint64(len(v.slots) - 1)
	i := h & mask
	for ; v.slots[i] != 0; i = (i + 1) & mask {
		if slot := v.slots[i]; slot>>32 == h>>32 {
			if id := int32(slot&0xffffffff) - 1; v.words[id].text == string(lower) {
				return id
			}
		}
	}
	text := string(lower)
	id := int32(len(v.words))
	w := wordInfo{text: text, stem: v.stemOf(text), contentStem: -1, function: functionWords()[text], notName: notNames()[text], cue: cueOf(text), role: -1}
	if r, ok := roleNames()[text]; ok {
		w.role = r
	}
	if isContent(text) && fits(w.stem) {
		w.contentStem = w.stem
	}
	v.words = append(v.words, w)
	v.slots[i] = h&^0xffffffff | uint64(id+1)
	if 2*len(v.words) > len(v.slots) {
		v.grow()
	}
	return id
}

func (v *vocab) grow() {
	old := v.slots
	v.slots = make([]uint64, 2*len(old))
	mask := uint64(len(v.slots) - 1)
	for _, slot := range old {
		if slot == 0 {
			continue
		}
		id := slot&0xffffffff - 1
		i := hashWord([]byte(v.words[id].text)) & mask
		for v.slots[i] != 0 {
			i = (i + 1) & mask
		}
		v.slots[i] = slot
	}
}

// hashWord is 64-bit FNV-1a: words are short, and this beats a general map.
func hashWord(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// stemOf returns the stem id of a lowercased word.
func (v *vocab) stemOf(text string) int32 {
	stem := stemText(text)
	if id, ok := v.stemIDs[stem]; ok {
		return id
	}
	id := int32(len(v.stems))
	v.stemIDs[stem] = id
	v.stems = append(v.stems, stem)
	return id
}

// stemText is the stem of a lowercased word as text.
func stemText(text string) string {
	if s, ok := stemOverrides()[text]; ok {
		return s
	}
	if isStemmable(text) {
		return english.Stem(americanSpelling(text), true)
	}
	return text
}

// isStemmable keeps the English stemmer to plain ASCII words: it would
// mangle names and words in other scripts.
func isStemmable(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isContent(text string) bool {
	if utf8.RuneCountInString(text) < 2 || stopWords()[text] {
		return false
	}
	for i := 0; i < len(text); i++ {
		if '0' <= text[i] && text[i] <= '9' {
			return false
		}
	}
	return true
}
