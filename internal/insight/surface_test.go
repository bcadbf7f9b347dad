package insight

import (
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A theme named by its key is named in the words its entries use: the
// phrase as written, not its stems; the name with its capitals.
func TestWrittenNamesAreTheWordsWritten(t *testing.T) {
	entries := readFixture(t, "harriet.json")
	r := Patterns(entries, builtinLexicon(t), Options{Today: "2026-12-01"})
	if !hasKey(r, "phrase:enquiri") {
		t.Fatalf("themes %q; want one with the key phrase:enquiri", themeKeys(r))
	}
	entries = append(entries, personEntries("Grant called: the granary roof again.", "The GRANT form was late, and mo's invoices.")...)
	got, err := WrittenNames(yieldAll(entries, nil), []string{"phrase:enquiri", "name:mo", "phrase:enquiri", "name:gran", "phrase:unwritten", "pattern:overcommitment", "name:"})
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"phrase:enquiri": "enquiries", "name:mo": "Mo"}; !maps.Equal(got, want) {
		t.Errorf("written names %q; want %q", got, want)
	}

	fail := errors.New("the journal could not be read")
	if _, err := WrittenNames(yieldAll(entries, fail), []string{"phrase:enquiri"}); !errors.Is(err, fail) {
		t.Errorf("a failed read: %v; want %v", err, fail)
	}
}

// Once every key has been seen often enough, the rest of a journal is not
// read: here, not as far as the entry that cannot be read.
func TestWrittenNamesStopReadingOnceSure(t *testing.T) {
	var texts []string
	for range 2 * enoughUses {
		texts = append(texts, "The enquiries again, and Marcus said nothing.")
	}
	got, err := WrittenNames(yieldAll(personEntries(texts...), errors.New("read too far")), []string{"phrase:enquiri", "name:marcus"})
	if want := map[string]string{"phrase:enquiri": "enquiries", "name:marcus": "Marcus"}; err != nil || !maps.Equal(got, want) {
		t.Errorf("written names %q, %v; want %q", got, err, want)
	}
}

// In the fixture journals, a name theme's key gives back its label (the
// name, without the role a label may add: "Ida (my daughter)"), and a
// phrase theme's gives back words whose stems are the key: its label, or
// the shorter phrase a longer label holds.
func TestWrittenNamesGiveBackTheLabels(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	themes := 0
	for _, path := range paths {
		if strings.HasSuffix(path, ".labels.json") {
			continue
		}
		entries := readFixture(t, filepath.Base(path))
		r := Patterns(entries, builtinLexicon(t), Options{Today: "2026-12-01"})
		got, err := WrittenNames(yieldAll(entries, nil), themeKeys(r))
		if err != nil {
			t.Fatal(err)
		}
		for _, th := range r.Themes {
			name, ok := got[th.Key]
			switch {
			case th.Source == SourceLexicon:
				if ok {
					t.Errorf("%s: a lexicon pattern named %q", path, name)
				}
				continue
			case th.Source == SourceName && name != th.Label && !strings.HasPrefix(th.Label, name+" (my "):
				t.Errorf("%s: name theme %q (%s) named %q", path, th.Label, th.Key, name)
			case th.Source == SourceRecurringPhrase && (!ok || keyOf(name) != th.Key):
				t.Errorf("%s: phrase theme %q (%s) named %q, whose key is %q", path, th.Label, th.Key, name, keyOf(name))
			}
			themes++
		}
	}
	if themes == 0 {
		t.Fatal("no themes found by phrase or name")
	}
}

// keyOf is the phrase key of text, its content words' stems.
func keyOf(text string) string {
	var stems []string
	scanWords(text, nil, func(lower []byte, _, _ int, _ uint8) {
		if w := string(lower); isContent(w) {
			stems = append(stems, stemText(w))
		}
	})
	return keyPhrase + strings.Join(stems, " ")
}

func themeKeys(r Report) []string {
	var keys []string
	for _, th := range r.Themes {
		keys = append(keys, th.Key)
	}
	return keys
}

func hasKey(r Report, key string) bool {
	for _, th := range r.Themes {
		if th.Key == key {
			return true
		}
	}
	return false
}

// BenchmarkWrittenNames100k names phrase themes and a name theme from a
// journal of 100,000 entries, one of them a phrase it does not have: the
// one read of all of it that naming may cost a command.
func BenchmarkWrittenNames100k(b *testing.B) {
	entries := bigJournal(b)
	keys := []string{"phrase:said yes", "phrase:deadlin", "name:marcus", "phrase:enquiri"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WrittenNames(yieldAll(entries, nil), keys); err != nil {
			b.Fatal(err)
		}
	}
}

// Every word begins with a probe of its stem, however the stemmer and
// americanSpelling changed its end (in every fixture journal), so that no field holding a key's words
// is passed over.
func TestEveryWordBeginsWithAProbeOfItsStem(t *testing.T) {
	words := strings.Fields("favourite Favourites centre theatres dying Lying skies shy dry weds Thurs sceptical " +
		"mummy cheque grey tyres possibility possibly organisations realised colour rumours analysing hoping")
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	for _, path := range paths {
		if strings.HasSuffix(path, ".labels.json") {
			continue
		}
		for _, e := range readFixture(t, filepath.Base(path)) {
			words = append(words, strings.Fields(e.Title+" "+e.Lesson)...)
			for _, a := range e.Answers {
				words = append(words, strings.Fields(a.Text)...)
			}
		}
	}
	for _, w := range words {
		scanWords(w, nil, func(lower []byte, start, end int, _ uint8) {
			if !isContent(string(lower)) {
				return
			}
			stem, written := stemText(string(lower)), w[start:end]
			if !slices.ContainsFunc(stemProbes(stem), func(p string) bool { return beginsWith(written, p) }) {
				t.Errorf("%q (stem %q) begins with none of %q", written, stem, stemProbes(stem))
			}
		})
	}
}
