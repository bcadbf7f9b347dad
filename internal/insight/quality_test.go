package insight

import (
	"encoding/json"
	"fmt"
	"math"
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

// Every journal in testdata with a NAME.labels.json beside its NAME.json
// is a quality fixture: a journal by an invented person with themes
// planted in varied words.
const labelsSuffix = ".labels.json"

// What counts as finding a planted theme: one of the top 12 themes matches
// its entries with an F1 of at least 0.5.
const (
	topThemes = 12
	minF1     = 0.5
)

// qualityFloors are what each journal reached when its floor was set (the
// mean best F1 less 0.03, and the planted themes found): a change that does
// worse fails. The journals before the .28 round were tuned on at
// 2026-12-01.27, when their floors were set, whether or not they were first
// measured held out; diego's is from .28: his health theme had been found
// partly in his clients' names ("Saguaro Health"), which .28 no longer reads
// as the word health, and it now ranks 13th. Each later round's floors are
// from the engine named above them, held out or tuned on as said there. A
// journal without a floor must reach the targets that every journal must:
// all planted themes but one found, and a mean best F1 of 0.70.
//
// Floors marked .39 were lowered when .39 began to rank a pattern with the
// entries that join it by likeness: over the 117 journals then labelled,
// 6 more themes found, every theme but one in 3 more journals, 7 fewer
// top-8 themes under F1 0.4; these eight did worse (a theme at the edge
// now 13th: ananya's safety papers, obinna's, rashid's, sofia's verbal
// agreements; or a lookalike one-off entry in a theme).
//
// Floors marked .46 were lowered when .46 stopped counting what someone
// else did as the person's pattern ("she went quiet", "they still have not
// paid"): over the 173 journals then labelled, 5 more themes found, mean
// 0.725 against 0.721, 3 fewer top-8 themes under F1 0.4; these did worse
// (harvey's underquoting and wairimu's unpaid credit were partly found in
// "they still said yes", "she still owes"; in jun, kemi and leilani a
// catalogue theme, smaller now, is mostly one-off entries).
//
// Floors marked .47 were lowered when .47 made hints of the catalogue's
// everyday words ("tired", "sleep", "forgot", "invoice", "bills",
// "budget", "double-check", "brought it up"), which alone had put an
// entry in a broad pattern: over the 173 journals then labelled, 8 more
// themes found, every theme but one in 5 more journals, mean 0.729
// against 0.725, 27 fewer top-8 themes under F1 0.4; these lost a theme
// at the edge or kept a smaller catalogue theme made mostly of one-off
// entries.
//
// Floors marked .51 were lowered when .51 kept in a person's theme the
// entries whose cause opens with their name: over the 203 journals then
// labelled, 6 more themes found, mean 0.737 against 0.732, 2 fewer top-8
// themes under F1 0.4; greer lost her weekend work to a larger "Pete",
// and jun's mean fell under her floor by less than 0.01.
var qualityFloors = map[string]struct {
	meanF1 float64
	found  int
	// mostlyNoise is how many reported themes may be made mostly of the
	// journal's one-off entries, as a held-out journal was measured.
	mostlyNoise int
}{
	"noor":     {meanF1: 0.86, found: 7},
	"bea":      {meanF1: 0.73, found: 8},
	"marisol":  {meanF1: 0.79, found: 6},
	"tom":      {meanF1: 0.76, found: 6},
	"priyanka": {meanF1: 0.69, found: 5},
	"walt":     {meanF1: 0.76, found: 6},
	// Measured held out first (see QUALITY.md), then tuned on.
	"dev":  {meanF1: 0.87, found: 6},
	"rosa": {meanF1: 0.75, found: 6}, // 0.757 at .38
	"ade":  {meanF1: 0.88, found: 6},
	// Measured held out first (see QUALITY.md), then tuned on.
	"bashir": {meanF1: 0.80, found: 6},
	"ines":   {meanF1: 0.80, found: 6, mostlyNoise: 1},
	"yuki":   {meanF1: 0.77, found: 6, mostlyNoise: 1}, // .46, .47
	// Measured held out first at 2026-12-01.15 (see QUALITY.md), then tuned on.
	"chiara":  {meanF1: 0.70, found: 6, mostlyNoise: 2}, // .39
	"darnell": {meanF1: 0.67, found: 5},
	"tomasz":  {meanF1: 0.80, found: 6},
	// Measured held out first at 2026-12-01.16 (see QUALITY.md), then tuned on.
	"aisha": {meanF1: 0.73, found: 5},
	"greta": {meanF1: 0.70, found: 5},
	"mateo": {meanF1: 0.64, found: 6},
	// Measured held out first at 2026-12-01.17 (see QUALITY.md), then tuned on.
	"kofi": {meanF1: 0.73, found: 6}, // .39
	"lena": {meanF1: 0.61, found: 5},
	"ruth": {meanF1: 0.73, found: 6},
	// Measured held out first at 2026-12-01.18 and .19 (see QUALITY.md),
	// then tuned on. sunita's hearings were found at .18 only by a wrong
	// reading of "judged her" as "judged"; her nerves pattern now ranks 13th.
	// Since .38 her "I said no, I'll do it" (turning help down) no longer
	// reads as saying yes to too much: 0.774.
	"bridget": {meanF1: 0.80, found: 6},
	"diego":   {meanF1: 0.65, found: 5}, // .47
	"sunita":  {meanF1: 0.77, found: 6},
	// Measured held out first at 2026-12-01.20 (see QUALITY.md), then tuned on.
	"jamal":      {meanF1: 0.74, found: 5},
	"marguerite": {meanF1: 0.75, found: 5},
	"wen":        {meanF1: 0.77, found: 6},
	// Measured held out at 2026-12-01.22 (see QUALITY.md); not tuned on
	// (the engine changed after, at .23, for a round of its own).
	"aroha":   {meanF1: 0.62, found: 5, mostlyNoise: 1}, // .46
	"dolores": {meanF1: 0.71, found: 5},
	"felix":   {meanF1: 0.62, found: 5},
	"ibrahim": {meanF1: 0.73, found: 6},
	// Measured held out at 2026-12-01.23 (see QUALITY.md); not tuned on
	// (the engine changed after, at .24, for a round of its own).
	"hanne":    {meanF1: 0.71, found: 5},
	"margaret": {meanF1: 0.60, found: 4},
	"rafael":   {meanF1: 0.60, found: 5},
	"tendai":   {meanF1: 0.81, found: 6},
	// Measured held out at 2026-12-01.24 (see QUALITY.md); not tuned on.
	"kwame":  {meanF1: 0.70, found: 5}, // .47
	"liam":   {meanF1: 0.73, found: 6},
	"oksana": {meanF1: 0.74, found: 6},
	"sofia":  {meanF1: 0.65, found: 5}, // .39
	// A second round held out at 2026-12-01.24; not tuned on.
	"grace":  {meanF1: 0.84, found: 6},
	"henrik": {meanF1: 0.79, found: 6}, // .39
	"priya":  {meanF1: 0.79, found: 6},
	"tomas":  {meanF1: 0.75, found: 6}, // .40 ("talk to her about" was "talk about"), .48
	// Measured held out at 2026-12-01.24 (see QUALITY.md), then tuned on at
	// .25 (the candidate pool, a pattern for the body pushed too far and one
	// for a harsher manner than meant).
	"chloe": {meanF1: 0.61, found: 5},
	"ines2": {meanF1: 0.69, found: 6, mostlyNoise: 1}, // .47
	"malik": {meanF1: 0.70, found: 5},
	"yusuf": {meanF1: 0.61, found: 5},
	// Measured held out at 2026-12-01.25 (see QUALITY.md); not tuned on.
	// beatriz found 5 until .32, when a sport-and-body register for temper
	// moved her doubted judgement ("judge", P 1.00) from 12th to 13th.
	"beatriz": {meanF1: 0.59, found: 4},
	"gwen":    {meanF1: 0.61, found: 5},
	"rashid":  {meanF1: 0.63, found: 5}, // .39
	"tyler":   {meanF1: 0.59, found: 5},
	// Measured held out at 2026-12-01.28 (see QUALITY.md).
	"callum":   {meanF1: 0.63, found: 5, mostlyNoise: 1},
	"hiroshi":  {meanF1: 0.71, found: 6},
	"keisha":   {meanF1: 0.73, found: 6},
	"ottilie":  {meanF1: 0.59, found: 4},
	"precious": {meanF1: 0.68, found: 6}, // .47
	"santiago": {meanF1: 0.66, found: 5},
	// Measured held out at 2026-12-01.30 (see QUALITY.md); not tuned on.
	"bartek":   {meanF1: 0.65, found: 5, mostlyNoise: 1}, // .47
	"dmitri":   {meanF1: 0.74, found: 5},
	"ingrid":   {meanF1: 0.69, found: 6},
	"javier":   {meanF1: 0.84, found: 6},
	"rosalind": {meanF1: 0.52, found: 4},
	"tevita":   {meanF1: 0.60, found: 4, mostlyNoise: 1},
	// Measured held out at 2026-12-01.31 (see QUALITY.md); not tuned on.
	"farida":   {meanF1: 0.58, found: 4},
	"hamish":   {meanF1: 0.64, found: 5}, // .48
	"kwabena":  {meanF1: 0.77, found: 6},
	"oskar":    {meanF1: 0.76, found: 6},
	"priscila": {meanF1: 0.61, found: 5},
	"solene":   {meanF1: 0.56, found: 3},
	// Measured held out at 2026-12-01.32 (see QUALITY.md), then tuned on at
	// .33 (roles, hyphenated names, other senses of a word): figures at .33.
	"anneke":   {meanF1: 0.61, found: 4},
	"bongani":  {meanF1: 0.80, found: 6},
	"hyunwoo":  {meanF1: 0.60, found: 5},
	"lucia":    {meanF1: 0.70, found: 5},
	"magda":    {meanF1: 0.70, found: 5},
	"mireille": {meanF1: 0.78, found: 6},
	"tariq":    {meanF1: 0.72, found: 5},
	"yasmin":   {meanF1: 0.79, found: 6, mostlyNoise: 1}, // .39
	// Measured held out at 2026-12-01.33 (see QUALITY.md); not tuned on.
	"ayesha":   {meanF1: 0.60, found: 6},
	"fergus":   {meanF1: 0.65, found: 5},
	"kenji":    {meanF1: 0.69, found: 6},
	"ngozi":    {meanF1: 0.79, found: 6},
	"olusegun": {meanF1: 0.80, found: 6},
	"svetlana": {meanF1: 0.61, found: 5},
	"teodor":   {meanF1: 0.74, found: 6},
	"wairimu":  {meanF1: 0.81, found: 5}, // .46
	// Measured held out at 2026-12-01.34 (see QUALITY.md), then tuned on at
	// .35 (an electrician's isolation): figures at .35.
	"ahmed":    {meanF1: 0.79, found: 6},
	"bridie":   {meanF1: 0.58, found: 6, mostlyNoise: 1}, // .48
	"catalina": {meanF1: 0.63, found: 4},
	"desmond":  {meanF1: 0.60, found: 5},
	"haruka":   {meanF1: 0.52, found: 3},
	"lei":      {meanF1: 0.66, found: 6},
	"piotr":    {meanF1: 0.67, found: 4},
	"rahel":    {meanF1: 0.62, found: 4}, // 5 until .38 read "saying no" alone as a hint
	// Measured held out at 2026-12-01.35 (see QUALITY.md); not tuned on.
	"ananya":    {meanF1: 0.71, found: 5}, // .39
	"bernard":   {meanF1: 0.46, found: 3, mostlyNoise: 1},
	"dominika":  {meanF1: 0.56, found: 4},
	"gretchen":  {meanF1: 0.59, found: 5},
	"marama":    {meanF1: 0.69, found: 6},
	"obinna":    {meanF1: 0.71, found: 5}, // .39, .40 ("saved for the" was "save")
	"soren":     {meanF1: 0.66, found: 5},
	"valentina": {meanF1: 0.58, found: 3}, // .47
	// A second round measured held out at 2026-12-01.35; not tuned on.
	"gunnar":    {meanF1: 0.71, found: 5},
	"harvey":    {meanF1: 0.43, found: 2}, // .46
	"ilse":      {meanF1: 0.54, found: 4},
	"kwesi":     {meanF1: 0.67, found: 6},
	"meiling":   {meanF1: 0.58, found: 5},
	"nokuthula": {meanF1: 0.56, found: 4, mostlyNoise: 1},
	"paloma":    {meanF1: 0.69, found: 5},
	"radek":     {meanF1: 0.62, found: 6},
	// Measured held out at 2026-12-01.37 (see QUALITY.md), then tuned on at
	// .38 (words with other senses: tires, fried, sleepers, a plant):
	// figures at .38.
	"aiko":      {meanF1: 0.55, found: 5},
	"bronwyn":   {meanF1: 0.54, found: 4, mostlyNoise: 1},
	"dale":      {meanF1: 0.67, found: 5},
	"mariam":    {meanF1: 0.66, found: 5},
	"mateus":    {meanF1: 0.70, found: 6},
	"priyanka2": {meanF1: 0.73, found: 5}, // .46, .47, .48
	"siobhan":   {meanF1: 0.61, found: 4},
	"walter":    {meanF1: 0.62, found: 5},
	// Measured held out at 2026-12-01.38 (see QUALITY.md); not tuned on.
	"bjorn":   {meanF1: 0.75, found: 5},
	"ewan":    {meanF1: 0.71, found: 6},
	"fatima":  {meanF1: 0.62, found: 5},
	"gideon":  {meanF1: 0.76, found: 5},
	"leilani": {meanF1: 0.65, found: 4, mostlyNoise: 1}, // .46
	"margot":  {meanF1: 0.61, found: 5},
	"rohan":   {meanF1: 0.64, found: 6},
	"yolanda": {meanF1: 0.76, found: 6},
	// Measured held out at 2026-12-01.39 (see QUALITY.md); not tuned on.
	"amara":     {meanF1: 0.73, found: 5},
	"greer":     {meanF1: 0.59, found: 4}, // .47, .51
	"hazel":     {meanF1: 0.67, found: 5}, // .47
	"ivan":      {meanF1: 0.63, found: 5},
	"kwaku":     {meanF1: 0.72, found: 5},
	"nadia":     {meanF1: 0.68, found: 5, mostlyNoise: 1}, // .47
	"oluwaseun": {meanF1: 0.57, found: 4, mostlyNoise: 1}, // .48
	"tobias":    {meanF1: 0.66, found: 5},
	// Measured held out at 2026-12-01.40 (see QUALITY.md); not tuned on.
	"colm":      {meanF1: 0.63, found: 5}, // .44: its 12th theme is now another
	"dmitri2":   {meanF1: 0.65, found: 5},
	"dolores2":  {meanF1: 0.69, found: 5}, // .47
	"ingeborg":  {meanF1: 0.65, found: 4},
	"lukas":     {meanF1: 0.66, found: 5},
	"mei":       {meanF1: 0.66, found: 5},
	"precious2": {meanF1: 0.81, found: 6},
	"rania":     {meanF1: 0.81, found: 6},
	// Measured held out at 2026-12-01.42 (see QUALITY.md); not tuned on.
	"arash":   {meanF1: 0.63, found: 5},
	"aylin":   {meanF1: 0.79, found: 6},
	"barnaby": {meanF1: 0.67, found: 6},
	"femi2":   {meanF1: 0.74, found: 6},
	"kemi":    {meanF1: 0.59, found: 3, mostlyNoise: 1}, // .46
	"noor2":   {meanF1: 0.66, found: 5, mostlyNoise: 1}, // .47
	"sergio":  {meanF1: 0.67, found: 6},
	"tamsin":  {meanF1: 0.56, found: 4},
	// Measured held out at 2026-12-02.43 (bogdan to yetunde) and .44
	// (aurelie to ximena), see QUALITY.md; not tuned on.
	"bogdan":    {meanF1: 0.73, found: 6},
	"dagny":     {meanF1: 0.60, found: 4},
	"fionnuala": {meanF1: 0.67, found: 5, mostlyNoise: 1}, // .48
	"hollis":    {meanF1: 0.53, found: 4},
	"kaito":     {meanF1: 0.70, found: 6},
	"leticia":   {meanF1: 0.67, found: 4},
	"omar":      {meanF1: 0.63, found: 5},
	"yetunde":   {meanF1: 0.70, found: 5},
	"aurelie":   {meanF1: 0.72, found: 5},
	"harriet":   {meanF1: 0.71, found: 5},
	"jun":       {meanF1: 0.63, found: 5, mostlyNoise: 1}, // .46, .47, .51
	"marit":     {meanF1: 0.68, found: 5},
	"ngozi2":    {meanF1: 0.71, found: 5},
	"rafa":      {meanF1: 0.74, found: 6},
	"tobenna":   {meanF1: 0.70, found: 5},
	"ximena":    {meanF1: 0.57, found: 5, mostlyNoise: 1},
	// Measured held out at 2026-12-02.45 (see QUALITY.md); not tuned on.
	"darius":    {meanF1: 0.71, found: 5, mostlyNoise: 2},
	"ingrid2":   {meanF1: 0.69, found: 5, mostlyNoise: 1},
	"kwame2":    {meanF1: 0.71, found: 5},
	"lucinda":   {meanF1: 0.69, found: 5}, // .48
	"mirela":    {meanF1: 0.65, found: 4},
	"ravi":      {meanF1: 0.65, found: 5},
	"siddharth": {meanF1: 0.67, found: 5},
	"tomasina":  {meanF1: 0.82, found: 6},
	// Measured held out at 2026-12-02.46 (see QUALITY.md), then tuned on at
	// .47; each floor is the lower of the two.
	"anselm":   {meanF1: 0.71, found: 5},
	"beatrix":  {meanF1: 0.66, found: 6},
	"cormac":   {meanF1: 0.65, found: 5},
	"delphine": {meanF1: 0.67, found: 5, mostlyNoise: 1},
	"emeka":    {meanF1: 0.56, found: 3},
	"freya":    {meanF1: 0.79, found: 6},
	"gustavo":  {meanF1: 0.62, found: 4},
	"huong":    {meanF1: 0.62, found: 5},
	// Measured held out at 2026-12-02.47 (see QUALITY.md); not tuned on.
	"ingo":    {meanF1: 0.78, found: 6},
	"jolene":  {meanF1: 0.78, found: 6},
	"kofi2":   {meanF1: 0.65, found: 5},
	"laila":   {meanF1: 0.79, found: 6},
	"mattias": {meanF1: 0.74, found: 5},
	"nkechi":  {meanF1: 0.78, found: 6},
	"oona":    {meanF1: 0.56, found: 5},
	"pedro":   {meanF1: 0.63, found: 4},
	// Measured held out at 2026-12-02.48 (see QUALITY.md); not tuned on.
	"bolaji":  {meanF1: 0.73, found: 5, mostlyNoise: 1},
	"eitan":   {meanF1: 0.68, found: 5},
	"marisa":  {meanF1: 0.68, found: 5},
	"quentin": {meanF1: 0.73, found: 5},
	"signe":   {meanF1: 0.68, found: 6},
	"zainab":  {meanF1: 0.67, found: 5},
	// Measured held out at 2026-12-02.50 (see QUALITY.md), then tuned on
	// at .51 (bruno's son "Leo"): floors from .51.
	"adaeze":   {meanF1: 0.67, found: 6},
	"bruno":    {meanF1: 0.61, found: 4},
	"cosmin":   {meanF1: 0.56, found: 5},
	"elif":     {meanF1: 0.64, found: 6},
	"jonas":    {meanF1: 0.68, found: 6},
	"keala":    {meanF1: 0.72, found: 5},
	"mbali":    {meanF1: 0.67, found: 5},
	"rhiannon": {meanF1: 0.78, found: 6},
	// Measured held out at 2026-12-02.51 (see QUALITY.md); not tuned on.
	"anwar":    {meanF1: 0.59, found: 4},
	"beatrice": {meanF1: 0.78, found: 6},
	"gabor":    {meanF1: 0.68, found: 5},
	"lucian":   {meanF1: 0.67, found: 5},
	"nilufar":  {meanF1: 0.71, found: 5},
	"pilar":    {meanF1: 0.82, found: 6},
	"sione":    {meanF1: 0.77, found: 5},
	"wanjiru":  {meanF1: 0.63, found: 4},
}

const targetMeanF1 = 0.70

func TestPatternsFindPlantedThemes(t *testing.T) {
	lex := builtinLexicon(t)
	for _, name := range fixtureNames(t) {
		t.Run(name, func(t *testing.T) {
			entries := readFixture(t, name+".json")
			lab := readLabels(t, name+labelsSuffix)
			report := Patterns(entries, lex, Options{MaxThemes: topThemes})
			baseline := tfidfClusters(entries, topThemes)
			uids := uidsByID(entries)

			themes := slices.Sorted(func(yield func(string) bool) {
				for k := range lab.Themes {
					if !yield(k) {
						return
					}
				}
			})
			found := 0
			var sum, baseSum float64
			for _, theme := range themes {
				f1, best := bestMatch(lab.Themes[theme], report.Themes, uids)
				bf1, _ := bestMatch(lab.Themes[theme], baseline, uids)
				t.Logf("%-22s failup F1 %.2f  baseline %.2f  best: %s", theme, f1, bf1, best)
				if f1 >= minF1 {
					found++
				}
				sum += f1
				baseSum += bf1
			}
			mean := sum / float64(len(themes))
			t.Logf("mean best F1: failup %.2f, baseline %.2f; found %d of %d", mean, baseSum/float64(len(themes)), found, len(themes))
			floor, ok := qualityFloors[name]
			if !ok {
				floor.meanF1, floor.found = targetMeanF1, len(themes)-1
			}
			if found < floor.found {
				t.Errorf("found %d of %d planted themes with F1 >= %.1f; want at least %d", found, len(themes), minF1, floor.found)
			}
			if mean < floor.meanF1 {
				t.Errorf("mean best F1 %.2f; want at least %.2f", mean, floor.meanF1)
			}
			checkLessonGroups(t, entries, report)
			noise := setOf(lab.Noise)
			mostlyNoise := 0
			for _, th := range report.Themes {
				n := 0
				for _, id := range th.Entries {
					if noise[uids[id]] {
						n++
					}
				}
				t.Logf("theme %-40q %-16s %2d entries, %d noise, %s", th.Label, th.Source, th.Count, n, strings.Join(th.Terms[:min(5, len(th.Terms))], ", "))
				if 2*n > th.Count {
					t.Logf("theme %q is mostly noise entries (%d of %d)", th.Label, n, th.Count)
					mostlyNoise++
				}
			}
			if mostlyNoise > floor.mostlyNoise {
				t.Errorf("%d themes are mostly noise entries; want at most %d", mostlyNoise, floor.mostlyNoise)
			}
		})
	}
}

// checkLessonGroups holds lessons to how a person would group them: at most
// a fifth under OtherLessons, none under more than two headings.
func checkLessonGroups(t *testing.T, entries []journal.Entry, report Report) {
	t.Helper()
	lessons := Lessons(entries)
	headings := map[int64]int{}
	other := 0
	for _, g := range LessonsByTheme(lessons, report) {
		for _, l := range g.Lessons {
			headings[l.ID]++
			if g.Title == OtherLessons {
				other++
			}
		}
	}
	t.Logf("lessons: %d of %d under %q", other, len(lessons), OtherLessons)
	if 5*other > len(lessons) {
		t.Errorf("%d of %d lessons under %q; want at most a fifth", other, len(lessons), OtherLessons)
	}
	for id, n := range headings {
		if n > maxHeadings {
			t.Errorf("lesson %d is under %d headings; want at most %d", id, n, maxHeadings)
		}
	}
}

// fixtureNames lists the labelled journals in testdata.
func fixtureNames(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "*"+labelsSuffix))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no labelled journals in testdata")
	}
	var names []string
	for _, p := range paths {
		names = append(names, strings.TrimSuffix(filepath.Base(p), labelsSuffix))
	}
	return names
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

