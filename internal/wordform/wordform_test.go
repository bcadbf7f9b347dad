package wordform

import (
	"slices"
	"strings"
	"testing"
)

func TestFormsShareAForm(t *testing.T) {
	for _, family := range [][]string{
		{"sleep", "sleeps", "sleeping", "slept", "Sleep"},
		{"defend", "defends", "defended", "defending", "defensive", "defensiveness", "defense", "defence"},
		{"decide", "decided", "decision", "decisions", "decisive"},
		{"freeze", "froze", "frozen", "freezing"},
		{"tired", "tiredness", "tire"},
		{"fail", "failed", "failure", "failures", "failing"},
		{"happy", "happiness", "happily"},
		{"anxious", "anxiety"},
	} {
		want := Form(family[0])
		for _, w := range family[1:] {
			if got := Form(Words(w)[0]); got != want {
				t.Errorf("Form(%q) = %q, want %q like %q", w, got, want, family[0])
			}
		}
	}
}

func TestFormsKeepApart(t *testing.T) {
	for _, pair := range [][2]string{{"sleep", "slip"}, {"defend", "deadline"}, {"priya", "pria"}, {"car", "care"}} {
		if Form(pair[0]) == Form(pair[1]) {
			t.Errorf("%q and %q share the form %q", pair[0], pair[1], Form(pair[0]))
		}
	}
}

func TestEachStripsPossessivesAndContractions(t *testing.T) {
	text := "Priya’s review, Marcus's notes; I didn't, can't, won't: we'd O'Neill rock-solid Ünïcode 42"
	want := []string{"priya", "review", "marcus", "notes", "i", "did", "can", "will", "we", "oneill", "rock", "solid", "ünïcode", "42"}
	if got := Words(text); !slices.Equal(got, want) {
		t.Errorf("Words = %q\nwant    %q", got, want)
	}
	var spans []string
	Each("Priya's plan", func(_ string, start, end int) { spans = append(spans, "Priya's plan"[start:end]) })
	if !slices.Equal(spans, []string{"Priya's", "plan"}) {
		t.Errorf("spans = %q, want the words as written", spans)
	}
}

func TestText(t *testing.T) {
	if got, want := Text("I slept badly; Priya's defensive."), "i sleep bad priya defens"; got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
	if got := Text(" -- *** "); got != "" {
		t.Errorf("Text of no words = %q", got)
	}
}

func TestPrefixReachesWordsBeingTyped(t *testing.T) {
	// Each typed beginning of a word must reach the word's form, either as
	// the beginning of the form or as the form itself.
	for _, word := range []string{"sleeping", "slept", "defensiveness", "deadlines", "happiness", "priya"} {
		form := Form(word)
		for n := 3; n <= len(word); n++ {
			starts, exact := Prefix(word[:n])
			ok := slices.Contains(exact, form) || slices.ContainsFunc(starts, func(s string) bool { return len(s) <= len(form) && form[:len(s)] == s })
			if !ok {
				t.Errorf("typing %q of %q (form %q): starts %q, exact %q", word[:n], word, form, starts, exact)
			}
		}
	}
}

// A typed word reaches no word its form begins but it does not: "breaks"
// is "break", which begins "breakfast".
func TestPrefixStaysWithinWhatWasTyped(t *testing.T) {
	for typed, notReached := range map[string]string{"breaks": "breakfast", "went": "goal", "lonely": "lonesome", "tired": "tireless"} {
		starts, exact := Prefix(typed)
		form := Form(notReached)
		if slices.Contains(exact, form) || slices.ContainsFunc(starts, func(s string) bool { return strings.HasPrefix(form, s) }) {
			t.Errorf("typing %q reaches %q (form %q): starts %q, exact %q", typed, notReached, form, starts, exact)
		}
	}
}

func BenchmarkText(b *testing.B) {
	text := "I froze when Priya asked me to walk through a decision I had made. I had slept four hours and didn't prepare; the worst part was that I had seen it coming."
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Text(text)
	}
}

func TestFamiliesKeepTheirInitial(t *testing.T) {
	for stem, root := range family() {
		if stem[0] != root[0] {
			t.Errorf("family %q → %q changes the first letter, which KeepsInitial relies on", stem, root)
		}
	}
	for _, w := range []string{"sleeping", "defensiveness", "priya", "happily", "ünïcode"} {
		if !KeepsInitial(w) || Form(w)[0] != w[0] {
			t.Errorf("Form(%q) = %q", w, Form(w))
		}
	}
	if KeepsInitial("went") {
		t.Error("went is go")
	}
}
