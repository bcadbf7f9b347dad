package store

import (
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/journal"
)

// assertTalliesAgree checks Tallies, kept by triggers, against the tallies
// counted over every entry, on days before, during and after the journal.
func assertTalliesAgree(t *testing.T, s *Store, when string) {
	t.Helper()
	entries, err := s.List(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, today := range []journal.Date{"2020-06-15", "2026-11-27", "2031-01-01"} {
		got, err := s.Tallies(ctx, today)
		if err != nil {
			t.Fatal(err)
		}
		if want := talliesOf(entries, today); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s, on %s:\nTallies   %+v\ncounted %+v", when, today, got, want)
		}
	}
}

// talliesOf counts entries the slow way, entry by entry.
func talliesOf(entries []journal.Entry, today journal.Date) journal.Tallies {
	var t journal.Tallies
	months, skills := map[string]int{}, map[string]int{}
	bins := map[*[]journal.Bin]map[int]int{&t.Confidence: {}, &t.ConfidenceAfter: {}, &t.ConfidenceChange: {}, &t.DaysToTryAgain: {}}
	byUID := map[string]bool{}
	for _, e := range entries {
		byUID[e.UID] = true
	}
	starts := map[string]bool{}
	for _, e := range entries {
		if t.FirstOn == "" || e.OccurredOn < t.FirstOn {
			t.FirstOn = e.OccurredOn
		}
		t.LastOn = max(t.LastOn, e.OccurredOn)
		months[string(e.OccurredOn)[:7]]++
		for _, sk := range e.Skills {
			skills[string(sk)]++
		}
		if e.Confidence != nil {
			bins[&t.Confidence][*e.Confidence]++
		}
		if e.FollowsUID != "" && byUID[e.FollowsUID] {
			starts[e.FollowsUID] = true
		}
		f := e.Followup
		if f == nil {
			continue
		}
		switch f.Status(today) {
		case journal.StatusDropped:
			t.SetAside++
		case journal.StatusDone:
			if *f.TriedAgain {
				t.TriedAgain++
			} else {
				t.NotTried++
			}
		case journal.StatusUpcoming:
			t.Upcoming++
		default:
			t.Waiting++
		}
		if f.CheckedInAt != nil && *f.TriedAgain { // set aside after, or not
			days := max(e.OccurredOn.DaysUntil(journal.DateOf(*f.CheckedInAt)), 0)
			bins[&t.DaysToTryAgain][days]++
		}
		if f.ConfidenceAfter != nil {
			bins[&t.ConfidenceAfter][*f.ConfidenceAfter]++
			if e.Confidence != nil {
				bins[&t.ConfidenceChange][*f.ConfidenceAfter-*e.Confidence]++
			}
		}
	}
	for _, e := range entries {
		if starts[e.UID] && (e.FollowsUID == "" || !byUID[e.FollowsUID]) {
			t.Chains++
		}
	}
	keys := func(m map[string]int) []journal.Tally {
		var out []journal.Tally
		for k, n := range m {
			out = append(out, journal.Tally{Key: k, N: n})
		}
		slices.SortFunc(out, func(a, b journal.Tally) int { return strings.Compare(a.Key, b.Key) })
		return out
	}
	t.Months, t.Skills = keys(months), keys(skills)
	for into, counts := range bins {
		for v, n := range counts {
			*into = append(*into, journal.Bin{Value: v, N: n})
		}
		slices.SortFunc(*into, func(a, b journal.Bin) int { return a.Value - b.Value })
	}
	return t
}

func TestTalliesAgreeWithTheEntriesThroughEveryChange(t *testing.T) {
	s := openTemp(t)
	assertTalliesAgree(t, s, "empty")
	const size = 1500
	entries := gen.Entries(size, 3, "2026-11-27")
	if _, _, err := s.Import(ctx, journal.Each(entries)); err != nil {
		t.Fatal(err)
	}
	assertTalliesAgree(t, s, "imported")

	rng := rand.New(rand.NewPCG(1, 2))
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for i := range 400 {
		id := rng.Int64N(size) + 1
		var err error
		switch rng.IntN(6) {
		case 0: // an edit that moves the day, the confidence, the skills and the commitment
			e, gerr := s.Get(ctx, id)
			if gerr != nil {
				err = gerr
				break
			}
			e.OccurredOn = e.OccurredOn.AddDays(rng.IntN(90) - 45)
			e.Confidence = []*int{nil, ptr(rng.IntN(10) + 1)}[rng.IntN(2)]
			e.Skills = journal.Skills[rng.IntN(len(journal.Skills)):]
			if rng.IntN(3) == 0 {
				e.Followup = nil
			} else if e.Followup == nil {
				e.Followup = &journal.Followup{Commitment: "try again", DueOn: e.OccurredOn.AddDays(14)}
			}
			err = s.Update(ctx, &e, now)
		case 1:
			err = s.Delete(ctx, id)
		case 2:
			err = s.RecordCheckIn(ctx, id, CheckIn{TriedAgain: rng.IntN(2) == 0, ConfidenceAfter: []*int{nil, ptr(rng.IntN(10) + 1)}[rng.IntN(2)]}, now)
		case 3:
			err = s.Snooze(ctx, id, journal.Date("2026-12-01").AddDays(rng.IntN(60)-30), now)
		case 4:
			err = s.Drop(ctx, id, now)
		case 5: // a follow-on reflection, which may start a chain
			e, gerr := s.Get(ctx, id)
			if gerr != nil {
				err = gerr
				break
			}
			next := journal.Entry{UID: "next-" + e.UID + string(rune('a'+i%26)), CreatedAt: now, UpdatedAt: now,
				OccurredOn: e.OccurredOn.AddDays(3), Title: "Tried again", PromptSet: journal.DefaultPromptSet,
				Confidence: ptr(rng.IntN(10) + 1), FollowsUID: e.UID}
			err = s.Create(ctx, &next)
		}
		if err != nil && !errors.Is(err, ErrNotFound) && !errors.Is(err, ErrNoCommitment) {
			t.Fatal(err)
		}
	}
	assertTalliesAgree(t, s, "after 400 changes")
}

// TestTalliesOfAJournalWrittenBeforeTallies migrates a journal written by the
// first schema, whose counts the migration fills in.
func TestTalliesOfAJournalWrittenBeforeTallies(t *testing.T) {
	path, db := rawJournal(t)
	first, err := migrationFiles.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	// Today's writes need the table that hands out entry ids, and today's
	// search index.
	ids, err := migrationFiles.ReadFile("migrations/0003_cache_and_ids.sql")
	if err != nil {
		t.Fatal(err)
	}
	index, err := migrationFiles.ReadFile("migrations/0004_search_word_forms.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf("%s; %s; %s; PRAGMA user_version = 1; PRAGMA application_id = %d", first, ids, index, applicationID)); err != nil {
		t.Fatal(err)
	}
	// Saved one at a time: an import does the work of today's triggers itself.
	old := &Store{db: db, path: path}
	for _, e := range gen.Entries(800, 4, "2026-11-27") {
		if err := old.Create(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	assertTalliesAgree(t, s, "migrated")
}

// rawJournal makes a journal file with no schema yet, open as plain SQLite,
// for a test to build one as an older failup left it.
func rawJournal(t *testing.T) (string, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "journal.db")
	if err := checkFile(path, true); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn(path, "mode=rw"))
	if err != nil {
		t.Fatal(err)
	}
	return path, db
}
