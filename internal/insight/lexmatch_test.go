package insight

import (
	"slices"
	"testing"

	"github.com/failup/failup/internal/journal"
)

// patternsIn lists the ids of the patterns lex finds in one entry.
func patternsIn(lex Lexicon, e journal.Entry) []string {
	var ids []string
	for _, d := range scan([]journal.Entry{e}, lex).drafts {
		if len(d.members) > 0 {
			ids = append(ids, d.patternID)
		}
	}
	return ids
}

func causeOnly(text string) journal.Entry {
	return journal.Entry{Title: "x", Answers: []journal.Answer{{Key: journal.KeyCause, Text: text}}}
}

func TestTermMatching(t *testing.T) {
	lex := Lexicon{Patterns: []Pattern{
		{ID: "plate", Label: "plate", Terms: []string{"plate full"}},
		{ID: "help", Label: "help", Terms: []string{"not ask help"}},
		{ID: "tired", Label: "tired", Terms: []string{"tired"}, Except: []string{"tired of"}},
		{ID: "procr", Label: "procr", Terms: []string{"procrastinat*"}},
		{ID: "hours", Label: "hours", Terms: []string{"long hours"}},
		{ID: "weak", Label: "weak", Terms: []string{"zzz"}, Hints: []string{"scroll*", "phone"}},
		{ID: "bills", Label: "bills", Terms: []string{"bill"}},
		{ID: "app", Label: "app", Terms: []string{"TikTok"}},
		{ID: "checks", Label: "checks", Terms: []string{"missed check"}},
	}}
	tests := []struct {
		text string
		want []string
	}{
		{"My plate was far too full.", []string{"plate"}},
		{"The plate. It was full.", nil},
		{"The plate, it was full.", nil},
		{"I didn't ask Ola for help.", []string{"help"}},
		{"I didn't ask anyone for help", []string{"help"}},
		{"I was so tired that week", []string{"tired"}},
		{"I am tired of his comments", nil},
		{"I was procrastinating again", []string{"procr"}},
		{"The budget was long gone in hours", nil},
		{"Long hours all month", []string{"hours"}},
		{"Scrolling on my phone", []string{"weak"}},
		{"Scrolling and scrolling", nil},
		{"The gas bill came", []string{"bills"}},
		{"Bill came late again", []string{"bills"}},
		{"I sold the flat with Bill", nil},
		{"Missed Sunday - he checked on me", nil},
		{"Up late on TikTok", []string{"app"}},
		{"Up late on tiktok", []string{"app"}},
	}
	for _, tt := range tests {
		if got := patternsIn(lex, causeOnly(tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: found %v; want %v", tt.text, got, tt.want)
		}
	}
}

func TestHintsCountByField(t *testing.T) {
	lex := Lexicon{Patterns: []Pattern{{ID: "p", Label: "p", Terms: []string{"zzz"}, Hints: []string{"phone", "scroll*"}}}}
	inStrengths := journal.Entry{Title: "x", Answers: []journal.Answer{
		{Key: journal.KeyStrengths, Text: "I put the phone away and stopped scrolling."},
	}}
	if got := patternsIn(lex, inStrengths); got != nil {
		t.Errorf("two hints in the strengths answer found %v; want nothing, what went well says little about the cause", got)
	}
}

func TestBuiltinLexiconFindsVariedWordings(t *testing.T) {
	lex := builtinLexicon(t)
	tests := []struct{ text, pattern string }{
		{"I said yes to too much this month.", "overcommitment"},
		{"My plate was too full.", "overcommitment"},
		{"I was triple-booked on Tuesday.", "overcommitment"},
		{"I didn't want to bother anyone, so I struggled alone.", "not-asking-for-help"},
		{"I kept polishing it until it was perfect.", "perfectionism"},
		{"I walked in cold and winged it.", "under-preparation"},
		{"I kept my mouth shut to keep the peace.", "conflict-avoidance"},
		{"I was running on four hours of sleep.", "fatigue"},
		{"It took three times as long as I said.", "poor-estimates"},
		{"I assumed they knew about the change.", "assumptions"},
		{"I left it until the night before.", "procrastination"},
		{"The client kept adding one more feature.", "scope-creep"},
		{"I gave the meds without double-checking the chart.", "skipping-checks"},
		{"Handed the essay in without proofreading it.", "skipping-checks"},
		{"Pushed it straight to prod, no tests, it was just a small change.", "skipping-checks"},
		{"Cut corners on the wiring because the customer was waiting.", "skipping-checks"},
		{"I went with my gut instead of looking at last year's figures.", "gut-feel"},
		{"Ordered stock on a hunch, no numbers, just a feeling.", "gut-feel"},
		{"One bad mark and I was convinced I'd fail the whole degree.", "catastrophising"},
		{"I decided my career was over after one rejection.", "catastrophising"},
		{"I bailed on Sam's birthday again.", "isolation"},
		{"Flaked on the group chat plans and stayed home.", "isolation"},
		{"I spent the morning refreshing the post to see how many likes it got.", "chasing-likes"},
		{"Went back and forth for weeks and couldn't make up my mind.", "indecision"},
		{"I dithered so long the flat went to someone else.", "indecision"},
		{"Told my manager it wasn't my fault and blamed the supplier.", "blaming-others"},
		{"Played Fortnite till 3am again.", "screens"},
		{"Binge-watched the whole series instead of revising.", "screens"},
		{"Lost another fifty quid trying to win it back at the bookies.", "gambling"},
		{"I buried my head in the sand about the damp until it spread.", "head-in-the-sand"},
		{"Ignored the letter and hoped it would go away.", "head-in-the-sand"},
		{"Brushed off the praise and only heard the criticism.", "discounting-the-good"},
		{"I booked Dad's appointment without asking him.", "deciding-for-others"},
		{"I answered for her before she could speak, like she was a child.", "deciding-for-others"},
		{"We were short-staffed again and I couldn't get cover for the break.", "short-staffed"},
		{"Sat staring at the blank page all morning with no ideas.", "creative-block"},
		{"Built the whole app before talking to users, and nobody signed up.", "untested-demand"},
		{"Back-to-back meetings all week, so the report slid.", "overcommitment"},
		{"I lost my patience with the kids at bedtime.", "reactivity"},
		{"I let my boss walk all over me again.", "conflict-avoidance"},
		{"I always mess things up; I'll never be good at this.", "self-doubt"},
		{"Kept telling myself I'd start next week.", "procrastination"},
		{"We ran out of cash two months before the grant came.", "money-shortfall"},
		{"I didn't back up the files and lost a week of work.", "skipping-checks"},
		{"Trained through the pain and skipped the warm-up.", "health-neglect"},
		{"Too embarrassed to go to office hours, so I stayed stuck.", "not-asking-for-help"},
		{"I didn't apply because I thought I wouldn't get it.", "fear-of-failure"},
		{"Stayed in a job I hate because change is scary.", "fear-of-failure"},
		{"I put everyone else's needs first again.", "people-pleasing"},
		{"I did all the work on the group project myself.", "not-delegating"},
		{"I ignored the advice my coach gave me.", "feedback"},
		{"Said I'd have it by Friday without looking at my calendar.", "overcommitment"},
		{"My phone died on the way and the charger was still plugged in at home.", "unready-kit"},
		{"Forgot my calculator for the exam because I packed my bag in a rush.", "unready-kit"},
		{"The class ran riot and I couldn't take charge, so the TA took over from me.", "taking-charge"},
		{"Bodged the shelf to save time and it came down a week later.", "rushing"},
		{"Booked solid all day and turned up an hour late to the last client.", "running-late"},
		{"Nothing in writing, so we each remembered a different deal.", "unclear-terms"},
		{"The warning light had been on for a month before the car broke down.", "neglected-upkeep"},
		{"Let her calls go to voicemail for a week rather than face her.", "hard-conversations"},
		{"Went in with a temperature and never sat down to eat.", "health-neglect"},
		{"Held it together all shift, then cried in the car before I could drive home.", "suppression"},
		{"Told him I was fine and changed the subject.", "suppression"},
		{"I bottle things up until they come out sideways.", "suppression"},
		{"Got sent off for shoving their number eight.", "reactivity"},
		{"Red mist again, and I squared up to the ref.", "reactivity"},
		{"Played through the pain and skipped physio all week.", "overexertion"},
		{"Came back too soon and aggravated the injury.", "overexertion"},
		{"By Friday I was completely drained.", "fatigue"},
		{"My hands were shaking before the talk.", "nerves"},
	}
	for _, tt := range tests {
		if got := patternsIn(lex, causeOnly(tt.text)); !slices.Contains(got, tt.pattern) {
			t.Errorf("%q: found %v; want %s among them", tt.text, got, tt.pattern)
		}
	}
}

func TestNotCheckingIsNotCheckingIn(t *testing.T) {
	got := patternsIn(builtinLexicon(t), causeOnly("I didn't check the rota and never checked the till."))
	for _, wrong := range []string{"late-feedback", "under-preparation"} {
		if slices.Contains(got, wrong) {
			t.Errorf("found %v; want no %s: not checking something is neither checking in nor preparing", got, wrong)
		}
	}
}

func TestPlayingTerriblyIsNotSelfDoubt(t *testing.T) {
	got := patternsIn(builtinLexicon(t), causeOnly("The weather was terrible and we compared prices at three shops."))
	if slices.Contains(got, "self-doubt") {
		t.Errorf("found %v; want no self-doubt: 'at' and 'my' are skipped inside terms, so 'terrible at' and 'compared my' read as one common word", got)
	}
}

func TestSportIsNotScreens(t *testing.T) {
	lex := builtinLexicon(t)
	sport := causeOnly("We lost the game 3-0 and I played the wrong team; the match before was the same.")
	if got := patternsIn(lex, sport); slices.Contains(got, "screens") {
		t.Errorf("found %v; want no screens: a football game is not gaming, though \"gaming\" stems to \"game\"", got)
	}
	if got := patternsIn(lex, causeOnly("Stayed up gaming until 2am.")); !slices.Contains(got, "screens") {
		t.Errorf("found %v; want screens", got)
	}
}

func TestThinkingIAmIsNotMindReading(t *testing.T) {
	got := patternsIn(builtinLexicon(t), causeOnly("I think I'm in and out in ten minutes, and I thought I was done."))
	if slices.Contains(got, "mind-reading") {
		t.Errorf("found %v; want no mind-reading: what I think of my own plans is not guessing others' minds", got)
	}
}

func TestTiredIsNotUpkeep(t *testing.T) {
	got := patternsIn(builtinLexicon(t), causeOnly("I was tired, the light was bad and the noise of the party kept me up."))
	if slices.Contains(got, "neglected-upkeep") {
		t.Errorf("found %v; want no neglected-upkeep: \"tire\" stems like \"tired\"", got)
	}
}

func TestOtherSensesOfAWordAreNotThePattern(t *testing.T) {
	lex := builtinLexicon(t)
	tests := []struct{ text, not, why string }{
		{"We put Bramble to sleep this afternoon.", "fatigue", "putting an animal to sleep is not tiredness"},
		{"Dr Patel put him to sleep and I held him.", "fatigue", "putting an animal to sleep is not tiredness"},
		{"It was freezing on the dock and the screen froze twice.", "nerves", "the cold and a machine are not nerves"},
		{"Spent the morning shaking hands at the fair.", "nerves", "a greeting is not nerves"},
		{"Dispensed the wrong dose of a nerve pain tablet.", "nerves", "a medicine for nerve pain is not nerves"},
		{"Had a protein shake instead of lunch.", "nerves", "a shake is not shaking"},
		{"The field drain was blocked again and the drains flooded.", "fatigue", "a drain is not feeling drained"},
		{"Skipped the isolation test and worked the board live.", "isolation", "an electrician's isolation is not pulling away"},
		{"She was moved to an isolation room on the ward.", "isolation", "an infection's isolation is not pulling away"},
		{"Shoved my laptop in my bag and punched in at nine.", "reactivity", "shoving a thing and punching a clock are not a temper"},
		{"Sent off the form late and pushed them to finish the audit.", "reactivity", "a form sent off is not a red card"},
		{"The head went round every class before the inspection.", "reactivity", "a head teacher is not losing my head"},
		{"The phone froze twice during the call with the bank.", "nerves", "a phone that freezes is not nerves"},
		{"The project limped on for another month.", "overexertion", "a limping project is not an injury"},
		{"We kept a lid on costs and pushed it down the list.", "suppression", "costs kept down are not feelings"},
		{"The man up the road didn't show it to the council.", "suppression", "a neighbour and a document are not hiding feelings"},
		{"Two steer tires were bald and I ate fried chicken at the stop.", "fatigue", "a tyre and fried food are not tiredness"},
		{"Laid the railway sleepers for the raised beds.", "fatigue", "a sleeper in a garden is not sleep"},
		{"The plant hire was late again.", "poor-estimates", "machinery hire is not a plan"},
		{"Period cramps all through the exam.", "under-preparation", "cramps are not cramming"},
		{"I always say no when Linda wants to come round.", "overcommitment", "saying no is not saying yes to too much"},
		{"Rory's cat got out and I spent the night walking round the estate calling her.", "skipping-checks", "a walk round the estate is not a vehicle check"},
		{"We talked for about an hour and she cried.", "hard-conversations", "an hour's talk is not putting one off"},
		{"Spent my savings on trainers and saved for the holiday again.", "procrastination", "savings are not saving it for later"},
		{"Sold a charger and two cases, then the till was short and I paid it in.", "underpricing", "a phone charger is not what I charge"},
		{"Dinner went cold and he ate his on his own in front of the telly.", "not-asking-for-help", "his being on his own is not my going it alone"},
		{"Mam forgot her keys again so we waited in the car.", "unready-kit", "her keys are not my forgotten kit"},
		{"The council dragged their feet on the permit.", "procrastination", "the council's delay is not my putting it off"},
	}
	for _, tt := range tests {
		if got := patternsIn(lex, causeOnly(tt.text)); slices.Contains(got, tt.not) {
			t.Errorf("%q: found %v; want no %s: %s", tt.text, got, tt.not, tt.why)
		}
	}
}

func TestWhatSomeoneElseDidIsNotThePattern(t *testing.T) {
	lex := builtinLexicon(t)
	tests := []struct {
		text, pattern string
		found         bool
	}{
		{"Told Emma the dates had moved and she went quiet.", "conflict-avoidance", false},
		{"Asked about the rota and then Jen just went quiet.", "conflict-avoidance", false},
		{"My manager forgot the forms so the audit failed.", "disorganisation", false},
		{"The shipment was short and they snapped at me on the phone.", "reactivity", false},
		{"Told Emma the dates had moved and I went quiet.", "conflict-avoidance", true},
		{"Rang Mum late again and she was already asleep.", "running-late", true},
		{"Forgot the forms again so the audit failed.", "disorganisation", true},
	}
	for _, tt := range tests {
		if got := slices.Contains(patternsIn(lex, causeOnly(tt.text)), tt.pattern); got != tt.found {
			t.Errorf("%q: %s found %v; want %v", tt.text, tt.pattern, got, tt.found)
		}
	}
}
