package export

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

// TestJSONRoundTripThroughTheStore is the promise of export and import:
// random entries exported, read back, imported into an empty journal, listed
// and exported again give the same document, ids aside.
func TestJSONRoundTripThroughTheStore(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(5, 2026))
	for round := range 25 {
		entries := make([]journal.Entry, 1+r.IntN(12))
		for i := range entries {
			entries[i] = randomEntry(r, i)
			if err := entries[i].Complete(now, noQuestions); err != nil {
				t.Fatalf("round %d: the generator made an invalid entry: %v", round, err)
			}
		}
		slices.SortFunc(entries, newestFirst)

		var first bytes.Buffer
		if err := JSON(&first, journal.Each(entries), nil, now); err != nil {
			t.Fatal(err)
		}
		doc, err := journal.DecodeDocument(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("round %d: reading the export back: %v", round, err)
		}
		for i := range doc.Entries {
			if err := doc.Entries[i].Complete(now, noQuestions); err != nil {
				t.Fatalf("round %d: entry %d no longer valid: %v", round, i, err)
			}
		}
		s, err := store.Open(filepath.Join(t.TempDir(), "journal.db"))
		if err != nil {
			t.Fatal(err)
		}
		added, skipped, err := s.Import(ctx, func(yield func(journal.Entry, error) bool) {
			for _, e := range doc.Entries {
				if !yield(e, nil) {
					return
				}
			}
		})
		if err != nil || added != len(entries) || skipped != 0 {
			t.Fatalf("round %d: import added %d, skipped %d: %v", round, added, skipped, err)
		}
		listed, err := s.List(ctx, store.Filter{})
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		for i := range listed {
			listed[i].ID = 0
			if want := withEmptyLists(entries[i]); !reflect.DeepEqual(listed[i], want) {
				t.Fatalf("round %d: entry %d changed on its way through the journal:\n got %+v\nwant %+v", round, i, listed[i], want)
			}
		}
		var second bytes.Buffer
		if err := JSON(&second, journal.Each(listed), nil, now); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("round %d: the export changed after import:\n%s", round, firstDifference(first.String(), second.String()))
		}
	}
}

func noQuestions(string, string) (string, bool) { return "", false }

// newestFirst is the order the store lists entries in.
func newestFirst(a, b journal.Entry) int {
	return cmp.Or(strings.Compare(string(b.OccurredOn), string(a.OccurredOn)), b.CreatedAt.Compare(a.CreatedAt))
}

func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d:\nbefore: %s\n after: %s", i+1, al[i], bl[i])
		}
	}
	return "one is a prefix of the other"
}

// pieces are what random text is made of: plain words, Markdown, right-to-
// left scripts, combining marks, characters outside the BMP, and
// whitespace of every kind.
var pieces = []string{
	"setback", "try again", "Lesson", "**bold**", "# heading", "```", "---", "<b>", "&amp;",
	"שלום", "مرحبا بالعالم", "\u200f", "e\u0301", "a\u0308\u0323", "失敗", "🙂", "👩🏽‍💻",
	"\x00", "\x1b[31m", " ", "  ", "\t", "\n", "\n\n", "\r\n", `"quoted"`, `back\slash`, "%s", "'",
}

func randomText(r *rand.Rand, maxPieces int) string {
	var b strings.Builder
	for range r.IntN(maxPieces + 1) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// randomLine is text that stays non-empty after trimming.
func randomLine(r *rand.Rand, maxPieces int) string {
	return "x" + strings.ReplaceAll(randomText(r, maxPieces), "\n", " ")
}

func maybe[T any](r *rand.Rand, v T) *T {
	if r.IntN(3) == 0 {
		return nil
	}
	return &v
}

func randomTime(r *rand.Rand) time.Time {
	return time.Unix(946684800+r.Int64N(30*365*86400), r.Int64N(1e9)).UTC()
}

func randomDate(r *rand.Rand) journal.Date { return journal.DateOf(randomTime(r)) }

func randomEntry(r *rand.Rand, i int) journal.Entry {
	e := journal.Entry{
		UID:        fmt.Sprintf("%d-%s", i, randomLine(r, 3)),
		CreatedAt:  time.Date(2020, 1, 1, 0, 0, i, r.IntN(1e9), time.UTC),
		UpdatedAt:  randomTime(r),
		OccurredOn: randomDate(r).AddDays(-5 * 365), // setbacks are in the past
		Title:      randomLine(r, 6),
		PromptSet:  []string{"", "four-questions", "my own set"}[r.IntN(3)],
		Lesson:     randomText(r, 8),
		Severity:   maybe(r, 1+r.IntN(5)),
		Confidence: maybe(r, 1+r.IntN(10)),
	}
	if r.IntN(4) == 0 {
		e.FollowsUID = randomLine(r, 2)
	}
	keys := []string{journal.KeyCause, journal.KeyPatterns, journal.KeyDifferently, journal.KeyStrengths, "custom"}
	for _, k := range keys[:r.IntN(len(keys)+1)] {
		text := randomText(r, 20)
		if r.IntN(10) == 0 {
			text = strings.Repeat(text+"long ", 2000)
		}
		e.Answers = append(e.Answers, journal.Answer{Key: k, Question: randomLine(r, 4) + "?", Text: text})
	}
	for range r.IntN(4) {
		e.Tags = append(e.Tags, randomLine(r, 2))
	}
	for _, s := range journal.Skills {
		if r.IntN(3) == 0 {
			e.Skills = append(e.Skills, s)
		}
	}
	e.Followup = randomFollowup(r)
	return e
}

// randomFollowup is in one of the states a follow-up can be in: none,
// pending, checked in (tried again or not, with or without details), or
// dropped.
func randomFollowup(r *rand.Rand) *journal.Followup {
	state := r.IntN(5)
	if state == 0 {
		return nil
	}
	f := &journal.Followup{Commitment: randomLine(r, 4)}
	if r.IntN(2) == 0 {
		f.DueOn = randomDate(r)
	}
	switch state {
	case 2, 3:
		f.CheckedInAt = ptr(randomTime(r))
		f.TriedAgain = maybe(r, state == 2)
		f.Outcome = maybe(r, randomText(r, 10))
		f.ConfidenceAfter = maybe(r, 1+r.IntN(10))
	case 4:
		f.DroppedAt = ptr(randomTime(r))
	}
	return f
}
