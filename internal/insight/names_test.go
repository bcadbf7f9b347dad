package insight

import (
	"slices"
	"strings"
	"testing"

	"github.com/failup/failup/internal/journal"
)

func personEntries(texts ...string) []journal.Entry {
	var entries []journal.Entry
	for i, text := range texts {
		entries = append(entries, journal.Entry{
			ID: int64(i + 1), UID: string(rune('a' + i)), OccurredOn: "2026-03-01", Title: "A day",
			Answers: []journal.Answer{{Key: journal.KeyCause, Text: text}},
		})
	}
	return entries
}

func nameThemes(r Report) []string {
	var names []string
	for _, th := range r.Themes {
		if th.Source == SourceName {
			names = append(names, th.Label+"="+strings.Join(th.Terms, "+"))
		}
	}
	return names
}

func TestNicknamesMergeWithTheFullName(t *testing.T) {
	entries := personEntries(
		"I argued with Deborah about the weekend rota again.",
		"Deborah said I never listen, and she has a point.",
		"Rang Deb to sort the week and it turned into a row.",
		"Deb told me she was tired of covering for me.",
		"Another call where Deb and I both got loud.",
		"I let Deborah's message sit for a week.",
		"Missed the bus and was late for the dentist.",
		"The oven timer failed and the bread burnt.",
		"Forgot my keys at the gym and waited an hour.",
		"Wrote the report in a rush and the numbers were wrong.",
		"The printer jammed on the morning of the exam.",
		"Spilt coffee on the laptop before the call.",
	)
	got := nameThemes(Patterns(entries, Lexicon{}, Options{}))
	if len(got) != 1 || !strings.HasPrefix(got[0], "Deborah=") || !strings.Contains(got[0], "deb") {
		t.Fatalf("name themes = %v; want one, Deborah, with Deb among its terms", got)
	}
}

func TestAppsTitlesAndPlacesAreNotPeople(t *testing.T) {
	entries := personEntries(
		"The build broke in Unity again and I lost the evening. Dr. Okafor said to rest.",
		"Spent the train to Leeds fighting Unity instead of writing. Told Dr. Okafor I was fine.",
		"Unity crashed twice before the demo in Leeds. Dr. Okafor asked about sleep.",
		"Back in Leeds, Unity ate my scene file. Okafor's nurse rang about the results.",
		"Missed the bus and was late for the dentist.",
		"The oven timer failed and the bread burnt.",
		"Forgot my keys at the gym and waited an hour.",
		"Wrote the report in a rush and the numbers were wrong.",
		"The printer jammed on the morning of the exam.",
		"Spilt coffee on the laptop before the call.",
		"Left the charger at home on the day of the pitch.",
		"Booked the wrong date for the car service.",
		"The parcel went to the old address again.",
	)
	got := nameThemes(Patterns(entries, Lexicon{}, Options{}))
	if len(got) != 1 || !strings.HasPrefix(got[0], "Okafor=") {
		t.Errorf("name themes = %v; want only the doctor, Okafor, as a person", got)
	}
}

func TestRoleLinksToTheNameItKeepsCompanyWith(t *testing.T) {
	entries := personEntries(
		"My manager Priyanka moved the deadline and told no one.",
		"Priyanka said the plan was fine; my manager never checks the numbers.",
		"I asked Priyanka for a day off and my manager said no.",
		"My manager changed the brief again after the review.",
		"Missed the bus and was late for the dentist.",
		"The oven timer failed and the bread burnt.",
		"Forgot my keys at the gym and waited an hour.",
		"Wrote the report in a rush and the numbers were wrong.",
		"The printer jammed on the morning of the exam.",
		"Spilt coffee on the laptop before the call.",
		"Left the charger at home on the day of the pitch.",
		"Booked the wrong date for the car service.",
	)
	r := Patterns(entries, Lexicon{}, Options{})
	for _, th := range r.Themes {
		if th.Source != SourceName {
			continue
		}
		if th.Label != "Priyanka (my manager)" || th.Count != 4 {
			t.Errorf("name theme %q in %d entries; want Priyanka (my manager) in all 4 that mention either", th.Label, th.Count)
		}
		return
	}
	t.Errorf("no name theme in %v", r.Themes)
}

