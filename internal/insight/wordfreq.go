package insight

import "github.com/failup/failup/internal/wordfreq"

// rareZipf stands for a word the background list lacks: rarer than all it
// holds.
const rareZipf = 2.0

// zipfOf is how common word is in everyday English.
func zipfOf(word string) float32 {
	if z, ok := wordfreq.Zipf(word); ok {
		return z
	}
	return rareZipf
}
