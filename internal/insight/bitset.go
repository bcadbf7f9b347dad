package insight

import "math/bits"

// entrySet is a set of entry indexes, one bit each: intersecting the sets of
// hundreds of phrases over a large journal stays cheap.
type entrySet []uint64

func newEntrySet(n int) entrySet { return make(entrySet, (n+63)/64) }

func (s entrySet) add(i int32) { s[i>>6] |= 1 << (uint(i) & 63) }

func (s entrySet) count() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// common counts the entries in both s and t.
func (s entrySet) common(t entrySet) int {
	n := 0
	for i, w := range s {
		n += bits.OnesCount64(w & t[i])
	}
	return n
}

func (s entrySet) has(i int32) bool { return s[i>>6]&(1<<(uint(i)&63)) != 0 }