func TestARoleIsNotWhoeverHalfItsEntriesName(t *testing.T) {
	entries := personEntries(
		"I lent Mandla the rent money again and told my mother nothing.",
		"Of course Mandla never paid back the loan; my mother says let it go.",
		"My mother phoned about the funeral and I missed the bus.",
		"My mother was happy I came, but the car broke down on the way.",
		"Then Mandla asked for more money and I said yes before I thought.",
		"On Monday Mandla promised to pay on Friday and did not.",
		"The oven timer failed and the bread burnt.",
		"Forgot my keys at the gym and waited an hour.",
		"Spilt coffee on the laptop before the call.",
		"Booked the wrong date for the car service.",
	)
	if got := nameThemes(Patterns(entries, Lexicon{}, Options{})); len(got) != 1 || !strings.HasPrefix(got[0], "Mandla=") {
		t.Errorf("name themes = %v; want Mandla with no role: he is in two of the four entries that say my mother, no more", got)
	}
}

func TestAHyphenatedNameIsOneName(t *testing.T) {
	entries := personEntries(
		"I told Eun-ji I would be home by seven and got in at ten.",
		"Then Eun-ji asked why I missed the scan again.",
		"Forgot Eun-ji's birthday dinner because of the release.",
		"When Eun-ji said she was tired I went back to my laptop.",
		"Missed the bus and was late for the dentist.",
		"The oven timer failed and the bread burnt.",
		"Forgot my keys at the gym and waited an hour.",
		"Spilt coffee on the laptop before the call.",
	)
	if got := nameThemes(Patterns(entries, Lexicon{}, Options{})); len(got) != 1 || !strings.HasPrefix(got[0], "Eun-ji=") {
		t.Errorf("name themes = %v; want Eun-ji, whole", got)
	}
}

func TestAPhraseAfterATitleKeepsItsCapitals(t *testing.T) {
	entries := personEntries(
		"Mr. Park moved the launch date up again and I said fine.",
		"Agreed to Mr. Park's new date without asking the team.",
		"Told Mr. Park we could ship in May; we could not.",
		"Walked in the park instead of finishing the report.",
		"The park run was cancelled and I lost the whole morning.",
		"Missed the bus and was late for the dentist.",
		"The oven timer failed and the bread burnt.",
		"Forgot my keys at the gym and waited an hour.",
	)
	var labels []string
	for _, th := range Patterns(entries, Lexicon{}, Options{}).Themes {
		labels = append(labels, th.Label)
	}
	if !slices.Contains(labels, "Mr. Park") {
		t.Errorf("themes %q; want Mr. Park among them, as written", labels)
	}
}

func TestARoleIsNotSomeoneOfTheOtherSex(t *testing.T) {
	entries := personEntries(
		"Shouted at my son over fractions and then Funmi said she was ashamed of me.",
		"When my son got it wrong I snapped; later Funmi told me she had heard it all.",
		"I told Funmi she was right, and I said sorry to my son at breakfast.",
		"Then Funmi asked if she could take the homework evenings instead.",
		"Missed the bus and was late for the dentist.",
		"The oven timer failed and the bread burnt.",
		"Forgot my keys at the gym and waited an hour.",
		"Spilt coffee on the laptop before the call.",
	)
	if got := nameThemes(Patterns(entries, Lexicon{}, Options{})); len(got) != 1 || !strings.HasPrefix(got[0], "Funmi=") {
		t.Errorf("name themes = %v; want Funmi with no role: she is not my son", got)
	}
}

func TestARoleInQuotedSpeechIsSomeoneElses(t *testing.T) {
	entries := personEntries(
		"Sipho laughed at the burnt dinner; my son is honest with us.",
		"A woman wrote 'please come to my son's vigil', so I left Sipho at the table.",
		"Sipho waited up and I came home late again.",
		"Told Sipho I would be home by six and was not.",
		"Missed the bus and was late for the dentist.",
		"The oven timer failed and the bread burnt.",
		"Forgot my keys at the gym and waited an hour.",
		"Spilt coffee on the laptop before the call.",
	)
	if got := nameThemes(Patterns(entries, Lexicon{}, Options{})); len(got) != 1 || !strings.HasPrefix(got[0], "Sipho=") {
		t.Errorf("name themes = %v; want Sipho with no role: the quoted \"my son\" is the woman's", got)
	}
}

