package insight

import "testing"

func TestBackgroundFrequencies(t *testing.T) {
	if n := len(background()); n < 25000 {
		t.Fatalf("background has %d words; want the 30,000 commonest", n)
	}
	order := []string{"the", "work", "wrist", "deadline", "zzyzxq"}
	for i := 1; i < len(order); i++ {
		if zipfOf(order[i-1]) <= zipfOf(order[i]) {
			t.Errorf("zipf(%q) = %.1f <= zipf(%q) = %.1f; want the commoner word higher",
				order[i-1], zipfOf(order[i-1]), order[i], zipfOf(order[i]))
		}
	}
	if !background()["deb"].capital || background()["work"].capital {
		t.Error("capital flags: want Deb capitalised and work not")
	}
}
