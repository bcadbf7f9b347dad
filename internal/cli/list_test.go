package cli

import (
	"bytes"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

func TestWriteJSONListPrintsWhatPrintJSONWould(t *testing.T) {
	at := time.Date(2026, 3, 14, 18, 22, 5, 0, time.UTC)
	one := journal.Entry{ID: 1, UID: "u1", CreatedAt: at, UpdatedAt: at, OccurredOn: "2026-03-14",
		Title: "<b>&</b>", Answers: []journal.Answer{{Key: "cause", Question: "Why?", Text: "line\nnext"}},
		Tags: []string{"work"}, Skills: []journal.Skill{}, Severity: ptrTo(3)}
	two := one
	two.ID, two.Title, two.Followup = 2, "Two", &journal.Followup{Commitment: "try", DueOn: "2026-04-01"}
	for _, entries := range [][]journal.Entry{{}, {one}, {one, two}} {
		var want, got bytes.Buffer
		(&env{out: &want}).printJSON(entries)
		err := termtext.WriteJSONList(&got, journal.Each(entries))
		if err != nil || got.String() != want.String() {
			t.Fatalf("WriteJSONList(%d entries) = %v\n%s\nwant\n%s", len(entries), err, got.String(), want.String())
		}
	}
}

func ptrTo[T any](v T) *T { return &v }
