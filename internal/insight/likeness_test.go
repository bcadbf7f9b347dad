package insight

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/failup/failup/internal/journal"
)

// kitJournal is eight entries that name skipping the checks, two written
// like them that do not, and one-off setbacks in everyday words.
func kitJournal(oneOffs int) (entries []journal.Entry, lookalikes []int64) {
	var texts []string
	for i := range 8 {
		texts = append(texts, fmt.Sprintf("Skipped the checks again before shift %d. The oxygen cylinder in the side locker was empty and the suction battery flat.", i))
	}
	texts = append(texts,
		"Oxygen cylinder in the locker was empty halfway to the hospital, suction battery flat too.",
		"No spare oxygen in the side locker, and the suction battery was flat on the job.")
	lookalikes = []int64{9, 10}
	words := strings.Fields("bread cousin market weekend garden sister parcel train ticket hedge neighbour recipe oven phone bank letter car tyre dog walk")
	rng := rand.New(rand.NewPCG(1, 2))
	for range oneOffs {
		rng.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
		texts = append(texts, "The "+strings.Join(words[:5], " and the ")+" went wrong today.")
	}
	for i, text := range texts {
		entries = append(entries, journal.Entry{
			ID: int64(i + 1), UID: fmt.Sprintf("u%d", i+1), OccurredOn: journal.Date(fmt.Sprintf("2026-03-%02d", i%28+1)),
			Title: "A shift", Answers: []journal.Answer{{Key: journal.KeyCause, Text: text}},
		})
	}
	return entries, lookalikes
}

func TestEntriesWrittenLikeAPatternJoinIt(t *testing.T) {
	entries, lookalikes := kitJournal(30)
	lex := builtinLexicon(t)
	checks, ok := themeByKey(Patterns(entries, lex, Options{}), "pattern:skipping-checks")
	if !ok {
		t.Fatal("no theme for skipping the checks")
	}
	for _, id := range lookalikes {
		i := slices.Index(checks.Entries, id)
		if i < 0 {
			t.Errorf("entry %d, written like the pattern's entries, did not join it: %v", id, checks.Entries)
			continue
		}
		hits := checks.Evidence[i].Hits
		if len(hits) == 0 {
			t.Errorf("entry %d joined with no words to show why", id)
		}
		named := strings.ToLower(entries[0].Answers[0].Text)
		for _, h := range hits {
			written := FieldText(entries[id-1], h.Field)[h.Start:h.End]
			if !strings.Contains(named, strings.ToLower(written)) {
				t.Errorf("entry %d joined showing %q; want words it shares with the pattern's entries", id, written)
			}
		}
	}
	for _, id := range checks.Entries {
		if id > 10 {
			t.Errorf("one-off entry %d joined the pattern", id)
		}
	}

	removed := Membership{Theme: checks.Key, UID: entries[lookalikes[0]-1].UID}
	corrected, _ := themeByKey(Patterns(entries, lex, Options{Corrections: Corrections{Removed: []Membership{removed}}}), checks.Key)
	if slices.Contains(corrected.Entries, lookalikes[0]) {
		t.Errorf("entry %d, taken out of the pattern by the person, joined it again", lookalikes[0])
	}

	few, _ := kitJournal(minLikeEntries - 11)
	small, _ := themeByKey(Patterns(few, lex, Options{}), checks.Key)
	if slices.Contains(small.Entries, lookalikes[0]) {
		t.Errorf("in a journal of %d entries, an entry joined by likeness; want only from %d", len(few), minLikeEntries)
	}
}

func TestVotesNeededGrowWithThePattern(t *testing.T) {
	small, large := votesNeeded(likeNeighbours, 0.1), votesNeeded(likeNeighbours, 0.4)
	if small < 2 || large <= small || large > likeNeighbours {
		t.Errorf("votes needed: %d for a pattern in a tenth of the entries, %d for one in two fifths", small, large)
	}
}

func TestAThemeThatTellsOneStoryRanksAboveOneSpreadThin(t *testing.T) {
	var texts []string
	for i := range 6 {
		texts = append(texts, fmt.Sprintf("Said yes to covering the rota swap again, another extra shift on the ward, %d this month.", i+2))
	}
	for _, w := range strings.Fields("garden tax dentist wedding car passport boiler") {
		texts = append(texts, "I put it off, the "+w+" thing.")
	}
	nouns := strings.Fields(`umbrella violin kettle parrot lantern teapot compass ladder
		saddle trumpet carpet anchor blanket pebble feather candle mirror basket helmet
		ribbon barrel chimney sandal jacket pillow hammer bucket lemon cactus tulip
		walnut magnet pencil button marble canoe whistle statue puzzle rocket glove
		carrot biscuit scarf wallet orchid meadow harbour castle tunnel cabin island
		quilt spoon`)
	for i := 0; i+1 < len(nouns) && len(texts) < 40; i += 2 {
		texts = append(texts, "Lost the "+nouns[i]+" by the "+nouns[i+1]+".")
	}
	var entries []journal.Entry
	for i, text := range texts {
		entries = append(entries, journal.Entry{
			ID: int64(i + 1), UID: fmt.Sprintf("u%d", i+1), OccurredOn: journal.Date(fmt.Sprintf("2026-04-%02d", i%28+1)),
			Title: "A day", Answers: []journal.Answer{{Key: journal.KeyCause, Text: text}},
		})
	}
	report := Patterns(entries, builtinLexicon(t), Options{})
	rankOf := func(entry int64, count int) int {
		return slices.IndexFunc(report.Themes, func(th Theme) bool {
			return th.Source == SourceLexicon && th.Count == count && slices.Contains(th.Entries, entry)
		})
	}
	story, thin := rankOf(1, 6), rankOf(7, 7)
	if story < 0 || thin < 0 || story > thin {
		t.Errorf("the pattern of six entries telling one story ranked %d, the one of seven different things %d; want the story first", story, thin)
	}
}

func TestATitleIsNotWhyAnEntryIsAlike(t *testing.T) {
	var entries []journal.Entry
	for i, text := range []string{"Mr Okafor shouted at the till.", "Mr Okafor left early again.", "The parcel never came."} {
		entries = append(entries, journal.Entry{ID: int64(i + 1), UID: fmt.Sprint(i), Title: "x", Answers: []journal.Answer{{Key: journal.KeyCause, Text: text}}})
	}
	c := scan(entries, Lexicon{}).c
	vecs := entryVectors(newFeatureSpace(scanned{c: c}))
	var shown []string
	for _, s := range sharedStems(c, vecs, 0, []int32{1}) {
		shown = append(shown, c.stems[s])
	}
	if slices.Contains(shown, "mr") || !slices.Contains(shown, "okafor") {
		t.Errorf("the first two entries are alike for %v; want okafor, and never the title", shown)
	}
}

// A pattern named in few entries but written alike in many more ranks by
// all of them: chloe put off preparing for auditions in her own words more
// often than in the catalogue's, and it ranked 13th when only the entries
// that named it counted.
func TestAPatternRanksWithTheEntriesWrittenLikeIt(t *testing.T) {
	report := Patterns(readFixture(t, "chloe.json"), builtinLexicon(t), Options{})
	if _, ok := themeByKey(report, "pattern:procrastination"); !ok {
		var labels []string
		for _, th := range report.Themes {
			labels = append(labels, th.Label)
		}
		t.Errorf("themes %q; want putting things off among them", labels)
	}
}
