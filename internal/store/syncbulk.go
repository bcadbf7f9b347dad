package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"iter"

	"github.com/failup/failup/internal/changelog"
)

// A new device's first sync brings every entry of the others, each one it
// has never known. Settling them one by one (looking each up, writing its
// rows with their triggers, a dozen statements an entry) cost two and a
// half times an import; they are written as an import writes instead. An
// entry qualifies when neither the journal nor its sync history knows its
// uid, so that its heads are found among the versions read alone, and
// writing it cannot overwrite anything.

// newEntry is an entry the journal has never known, with its versions.
type newEntry struct {
	uid      string
	versions []changelog.Version
}

// bulkSyncFrom is how many new entries a merge must bring for them to be
// written in bulk: setting triggers aside and back changes the schema,
// which is not worth it for a few. A variable so that a test can settle
// any number one by one.
var bulkSyncFrom = importBatch

// splitNew sorts the versions not seen twice in versions into those of
// entries the journal has never known, by entry in the order first seen,
// and the others. An entry whose versions name a parent that is not among
// them (a version still to arrive) goes with the others, which keep track
// of such parents one version at a time.
func (sm *syncMerge) splitNew(ctx context.Context, versions []changelog.Version) ([]newEntry, []changelog.Version, error) {
	seen := make(map[string]bool, len(versions))
	byUID := map[string]int{} // the index in fresh
	var fresh []newEntry
	var once []changelog.Version
	for _, v := range versions {
		if seen[v.ID] {
			continue
		}
		seen[v.ID] = true
		once = append(once, v)
		if v.Correction {
			continue
		}
		i, ok := byUID[v.UID]
		if !ok {
			i = len(fresh)
			byUID[v.UID] = i
			fresh = append(fresh, newEntry{uid: v.UID})
		}
		fresh[i].versions = append(fresh[i].versions, v)
	}
	if len(fresh) < bulkSyncFrom {
		return nil, once, nil
	}
	known, err := sm.knownUIDs(ctx, fresh)
	if err != nil {
		return nil, nil, err
	}
	kept := fresh[:0]
	for _, n := range fresh {
		if known[n.uid] || !n.selfContained() {
			continue
		}
		kept = append(kept, n)
	}
	if len(kept) < bulkSyncFrom {
		return nil, once, nil
	}
	isNew := make(map[string]bool, len(kept))
	for _, n := range kept {
		isNew[n.uid] = true
	}
	rest := once[:0]
	for _, v := range once {
		if v.Correction || !isNew[v.UID] {
			rest = append(rest, v)
		}
	}
	return kept, rest, nil
}

// selfContained reports whether every parent the entry's versions name is
// one of them.
func (n newEntry) selfContained() bool {
	ids := make(map[string]bool, len(n.versions))
	for _, v := range n.versions {
		ids[v.ID] = true
	}
	for _, v := range n.versions {
		for _, p := range v.Parents {
			if !ids[p] {
				return false
			}
		}
	}
	return true
}

