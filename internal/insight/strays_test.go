package insight

import (
	"fmt"
	"slices"
	"testing"

	"github.com/failup/failup/internal/journal"
)

func TestAnEntryThatBrushesAThemeInPassingStaysOutOfIt(t *testing.T) {
	entries, _ := kitJournal(30)
	add := func(text string) int64 {
		id := int64(len(entries) + 1)
		entries = append(entries, journal.Entry{
			ID: id, UID: fmt.Sprintf("u%d", id), OccurredOn: "2026-03-28",
			Title: "A day", Answers: []journal.Answer{{Key: journal.KeyCause, Text: text}},
		})
		return id
	}
	passing := add("Argued with my sister over the seating plan for the wedding, and the caterer cancelled. We had skipped the checks on the booking too.")
	backed := add("Quarrel at the bakery about the invoice; I skipped the checks and cut corners on the order, untested as ever.")
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
