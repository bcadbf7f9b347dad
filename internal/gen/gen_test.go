package gen

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

const end = journal.Date("2026-11-27")

func noQuestions(string, string) (string, bool) { return "", false }

func TestSameSeedSameDocument(t *testing.T) {
	first, err := json.Marshal(Document(300, 7, end))
	if err != nil {
		t.Fatal(err)
	}
	again, _ := json.Marshal(Document(300, 7, end))
	other, _ := json.Marshal(Document(300, 8, end))
	if !bytes.Equal(first, again) {
		t.Error("the same seed gave different documents")
	}
	if bytes.Equal(first, other) {
		t.Error("different seeds gave the same document")
	}
	if _, err := journal.DecodeDocument(bytes.NewReader(first)); err != nil {
		t.Errorf("import would refuse the document: %v", err)
	}
}

func TestEveryEntryIsCompleteAndValid(t *testing.T) {
	entries := Entries(1000, 1, end)
	last := lastSecondOf(end)
	first := end.AddDays(-spanDays(len(entries)) + 1)
	uids := map[string]bool{}
	for i, e := range entries {
		completed := e
		if err := completed.Complete(last, noQuestions); err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
		if !reflect.DeepEqual(completed, e) {
			t.Fatalf("entry %d was not complete:\n got %+v\nwant %+v", i, e, completed)
		}
		if uids[e.UID] {
			t.Fatalf("entry %d repeats uid %s", i, e.UID)
		}
		uids[e.UID] = true
		if e.OccurredOn < first || e.OccurredOn > end || i > 0 && e.OccurredOn < entries[i-1].OccurredOn {
			t.Errorf("entry %d occurred on %s: out of order or outside %s..%s", i, e.OccurredOn, first, end)
		}
		if journal.DateOf(e.CreatedAt) < e.OccurredOn || e.UpdatedAt.Before(e.CreatedAt) || e.UpdatedAt.After(last) {
			t.Errorf("entry %d occurred %s, created %s, updated %s", i, e.OccurredOn, e.CreatedAt, e.UpdatedAt)
		}
		if f := e.Followup; f != nil {
			for _, at := range []*time.Time{f.CheckedInAt, f.DroppedAt} {
				if at != nil && (at.Before(e.CreatedAt) || at.After(last)) {
					t.Errorf("entry %d created %s has a follow-up settled at %s", i, e.CreatedAt, at)
				}
			}
		}
	}
}

func TestAboutHundredTwentyWordsWithoutTemplateLeftovers(t *testing.T) {
	entries := Entries(1000, 2, end)
	words := 0
	for i, e := range entries {
		texts := []string{e.Title, e.Lesson}
		if e.Followup != nil {
			texts = append(texts, e.Followup.Commitment)
		}
		for _, a := range e.Answers {
			words += len(strings.Fields(a.Text))
			texts = append(texts, a.Text)
		}
		for _, text := range texts {
			if strings.ContainsAny(text, "{}") {
				t.Fatalf("entry %d has an unfilled template: %q", i, text)
			}
		}
	}
	if avg := words / len(entries); avg < 100 || avg > 150 {
		t.Errorf("answers average %d words, want about 120", avg)
	}
}

func TestEveryFollowupStateAppears(t *testing.T) {
	seen := map[string]int{}
	for _, e := range Entries(1000, 3, end) {
		f := e.Followup
		switch {
		case f == nil:
			seen["none"]++
		case f.CheckedInAt != nil && *f.TriedAgain:
			seen["tried again"]++
		case f.CheckedInAt != nil:
			seen["did not try again"]++
		default:
			seen[string(f.Status(end))]++
		}
	}
	for _, state := range []string{"none", "upcoming", "overdue", "tried again", "did not try again", "dropped"} {
		if seen[state] == 0 {
			t.Errorf("no follow-up is %s in 1,000 entries: %v", state, seen)
		}
	}
}

func TestSomeEntriesFollowEarlierAttempts(t *testing.T) {
	entries := Entries(1000, 4, end)
	index := map[string]journal.Entry{}
	linked := 0
	for _, e := range entries {
		if e.FollowsUID != "" {
			linked++
			earlier, ok := index[e.FollowsUID]
			if !ok || !earlier.Followup.CheckedInAt.Before(e.CreatedAt) {
				t.Errorf("%s follows %s, which is not an earlier, checked-in entry", e.UID, e.FollowsUID)
			}
		}
		index[e.UID] = e
	}
	if linked == 0 {
		t.Error("no entry follows an earlier attempt")
	}
}

func BenchmarkEntries100k(b *testing.B) {
	for b.Loop() {
		Entries(100_000, 1, end)
	}
}