// tfidfClusters is the naive baseline that failup must beat: every entry's
// text as a TF-IDF vector of stemmed content words, grouped into k clusters
// by spherical k-means, seeded farthest-first from the first entry.
func tfidfClusters(entries []journal.Entry, k int) []Theme {
	v := newVocab()
	vecs := make([]map[int32]float64, len(entries))
	df := map[int32]int{}
	for i, e := range entries {
		tf := map[int32]float64{}
		var buf []byte
		for _, text := range entryTexts(e) {
			buf = scanWords(text, buf, func(lower []byte, _, _ int, _ uint8) {
				if w := v.words[v.word(lower)]; w.contentStem >= 0 {
					tf[w.contentStem]++
				}
			})
		}
		for s := range tf {
			df[s]++
		}
		vecs[i] = tf
	}
	for _, vec := range vecs {
		for s, n := range vec {
			vec[s] = (1 + math.Log(n)) * math.Log(float64(len(entries))/float64(df[s]))
		}
		unit(vec)
	}
	centres := []map[int32]float64{vecs[0]}
	for len(centres) < min(k, len(vecs)) {
		far, farSim := 0, math.Inf(1)
		for i, vec := range vecs {
			best := math.Inf(-1)
			for _, c := range centres {
				best = max(best, dot(vec, c))
			}
			if best < farSim {
				far, farSim = i, best
			}
		}
		centres = append(centres, vecs[far])
	}
	assign := make([]int, len(vecs))
	for range 20 {
		for i, vec := range vecs {
			best := math.Inf(-1)
			for c, centre := range centres {
				if s := dot(vec, centre); s > best {
					best, assign[i] = s, c
				}
			}
		}
		for c := range centres {
			sum := map[int32]float64{}
			for i, vec := range vecs {
				if assign[i] == c {
					for s, w := range vec {
						sum[s] += w
					}
				}
			}
			unit(sum)
			centres[c] = sum
		}
	}
	themes := make([]Theme, len(centres))
	for i, e := range entries {
		th := &themes[assign[i]]
		th.Label = fmt.Sprintf("cluster %d", assign[i]+1)
		th.Entries = append(th.Entries, e.ID)
	}
	return themes
}

func entryTexts(e journal.Entry) []string {
	texts := []string{e.Title, e.Lesson}
	for _, a := range e.Answers {
		texts = append(texts, a.Text)
	}
	return texts
}

func dot(a, b map[int32]float64) float64 {
	var sum float64
	for s, w := range a {
		sum += w * b[s]
	}
	return sum
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