func TestARoleFollowsANameByItsShortFormToo(t *testing.T) {
	entries := personEntries(
		"Told Deborah I could not come to the move, and she was hurt.",
		"Then Deborah asked me to take her dog for the week; I said no.",
		"When Deborah said she was moving, I changed the subject.",
		"I rang Deb twice and my sister still did not pick up.",
		"Saw Deb at lunch; my sister looked worn out and I said nothing.",
		"Told Deb I was fine, then went home and cried.",
		"Missed the bus and was late for the dentist.",
		"The oven timer failed and the bread burnt.",
		"Forgot my keys at the gym and waited an hour.",
		"Spilt coffee on the laptop before the call.",
	)
	if got := nameThemes(Patterns(entries, Lexicon{}, Options{})); len(got) != 1 || !strings.HasPrefix(got[0], "Deborah (my sister)=") {
		t.Errorf("name themes = %v; want Deborah (my sister): Deb is Deborah, and my sister is written with Deb", got)
	}
}

func TestMyHeadIsNotARole(t *testing.T) {
	entries := personEntries(
		"When Marcus moved the release I went over it in my head all night.",
		"Then Marcus asked for the plan and my head was somewhere else.",
		"I told Marcus it was fine, though in my head I knew it was not.",
		"I could not get what Marcus said out of my head before the call.",
		"Missed the bus and was late for the dentist.",
		"The oven timer failed and the bread burnt.",
		"Forgot my keys at the gym and waited an hour.",
		"Booked the wrong date for the car service.",
	)
	var names []string
	for _, th := range Patterns(entries, Lexicon{}, Options{}).Themes {
		if th.Source == SourceName {
			names = append(names, th.Label)
		}
	}
	if len(names) != 1 || names[0] != "Marcus" {
		t.Errorf("name themes %q; want Marcus, with no role", names)
	}
}

func TestAPossessiveIsTheName(t *testing.T) {
	entries := personEntries(
		"Burnt Rob's good pan because I walked off and left the hob on.",
		"Missed the train to Rob's parents after leaving late again.",
		"Rob's allotment tomatoes died while he was away and I forgot to water them.",
		"Told Rob I'd pick up his suit and forgot, so Rob had to borrow one.",
		"Missed the bus and was late for the dentist.",
		"The oven timer failed and the bread burnt.",
		"Forgot my keys at the gym and waited an hour.",
		"Wrote the report in a rush and the numbers were wrong.",
		"The printer jammed on the morning of the exam.",
		"Spilt coffee on the laptop before the call.",
	)
	got := nameThemes(Patterns(entries, Lexicon{}, Options{MinCount: 3}))
	if len(got) != 1 || !strings.HasPrefix(got[0], "Rob=") || strings.Contains(got[0], "'") {
		t.Fatalf("name themes = %v; want one, Rob, without the possessive", got)
	}
}

// mei writes her flatmate's name "Hui Min" wherever it is written, though
// "min" alone is also her minutes: the phrase keeps its capitals.
func TestAPhraseWrittenAsANameKeepsItsCapitals(t *testing.T) {
	var labels []string
	for _, th := range Patterns(readFixture(t, "mei.json"), builtinLexicon(t), Options{}).Themes {
		labels = append(labels, th.Label)
	}
	if !slices.Contains(labels, "Hui Min") {
		t.Errorf("labels %q; want Hui Min, written with capitals wherever it is written", labels)
	}
}

func TestSomeoneElsesMumIsNotMum(t *testing.T) {
	// Kemi calls her mother Mummy, and Mum now and then; entry 40 is about
	// a relative whose mum was moved to a side room.
	entries := readFixture(t, "kemi.json")
	r := Patterns(entries, builtinLexicon(t), Options{})
	for _, th := range r.Themes {
		if th.Source == SourceName && strings.HasPrefix(th.Label, "Mummy") {
			if slices.Contains(th.Entries, 40) || len(th.Entries) < 7 {
				t.Errorf("Mummy's entries = %v; want the entries about her, not entry 40's \"her mum\"", th.Entries)
			}
			return
		}
	}
	t.Errorf("name themes = %v; want Mummy", nameThemes(r))
}

func TestSomeoneElses(t *testing.T) {
	for text, want := range map[string]bool{
		"nobody told her mum":      true,
		"his dad was there":        true,
		"Mrs Lewis's mum rang":     true,
		"the twins’ mum":           true,
		"I told her Mum was ill":   false,
		"my mum rang":              false,
		"mum rang":                 false,
		"their Dad, who is my Dad": false,
	} {
		at := strings.Index(strings.ToLower(text), "mum")
		if at < 0 {
			at = strings.Index(strings.ToLower(text), "dad")
		}
		if got := someoneElses(text, at); got != want {
			t.Errorf("someoneElses(%q) = %v; want %v", text, got, want)
		}
	}
}
