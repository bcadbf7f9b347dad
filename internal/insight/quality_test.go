package insight

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/prompts"
)

// labels names, for a fixture journal, the entries of each planted theme
// and the one-off noise entries.
type labels struct {
	Themes map[string][]string `json:"themes"`
	Noise  []string            `json:"noise"`
}

// fixtures are journals by invented people with themes planted in varied
// words, each with its labels.
var fixtures = []struct {
	name  string
	today journal.Date
}{
	{"noor", "2026-07-01"},
	{"bea", "2026-06-01"},
}

// The bar the issue sets: the best of the top 12 themes matches each planted
// theme with F1 >= 0.5, for all planted themes but one.
const (
	topThemes = 12
	minF1     = 0.5
)

func TestPatternsFindPlantedThemes(t *testing.T) {
	lex := builtinLexicon(t)
	for _, fx := range fixtures {
		t.Run(fx.name, func(t *testing.T) {
			entries := readFixture(t, fx.name+".json")
			lab := readLabels(t, fx.name+".labels.json")
			report := Patterns(entries, lex, Options{Today: fx.today, MaxThemes: topThemes})
			uids := uidsByID(entries)

			found := 0
			names := make([]string, 0, len(lab.Themes))
			for name := range lab.Themes {
				names = append(names, name)
			}
			slices.Sort(names)
			for _, name := range names {
				f1, best := bestMatch(lab.Themes[name], report.Themes, uids)
				t.Logf("%-12s F1 %.2f  best: %s", name, f1, best)
				if f1 >= minF1 {
					found++
				}
			}
			if found < len(names)-1 {
				t.Errorf("found %d of %d planted themes with F1 >= %.1f; want at least %d", found, len(names), minF1, len(names)-1)
			}
			noise := setOf(lab.Noise)
			for _, th := range report.Themes {
				n := 0
				for _, id := range th.Entries {
					if noise[uids[id]] {
						n++
					}
				}
				t.Logf("theme %-40q %-16s %2d entries, %d noise, %s", th.Label, th.Source, th.Count, n, strings.Join(th.Terms[:min(4, len(th.Terms))], ", "))
				if 2*n >= th.Count {
					t.Errorf("theme %q is mostly noise entries (%d of %d)", th.Label, n, th.Count)
				}
			}
		})
	}
}

// bestMatch finds the theme whose entries best match the planted ones.
func bestMatch(planted []string, themes []Theme, uids map[int64]string) (float64, string) {
	want := setOf(planted)
	best, label := 0.0, "(none)"
	for _, th := range themes {
		hit := 0
		for _, id := range th.Entries {
			if want[uids[id]] {
				hit++
			}
		}
		if hit == 0 {
			continue
		}
		precision := float64(hit) / float64(len(th.Entries))
		recall := float64(hit) / float64(len(want))
		if f1 := 2 * precision * recall / (precision + recall); f1 > best {
			best, label = f1, fmt.Sprintf("%q (%s, P %.2f R %.2f)", th.Label, th.Source, precision, recall)
		}
	}
	return best, label
}

func builtinLexicon(t testing.TB) Lexicon {
	t.Helper()
	data, err := prompts.FS.ReadFile("lexicon.toml")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := ParseLexicon(data)
	if err != nil {
		t.Fatalf("prompts/lexicon.toml: %v", err)
	}
	return lex
}

func readFixture(t testing.TB, name string) []journal.Entry {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := journal.DecodeDocument(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc.Entries
}

func readLabels(t testing.TB, name string) labels {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var lab labels
	if err := json.Unmarshal(data, &lab); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return lab
}

func uidsByID(entries []journal.Entry) map[int64]string {
	m := make(map[int64]string, len(entries))
	for _, e := range entries {
		m[e.ID] = e.UID
	}
	return m
}

func setOf(items []string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, s := range items {
		m[s] = true
	}
	return m
}
