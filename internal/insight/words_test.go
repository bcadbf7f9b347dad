package insight

import (
	"fmt"
	"strings"
	"testing"
)

func TestScanWords(t *testing.T) {
	tests := []struct {
		text string
		want string // each word as lower@start-end, with ^ for a sentence start and C for a capital
	}{
		{"I said yes.", "i@0-1^C said@2-6 yes@7-10"},
		{"Didn't ask Marcus's team", "did@0-6^C not@0-6 ask@7-10 marcus@11-19C team@20-24"},
		{"can't, won't; cannot", "can@0-5^ not@0-5 will@7-12 not@7-12 can@14-20^ not@14-20"},
		{"triple-booked again", "triple@0-6^ booked@7-13 again@14-19"},
		{"It’s the RFC. Then…", "it@0-6^C the@7-10 rfc@11-14C then@16-20^C"},
		{"Zoë's café", "zoë@0-6^C café@7-12"},
		{"o'clock 3pm", "oclock@0-7^ 3pm@8-11"},
		{"first line\nsecond", "first@0-5^ line@6-10 second@11-17^"},
		{"cant say no, didnt ask; im fine", "can@0-4^ not@0-4 say@5-8 no@9-11 did@13-18 not@13-18 ask@19-22 i@24-26^ fine@27-31"},
		{"hes late, theres nothing", "he@0-3^ late@4-8 there@10-16 nothing@17-24"},
		{"Eun-ji's turn. Self-doubt, Last-minute", "eun-ji@0-8^C turn@9-13 self@15-19^C doubt@20-25 last@27-31C minute@32-38"},
		{"Eun-ji’s X-ray, Eun- Eun-ji2", "eun-ji@0-10^C x@11-12C ray@13-16 eun@18-21C eun@23-26C ji2@27-30"},
	}
	for _, tt := range tests {
		var got []string
		scanWords(tt.text, nil, func(lower []byte, start, end int, flags uint8) {
			mark := ""
			if flags&startsSentence != 0 {
				mark += "^"
			}
			if flags&capitalised != 0 {
				mark += "C"
			}
			got = append(got, fmt.Sprintf("%s@%d-%d%s", lower, start, end, mark))
		})
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("scanWords(%q)\n got %s\nwant %s", tt.text, g, tt.want)
		}
	}
}

func TestScanWordsFlagsAcronyms(t *testing.T) {
	var flags []uint8
	scanWords("the CI and the PR", nil, func(_ []byte, _, _ int, f uint8) { flags = append(flags, f) })
	if flags[1]&allCaps == 0 || flags[4]&allCaps == 0 || flags[2]&allCaps != 0 {
		t.Errorf("flags = %v; want CI and PR marked as acronyms, and only them", flags)
	}
}

func TestWordEndMatchesScan(t *testing.T) {
	text := "Didn't Zoë’s plan-B work? Yes: o'clock."
	scanWords(text, nil, func(_ []byte, start, end int, _ uint8) {
		if got := wordEnd(text, start); got != end {
			t.Errorf("wordEnd(%q, %d) = %d; scanWords says %d", text, start, got, end)
		}
	})
}

func TestQuoted(t *testing.T) {
	// | marks the place asked about.
	for text, want := range map[string]bool{
		"my |son was late": false,
		"she wrote 'please come to my |son's vigil' today": true,
		"she wrote 'please come' to my |son":               false,
		`he said "my |boss hates me" and left`:             true,
		`he said "no" and my |boss laughed`:                false,
		"she wrote ‘my |son’s vigil’":                      true,
		"my son’s friends’ parents and my |son":            false,
		"the Smiths' dog and my |son":                      false,
		"bad \xff\xfe bytes, 'then my |son":                true,
		"ends badly \xe2\x80|":                             false,
	} {
		at := strings.Index(text, "|")
		if got := quoted(strings.Replace(text, "|", "", 1), at); got != want {
			t.Errorf("quoted(%q) = %v, want %v", text, got, want)
		}
	}
}
