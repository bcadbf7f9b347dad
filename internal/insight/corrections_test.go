package insight

import (
	"slices"
	"testing"

	"github.com/failup/failup/internal/journal"
)

func themeByKey(r Report, key string) (Theme, bool) {
	i := slices.IndexFunc(r.Themes, func(th Theme) bool { return th.Key == key })
	if i < 0 {
		return Theme{}, false
	}
	return r.Themes[i], true
}

func TestCorrectionsShapeTheThemes(t *testing.T) {
	entries := readFixture(t, "noor.json")
	lex := builtinLexicon(t)
	before := Patterns(entries, lex, Options{})
	yes, ok := themeByKey(before, "pattern:overcommitment")
	if !ok {
		t.Fatal("no overcommitment theme to correct")
	}
	marcus, ok := themeByKey(before, "name:marcus")
	if !ok {
		t.Fatal("no Marcus theme to correct")
	}
	fatigue, _ := themeByKey(before, "pattern:fatigue")
	uids := uidsByID(entries)
	outsider := slices.IndexFunc(entries, func(e journal.Entry) bool { return !slices.Contains(marcus.Entries, e.ID) })

	after := Patterns(entries, lex, Options{Corrections: Corrections{
		Dismissed: []string{"pattern:overcommitment"},
		Renames:   map[string]string{"name:marcus": "my manager Marcus"},
		Merges:    []Merge{{Into: "name:marcus", From: "pattern:fatigue"}},
		Removed:   []Membership{{Theme: "name:marcus", UID: uids[marcus.Entries[0]]}},
		Added:     []Membership{{Theme: "name:marcus", UID: entries[outsider].UID}},
	}})
	if _, ok := themeByKey(after, yes.Key); ok {
		t.Error("the dismissed theme is still reported")
	}
	if _, ok := themeByKey(after, "pattern:fatigue"); ok {
		t.Error("the theme merged away is still reported on its own")
	}
	got, ok := themeByKey(after, "name:marcus")
	if !ok {
		t.Fatal("the corrected Marcus theme is gone")
	}
	if got.Label != "my manager Marcus" {
		t.Errorf("label %q; want the person's own", got.Label)
	}
	want := map[int64]bool{entries[outsider].ID: true}
	for _, id := range append(slices.Clone(marcus.Entries[1:]), fatigue.Entries...) {
		want[id] = true
	}
	delete(want, marcus.Entries[0])
	if len(got.Entries) != len(want) {
		t.Errorf("%d entries; want %d: Marcus's and fatigue's, one removed, one added", len(got.Entries), len(want))
	}
	for _, id := range got.Entries {
		if !want[id] {
			t.Errorf("entry %d in the corrected theme; not asked for", id)
		}
	}
}

func TestWordsForAThemeFindNewEntries(t *testing.T) {
	entries := personEntries(
		"Wrote the grant report at midnight again.",
		"The grant report was late because I started it on the day.",
		"Grant report rushed, numbers wrong.",
		"Left the quarterly numbers for the funder until the last evening.",
		"Missed the bus and was late for the dentist.",
		"The oven timer failed and the bread burnt.",
		"Forgot my keys at the gym and waited an hour.",
		"The printer jammed on the morning of the exam.",
		"Spilt coffee on the laptop before the call.",
		"Booked the wrong date for the car service.",
	)
	before := Patterns(entries, Lexicon{}, Options{})
	i := slices.IndexFunc(before.Themes, func(th Theme) bool { return th.Label == "grant report" })
	if i < 0 {
		t.Fatalf("no grant report theme in %v", before.Themes)
	}
	key := before.Themes[i].Key
	after := Patterns(entries, Lexicon{}, Options{Corrections: Corrections{Words: map[string][]string{key: {"funder"}}}})
	got, ok := themeByKey(after, key)
	if !ok || got.Count != 4 {
		t.Errorf("theme %q has %d entries; want the 3 it had and the one that names the funder", got.Label, got.Count)
	}
	if len(after.Themes) != len(before.Themes) {
		t.Errorf("%d themes; want %d, the person's words joined to their theme", len(after.Themes), len(before.Themes))
	}
}

func TestCorrectionsValidate(t *testing.T) {
	bad := []Corrections{
		{Words: map[string][]string{"name:deb": {"de*"}}},
		{Renames: map[string]string{"name:deb": "  "}},
		{Merges: []Merge{{Into: "name:deb", From: "name:deb"}}},
	}
	for _, k := range bad {
		if k.Validate() == nil {
			t.Errorf("%+v validates; want an error", k)
		}
	}
	if err := (Corrections{Words: map[string][]string{"name:deb": {"my sister"}}}).Validate(); err != nil {
		t.Errorf("good corrections: %v", err)
	}
}

func TestTakingAnEntryOutTakesOutThatEntryAlone(t *testing.T) {
	// In ewan's journal entries join "running on empty" and "putting off a
	// hard conversation" by being written like their own; taking one of
	// those out used to let another in, or push one out, as the votes
	// were counted again without it.
	entries := readFixture(t, "ewan.json")
	lex := builtinLexicon(t)
	before := Patterns(entries, lex, Options{})
	uid := map[int64]string{}
	for _, e := range entries {
		uid[e.ID] = e.UID
	}
	for _, th := range before.Themes {
		if th.Label != "running on empty" && th.Label != "putting off a hard conversation" {
			continue
		}
		for _, id := range th.Entries {
			out := Corrections{Removed: []Membership{{Theme: th.Key, UID: uid[id]}}}
			after := Patterns(entries, lex, Options{Corrections: out})
			want := slices.DeleteFunc(slices.Clone(th.Entries), func(e int64) bool { return e == id })
			i := slices.IndexFunc(after.Themes, func(a Theme) bool { return a.Key == th.Key })
			if i < 0 || !slices.Equal(after.Themes[i].Entries, want) {
				t.Errorf("%s without entry %d: %v; want %v", th.Label, id, after.Themes[max(i, 0)].Entries, want)
			}
		}
	}
}
