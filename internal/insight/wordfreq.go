package insight

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

// subtlex is how often everyday English uses its 30,000 commonest words
// (wordfreq/LICENSE says where it comes from and how it is laid out).
//
//go:embed wordfreq/subtlex.txt.gz
var subtlex []byte

// wordUse is what the background list says of one word.
type wordUse struct {
	// zipf is the base-10 logarithm of the word's frequency per billion
	// words: about 7 for "the", 5 for "work", 3 for "wrist".
	zipf float32
	// capital marks a word the list writes with a capital: mostly names,
	// places and titles ("Deb", "Caspian", "Mr").
	capital bool
}

// rareZipf stands for a word the list lacks: rarer than all it holds.
const rareZipf = 2.0

// background maps a lowercased word to its use in everyday English.
var background = sync.OnceValue(func() map[string]wordUse {
	zr, err := gzip.NewReader(bytes.NewReader(subtlex))
	if err != nil {
		panic("insight: the embedded word frequencies are corrupt: " + err.Error())
	}
	uses := make(map[string]wordUse, 30000)
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		z, err := strconv.Atoi(fields[0])
		if err != nil {
			panic("insight: the embedded word frequencies are corrupt: " + err.Error())
		}
		for _, w := range fields[1:] {
			lower := strings.ToLower(w)
			uses[lower] = wordUse{zipf: float32(z) / 10, capital: lower != w}
		}
	}
	if err := sc.Err(); err != nil {
		panic("insight: the embedded word frequencies are corrupt: " + err.Error())
	}
	return uses
})

// zipfOf is how common word is in everyday English.
func zipfOf(word string) float32 {
	if u, ok := background()[word]; ok {
		return u.zipf
	}
	return rareZipf
}
