package insight

import (
	"fmt"
	"slices"
	"testing"

	"github.com/failup/failup/internal/journal"
)

// addCause appends to entries one whose cause is text, and gives its id.
func addCause(entries *[]journal.Entry, text string) int64 {
	id := int64(len(*entries) + 1)
	*entries = append(*entries, journal.Entry{
		ID: id, UID: fmt.Sprintf("u%d", id), OccurredOn: "2026-03-28",
		Title: "A day", Answers: []journal.Answer{{Key: journal.KeyCause, Text: text}},
	})
	return id
}

func TestAnEntryThatBrushesAThemeInPassingStaysOutOfIt(t *testing.T) {
	entries, _ := kitJournal(30)
	passing := addCause(&entries, "Argued with my sister over the seating plan for the wedding, and the caterer cancelled. We had skipped the checks on the booking too.")
	backed := addCause(&entries, "Quarrel at the bakery about the invoice; I skipped the checks and cut corners on the order, untested as ever.")
	report := Patterns(entries, builtinLexicon(t), Options{})
	checks, ok := themeByKey(report, "pattern:skipping-checks")
	if !ok {
		t.Fatal("no theme for skipping the checks")
	}
	if slices.Contains(checks.Entries, passing) {
		t.Errorf("entry %d, about a wedding and naming the checks once in passing, is in %q", passing, checks.Label)
	}
	if !slices.Contains(checks.Entries, backed) {
		t.Errorf("entry %d, unlike the others but naming the pattern three ways, is not in %q", backed, checks.Label)
	}
	for id := int64(1); id <= 8; id++ {
		if !slices.Contains(checks.Entries, id) {
			t.Errorf("entry %d, written like the pattern's others, is not in it", id)
		}
	}
}

func TestAnEntryTitledWithTheThemeIsNoStray(t *testing.T) {
	entries, _ := kitJournal(30)
	id := int64(len(entries) + 1)
	entries = append(entries, journal.Entry{
		ID: id, UID: fmt.Sprintf("u%d", id), OccurredOn: "2026-03-28",
		Title:   "Skipped the checks",
		Answers: []journal.Answer{{Key: journal.KeyCause, Text: "Argued with my sister over the seating plan for the wedding, and the caterer cancelled. We had skipped the checks on the booking too."}},
	})
	report := Patterns(entries, builtinLexicon(t), Options{})
	checks, ok := themeByKey(report, "pattern:skipping-checks")
	if !ok {
		t.Fatal("no theme for skipping the checks")
	}
	if !slices.Contains(checks.Entries, id) {
		t.Errorf("entry %d, titled with the pattern and naming it again in its cause, is not in %q", id, checks.Label)
	}
}

func TestAnEntryWhoseCauseOpensWithThePersonIsNoStray(t *testing.T) {
	entries, _ := kitJournal(30)
	var games []int64
	for i := range 7 {
		games = append(games, addCause(&entries, fmt.Sprintf("Missed Leo's match again: the boiler job ran long and I reached the pitch at the final whistle, game %d.", i)))
	}
	opens := addCause(&entries, "Leo had his tryouts today while I was stuck under a sink across town with a cracked trap.")
	afterADash := addCause(&entries, " – Leo's coach rang about the kit money, and the invoice is still in my glovebox.")
	passing := addCause(&entries, "The van failed its inspection and the garage kept it overnight; Leo laughed at the rust.")
	titled := addCause(&entries, "The dog chewed the hose reel and the neighbour wants it replaced before Sunday.")
	entries[titled-1].Title = "Leo at the neighbour's"
	report := Patterns(entries, builtinLexicon(t), Options{})
	leo, ok := themeByKey(report, "name:leo")
	if !ok {
		t.Fatalf("no theme for Leo in %q", themeLabels(report))
	}
	for _, id := range games {
		if !slices.Contains(leo.Entries, id) {
			t.Errorf("entry %d, one of Leo's missed matches, is not in %q", id, leo.Label)
		}
	}
	for _, id := range []int64{opens, afterADash} {
		if !slices.Contains(leo.Entries, id) {
			t.Errorf("entry %d, whose cause opens with Leo, is not in %q", id, leo.Label)
		}
	}
	// A title names what the entry is about in few words, a name often
	// among them: only the cause opening with the person keeps it.
	for _, id := range []int64{passing, titled} {
		if slices.Contains(leo.Entries, id) {
			t.Errorf("entry %d, naming Leo once in passing, is in %q", id, leo.Label)
		}
	}
}
