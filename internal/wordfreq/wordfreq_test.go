package wordfreq

import "testing"

func TestZipfOrdersEverydayWords(t *testing.T) {
	if n := len(zipfs()); n < 25000 {
		t.Fatalf("the list holds %d words; want about 30,000", n)
	}
	order := []string{"the", "work", "wrist", "deadline"}
	for i := 1; i < len(order); i++ {
		a, _ := Zipf(order[i-1])
		b, _ := Zipf(order[i])
		if a <= b {
			t.Errorf("%q (%.1f) is not commoner than %q (%.1f)", order[i-1], a, order[i], b)
		}
	}
	if _, ok := Zipf("procrastinatory"); ok {
		t.Error(`"procrastinatory" is in the list; want a word rarer than all it holds`)
	}
}