// knownUIDs are the uids among the entries' that the journal holds, or has
// versions or a fingerprint of.
func (sm *syncMerge) knownUIDs(ctx context.Context, entries []newEntry) (map[string]bool, error) {
	known := map[string]bool{}
	const chunk = 4096
	for start := 0; start < len(entries); start += chunk {
		uids := make([]string, 0, chunk)
		for _, n := range entries[start:min(start+chunk, len(entries))] {
			uids = append(uids, n.uid)
		}
		list, err := json.Marshal(uids)
		if err != nil {
			return nil, err
		}
		rows, err := sm.tx.QueryContext(ctx, `SELECT value FROM json_each(?) WHERE
			EXISTS (SELECT 1 FROM sync_versions WHERE uid = value AND head)
			OR EXISTS (SELECT 1 FROM entries WHERE uid = value)
			OR EXISTS (SELECT 1 FROM sync_entries WHERE uid = value)`, string(list))
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var uid string
			if err := rows.Scan(&uid); err != nil {
				rows.Close()
				return nil, err
			}
			known[uid] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return known, nil
}

// settledEntry is what the versions of a new entry come to: those that are
// valid, in canonical form, which of them are heads, and the entry the
// newest live head holds (none when every head is a deletion).
type settledEntry struct {
	newEntry
	head     []bool
	rejected int
	live     int
	entry    *indexedEntry
	hash     string
}

// settleNew checks an entry's versions and finds its heads, as adding them
// one by one and settling it would; it touches no journal, so that it can
// run beside the writing.
func settleNew(n newEntry) settledEntry {
	s := settledEntry{newEntry: newEntry{uid: n.uid}}
	decoded := map[string]decodedEntry{}
	replaced := map[string]bool{}
	for _, v := range n.versions {
		if !v.Deleted {
			body, hash, e, err := decodeVersionEntry(v)
			if err != nil {
				s.rejected++
				continue
			}
			v.Entry = body
			decoded[v.ID] = decodedEntry{e, hash}
		}
		for _, p := range v.Parents {
			replaced[p] = true
		}
		s.versions = append(s.versions, v)
	}
	var heads []changelog.Version
	for _, v := range s.versions {
		head := !replaced[v.ID]
		s.head = append(s.head, head)
		if head {
			heads = append(heads, v)
			if !v.Deleted {
				s.live++
			}
		}
	}
	if best := newest(heads); best != nil {
		d := decoded[best.ID]
		s.entry, s.hash = &indexedEntry{Entry: d.entry}, d.hash
	}
	return s
}

// settledNew settles each entry on the goroutine it runs on, and adds what
// the index holds for the entry kept.
func settledNew(entries []newEntry) iter.Seq2[settledEntry, error] {
	return func(yield func(settledEntry, error) bool) {
		for _, n := range entries {
			s := settleNew(n)
			if s.entry != nil {
				s.entry.text = textToIndex(&s.entry.Entry)
			}
			if !yield(s, nil) {
				return
			}
		}
	}
}

// remoteNew adds the versions of entries the journal has never known and
// writes each entry's newest head, as import writes entries: a batch at a
// time, checked and settled on another goroutine while the batch before is
// written.
func (sm *syncMerge) remoteNew(ctx context.Context, entries []newEntry, res *Merged, arrived *arrivals) error {
	if len(entries) == 0 {
		return nil
	}
	if sm.fresh == nil {
		nw, err := newNewWriter(ctx, sm.tx)
		if err != nil {
			return err
		}
		sm.fresh = nw
	}
	b, tables := sm.fresh.b, sm.fresh.tables
	for batch, err := range readAhead(settledNew(entries), importBatch) {
		if err != nil {
			return err
		}
		var write []indexedEntry
		for _, s := range batch {
			res.Rejected += s.rejected
			for i, v := range s.versions {
				if err := tables.add(v, s.head[i], s.live > 1); err != nil {
					return err
				}
				arrived.note(sm, v, res)
			}
			if s.live > 1 {
				tables.conflicts.add(s.uid)
			}
			if s.entry != nil {
				write = append(write, *s.entry)
				tables.hashes.add(s.uid, s.hash)
			}
		}
		if err := tables.flush(ctx, sm.tx); err != nil {
			return err
		}
		if err := b.write(ctx, write); err != nil {
			return err
		}
	}
	return nil
}

// newWriter writes a merge's new entries in bulk, as an import does, from
// one batch to the next until endNew: into a journal with no entry yet (a
// new device's first sync), with its indexes set aside and its full-text
// index built beside.
type newWriter struct {
	b       *bulk
	tables  *versionTables
	restore func() error // the counting triggers, set aside
}

func newNewWriter(ctx context.Context, tx *sql.Tx) (*newWriter, error) {
	b, err := newBulk(ctx, tx)
	if err != nil {
		return nil, err
	}
	b.pending = false // finish forgets what the merge wrote
	nw := &newWriter{b: b, tables: newVersionTables()}
	if nw.restore, err = suspendTriggers(ctx, tx, countTriggers); err != nil {
		nw.close()
		return nil, err
	}
	if err := b.setAside(ctx); err != nil {
		nw.close()
		return nil, err
	}
	return nw, nil
}

func (nw *newWriter) close() {
	nw.b.close()
	nw.tables.close()
}

// endNew puts in place what the entries written in bulk so far need: their
// index, the journal's indexes and counts, and the triggers set aside.
func (sm *syncMerge) endNew(ctx context.Context, res *Merged) error {
	nw := sm.fresh
	if nw == nil {
		return nil
	}
	sm.fresh = nil
	defer nw.close()
	b := nw.b
	if err := b.finish(ctx); err != nil {
		return err
	}
	res.Created += b.added
	if b.added > 0 {
		if err := b.tally(ctx); err != nil {
			return err
		}
	}
	return nw.restore()
}

// versionTables write what settling new entries keeps of their versions.
type versionTables struct {
	versions, replaced, conflicts, hashes *bulkTable
}

func newVersionTables() *versionTables {
	return &versionTables{
		versions: &bulkTable{into: `INTO sync_versions (id, uid, device, clock_wall, clock_logical, parents, deleted,
			entry, head, published, correction)`, width: 11},
		// Two versions may name the same parent.
		replaced:  &bulkTable{into: "OR IGNORE INTO sync_replaced (id)", width: 1},
		conflicts: &bulkTable{into: "OR IGNORE INTO sync_conflicts (uid)", width: 1},
		hashes:    &bulkTable{into: "INTO sync_entries (uid, hash)", width: 2},
	}
}

// add adds a version read from the folder, which keeps its entry only while
// it is a head in conflict, as settle leaves it: the entry of an entry's one
// live head is the entry the journal holds.
func (t *versionTables) add(v changelog.Version, head, conflict bool) error {
	parents, err := json.Marshal(nonNilStrings(v.Parents))
	if err != nil {
		return err
	}
	var entry any
	if head && conflict && !v.Deleted {
		entry = string(v.Entry)
	}
	t.versions.add(v.ID, v.UID, v.Device, v.Clock.Wall, v.Clock.Logical, string(parents), v.Deleted, entry, head, true, false)
	for _, p := range v.Parents {
		t.replaced.add(p)
	}
	return nil
}

func (t *versionTables) all() []*bulkTable {
	return []*bulkTable{t.versions, t.replaced, t.conflicts, t.hashes}
}

func (t *versionTables) flush(ctx context.Context, tx *sql.Tx) error {
	for _, table := range t.all() {
		if err := table.flush(ctx, tx); err != nil {
			return err
		}
	}
	return nil
}

func (t *versionTables) close() {
	for _, table := range t.all() {
		table.close()
	}
}
