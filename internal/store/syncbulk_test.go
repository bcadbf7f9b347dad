package store

import (
	"math"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/failup/failup/internal/changelog"
	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/journal"
)

// A merge that writes the entries it brings in bulk leaves the journal as
// settling them one version at a time does: the same entries, versions,
// heads, conflicts, fingerprints, counts and index; and a later merge
// touching the same entries ends the same way too.
func TestSyncNewEntriesInBulkMatchOneByOne(t *testing.T) {
	es := gen.Entries(2*importBatch+40, 11, "2026-11-27")
	clock := changelog.Clock{Wall: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC).UnixMilli()}
	n := map[string]int64{}
	version := func(dev string, e journal.Entry, parents ...string) changelog.Version {
		n[dev]++
		clock = clock.Tick(clock.Wall)
		body, _ := canonical(e)
		return changelog.Version{ID: changelog.VersionID(dev, n[dev]), UID: e.UID, Device: dev, Clock: clock,
			Parents: parents, Entry: body}
	}
	deletion := func(dev, uid string, parents ...string) changelog.Version {
		v := version(dev, journal.Entry{UID: uid}, parents...)
		v.Deleted, v.Entry = true, nil
		return v
	}
	edited := func(e journal.Entry, title string) journal.Entry {
		e.Title = title
		return e
	}
	var first []changelog.Version
	for _, e := range es[5:] {
		first = append(first, version("aaaa", e))
	}
	chain := version("aaaa", es[0])
	first = append(first, chain, version("aaaa", edited(es[0], "Edited once"), chain.ID))
	base := version("aaaa", es[1])
	first = append(first, version("bbbb", edited(es[1], "Edited on b"), base.ID),
		version("cccc", edited(es[1], "Edited on c"), base.ID), base) // a conflict, its parent last
	gone := version("aaaa", es[2])
	first = append(first, gone, deletion("aaaa", es[2].UID, gone.ID))
	bad := es[3]
	bad.Severity = ptr(9)
	first = append(first, version("bbbb", bad), version("bbbb", es[3]))                     // the first is refused
	first = append(first, version("cccc", edited(es[4], "Its parent to come"), "cccc:999")) // one by one
	first = append(first, first[0], first[len(first)-3])                                    // read twice

	bulk, oneByOne := openTemp(t), openTemp(t)
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	merge := func(s *Store, vs []changelog.Version, from int) Merged {
		t.Helper()
		was := bulkSyncFrom
		bulkSyncFrom = from
		defer func() { bulkSyncFrom = was }()
		m, err := s.SyncMerge(ctx, Merge{Now: now, Versions: vs})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	got, want := merge(bulk, first, 1), merge(oneByOne, first, math.MaxInt)
	if got != want || got.Created != len(es)-1 || got.Rejected != 1 {
		t.Fatalf("in bulk %+v, one by one %+v; want %d created, 1 rejected", got, want, len(es)-1)
	}
	compareSynced(t, bulk, oneByOne)

	parent := version("cccc", es[4])
	parent.ID = "cccc:999"
	later := []changelog.Version{
		version("bbbb", edited(es[0], "Edited again"), first[len(es)-5+1].ID),
		deletion("bbbb", es[5].UID, first[0].ID),
		parent, // replaced already: it changes nothing
	}
	if got, want := merge(bulk, later, 1), merge(oneByOne, later, math.MaxInt); got != want || got.Updated != 1 || got.Deleted != 1 {
		t.Fatalf("later, in bulk %+v, one by one %+v; want 1 updated, 1 deleted", got, want)
	}
	compareSynced(t, bulk, oneByOne)
	if again := merge(bulk, append(first, later...), 1); again != (Merged{Rejected: 1}) {
		t.Errorf("merging the same versions again = %+v, want only the invalid one refused again", again)
	}
}

