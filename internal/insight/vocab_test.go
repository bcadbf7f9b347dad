package insight

import (
	"fmt"
	"testing"
)

func TestVocabKeepsIDsAsItGrows(t *testing.T) {
	v := newVocab()
	ids := map[string]int32{}
	for i := range 20000 {
		w := fmt.Sprintf("word%d", i)
		ids[w] = v.word([]byte(w))
	}
	for w, id := range ids {
		if got := v.word([]byte(w)); got != id || v.words[id].text != w {
			t.Fatalf("%q: id %d then %d (%q)", w, id, got, v.words[got].text)
		}
	}
	if len(v.words) != len(ids) {
		t.Errorf("%d words for %d distinct ones", len(v.words), len(ids))
	}
}

func TestVocabStemsAndStopWords(t *testing.T) {
	v := newVocab()
	over, overcommit := v.word([]byte("overcommitted")), v.word([]byte("overcommitting"))
	if v.words[over].stem != v.words[overcommit].stem {
		t.Error("overcommitted and overcommitting have different stems")
	}
	for word, content := range map[string]bool{"marcus": true, "the": false, "felt": false, "3pm": false, "a": false, "zoë": true} {
		if got := v.words[v.word([]byte(word))].contentStem >= 0; got != content {
			t.Errorf("%q content = %v; want %v", word, got, content)
		}
	}
}

func TestVocabStemsSpellingsAlike(t *testing.T) {
	v := newVocab()
	same := [][2]string{
		{"prioritised", "prioritized"}, {"behaviour", "behavior"}, {"organised", "organized"},
		{"analysed", "analyzed"}, {"centre", "center"}, {"cancelled", "canceled"},
		{"fri", "friday"}, {"mum", "mom"},
	}
	for _, p := range same {
		if a, b := v.stemOf(p[0]), v.stemOf(p[1]); a != b {
			t.Errorf("%q and %q stem to %q and %q; want one stem", p[0], p[1], v.stems[a], v.stems[b])
		}
	}
	apart := [][2]string{{"fried", "friday"}, {"blanked", "blank"}, {"promise", "promize"}}
	for _, p := range apart {
		if v.stemOf(p[0]) == v.stemOf(p[1]) {
			t.Errorf("%q and %q share a stem; want them apart", p[0], p[1])
		}
	}
}
