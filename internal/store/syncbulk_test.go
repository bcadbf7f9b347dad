package store

import (
	"math"
	"reflect"
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
