// Package wordfreq says how common a word is in everyday English: the
// background against which the patterns tell a person's own words from
// anyone's, and by which search tells a word from a slip of the fingers.
package wordfreq

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
// (LICENSE says where it comes from and how it is laid out).
//
//go:embed subtlex.txt.gz
var subtlex []byte

// zipfs maps a lowercased word to its Zipf value.
var zipfs = sync.OnceValue(func() map[string]float32 {
	zr, err := gzip.NewReader(bytes.NewReader(subtlex))
	if err != nil {
		panic("wordfreq: the embedded word frequencies are corrupt: " + err.Error())
	}
	out := make(map[string]float32, 30000)
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		z, err := strconv.Atoi(fields[0])
		if err != nil {
			panic("wordfreq: the embedded word frequencies are corrupt: " + err.Error())
		}
		for _, w := range fields[1:] {
			out[strings.ToLower(w)] = float32(z) / 10
		}
	}
	if err := sc.Err(); err != nil {
		panic("wordfreq: the embedded word frequencies are corrupt: " + err.Error())
	}
	return out
})

// Zipf is how common the lowercased word is in everyday English: the
// base-10 logarithm of its frequency per billion words, about 7 for "the",
// 5 for "work", 3 for "wrist". ok is false for a word the list lacks,
// which is rarer than all it holds.
func Zipf(lower string) (zipf float32, ok bool) {
	zipf, ok = zipfs()[lower]
	return zipf, ok
}