// A merge of several batches keeps writing new entries in bulk from one
// batch to the next, puts them in place before a batch that needs the
// journal as it is (an edit of an entry written in bulk), and ends as the
// same batches settled one version at a time do, the files read included.
func TestSyncBatchesInBulkMatchOneByOne(t *testing.T) {
	es := gen.Entries(4*importBatch, 12, "2026-11-27")
	clock := changelog.Clock{Wall: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC).UnixMilli()}
	made := int64(0)
	version := func(e journal.Entry, parents ...string) changelog.Version {
		made++
		clock = clock.Tick(clock.Wall)
		body, _ := canonical(e)
		return changelog.Version{ID: changelog.VersionID("aaaa", made), UID: e.UID, Device: "aaaa", Clock: clock,
			Parents: parents, Entry: body}
	}
	fresh := func(from, to int) []changelog.Version {
		var vs []changelog.Version
		for _, e := range es[from:to] {
			vs = append(vs, version(e))
		}
		return vs
	}
	file := func(n int) []SyncFile {
		return []SyncFile{{Path: "failup/aaaa/" + strconv.Itoa(n) + ".log", Device: "aaaa", Consumed: int64(n), Complete: true}}
	}
	first, second := fresh(0, importBatch+10), fresh(importBatch+10, 2*importBatch)
	edited := es[3]
	edited.Title = "Edited in a later batch"
	fix := journal.Correction{UID: "0b0e8f2e-5a4b-4c3d-9e1f-2a3b4c5d6e7f", Kind: journal.CorrectWords,
		Theme: "pattern:overcommitment", Word: "too much on", CreatedAt: time.Date(2026, 11, 28, 8, 0, 0, 0, time.UTC)}
	fix.UpdatedAt = fix.CreatedAt
	body, _ := canonicalCorrection(fix)
	correction := version(journal.Entry{UID: fix.UID})
	correction.Entry, correction.Correction = body, true
	batches := []MergeBatch{
		{Versions: first, Files: file(1)},
		{Versions: append(second, correction), Files: file(2)}, // a correction goes beside the bulk writing
		{Versions: append(fresh(2*importBatch, 3*importBatch), version(edited, first[3].ID)), Files: file(3)},
		{Versions: fresh(3*importBatch, 4*importBatch), Files: file(4)}, // in bulk into a journal with entries
	}
	merge := func(s *Store, from int) Merged {
		t.Helper()
		was := bulkSyncFrom
		bulkSyncFrom = from
		defer func() { bulkSyncFrom = was }()
		m, err := s.SyncMerge(ctx, Merge{Now: time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC), More: slices.Values(batches)})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	bulk, oneByOne := openTemp(t), openTemp(t)
	got, want := merge(bulk, 1), merge(oneByOne, math.MaxInt)
	if got != want || got.Created != len(es) || got.Updated != 1 || got.Corrections != 1 {
		t.Fatalf("in bulk %+v, one by one %+v; want %d created, 1 updated, 1 correction", got, want, len(es))
	}
	compareSynced(t, bulk, oneByOne)
	for q, n := range map[string]int{
		"SELECT path, device, consumed, complete, problem FROM sync_files ORDER BY path":   len(batches),
		"SELECT uid, kind, theme, target, created_at, updated_at FROM pattern_corrections": 1,
	} {
		if got, want := rowsOf(t, bulk, q), rowsOf(t, oneByOne, q); len(got) != n || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: in bulk %v, one by one %v", q, got, want)
		}
	}
}

// compareSynced fails unless a and b hold the same entries (by uid, as ids
// are each journal's own), sync history, counts and index.
func compareSynced(t *testing.T, a, b *Store) {
	t.Helper()
	for _, q := range []string{
		"SELECT uid, created_at, updated_at, occurred_on, title, prompt_set, lesson, severity, confidence, follows_uid FROM entries ORDER BY uid",
		"SELECT e.uid, c.position, c.key, c.question, c.text FROM answers c JOIN entries e ON e.id = c.entry_id ORDER BY 1, 2",
		"SELECT e.uid, c.position, c.tag FROM tags c JOIN entries e ON e.id = c.entry_id ORDER BY 1, 2",
		"SELECT e.uid, c.position, c.skill FROM skills c JOIN entries e ON e.id = c.entry_id ORDER BY 1, 2",
		"SELECT e.uid, c.commitment, c.due_on, c.checked_in_at, c.tried_again, c.outcome, c.confidence_after, c.dropped_at FROM followups c JOIN entries e ON e.id = c.entry_id ORDER BY 1",
		"SELECT kind, key, n FROM tallies WHERE n != 0 ORDER BY kind, key",
		"SELECT generation, last_entry_id FROM journal_meta",
		"SELECT id, uid, device, clock_wall, clock_logical, parents, deleted, entry, head, published, correction FROM sync_versions ORDER BY id",
		"SELECT id FROM sync_replaced ORDER BY id",
		"SELECT uid, hash FROM sync_entries ORDER BY uid",
		"SELECT uid FROM sync_conflicts ORDER BY uid",
		"SELECT device, versions, clock_wall FROM sync_peers ORDER BY device",
		"SELECT made, clock_wall, clock_logical FROM sync_device",
		"SELECT count(*) FROM sync_pending",
		"SELECT type, name, sql FROM sqlite_schema ORDER BY name",
		"PRAGMA integrity_check",
	} {
		if got, want := rowsOf(t, a, q), rowsOf(t, b, q); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: in bulk %d rows, one by one %d, or they differ", q, len(got), len(want))
		}
	}
	if got, want := indexedByUID(t, a), indexedByUID(t, b); !reflect.DeepEqual(got, want) {
		t.Errorf("in bulk the index holds %d words, one by one %d, or they differ", len(got), len(want))
	}
}

// indexedByUID is indexed with each entry named by its uid.
func indexedByUID(t *testing.T, s *Store) map[string][][]any {
	t.Helper()
	uids := map[int64]string{}
	for _, row := range rowsOf(t, s, "SELECT id, uid FROM entries") {
		uids[row[0].(int64)] = row[1].(string)
	}
	out := map[string][][]any{}
	for _, w := range indexed(t, s) {
		uid := uids[w[1].(int64)]
		out[uid] = append(out[uid], []any{w[0], w[2], w[3]})
	}
	return out
}
