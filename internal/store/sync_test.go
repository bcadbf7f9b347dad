package store

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/changelog"
	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/journal"
)

// versionMaker makes versions of entries as other devices would, with
// clocks that go forward unless set.
type versionMaker struct {
	clock changelog.Clock
	made  map[string]int64
}

func newVersionMaker() *versionMaker {
	return &versionMaker{clock: changelog.Clock{Wall: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC).UnixMilli()},
		made: map[string]int64{}}
}

func (m *versionMaker) version(dev string, e journal.Entry, parents ...string) changelog.Version {
	m.made[dev]++
	m.clock = m.clock.Tick(m.clock.Wall)
	body, _ := canonical(e)
	return changelog.Version{ID: changelog.VersionID(dev, m.made[dev]), UID: e.UID, Device: dev, Clock: m.clock,
		Parents: parents, Entry: body}
}

func titled(e journal.Entry, title string) journal.Entry {
	e.Title = title
	return e
}

func mergeVersions(t *testing.T, s *Store, vs ...changelog.Version) {
	t.Helper()
	if _, err := s.SyncMerge(ctx, Merge{Now: time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC), Versions: vs}); err != nil {
		t.Fatal(err)
	}
}

// keptEntries counts the versions that keep a copy of their entry.
func keptEntries(t *testing.T, s *Store) int64 {
	t.Helper()
	return rowsOf(t, s, "SELECT count(*) FROM sync_versions WHERE entry IS NOT NULL")[0][0].(int64)
}

// checkConflicts fails unless the journal's conflicts are over the entries
// of uids, each listing its versions with the entries they were made with.
func checkConflicts(t *testing.T, s *Store, made map[string]changelog.Version, uids ...string) {
	t.Helper()
	cs, err := s.SyncConflicts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != len(uids) {
		t.Fatalf("%d conflicts, want %d", len(cs), len(uids))
	}
	for i, c := range cs {
		if c.UID != uids[i] || len(c.Entries) != 2 {
			t.Fatalf("conflict %d is over %s with %d versions, want %s with 2", i, c.UID, len(c.Entries), uids[i])
		}
		for id, e := range c.Entries {
			if body, _ := canonical(e); string(body) != string(made[id].Entry) {
				t.Errorf("version %s lists\n%s\nwant\n%s", id, body, made[id].Entry)
			}
		}
	}
}

// An entry's one live head keeps no copy of the entry, which the journal
// holds. Once another head stands beside it, it has its entry back from the
// journal, whichever of the two the journal then shows, and the conflict
// lists both as they were made; the version that ends it keeps none again
// once it is in the folder.
func TestSyncKeepsOneCopyOfEachEntry(t *testing.T) {
	es := gen.Entries(2, 13, "2026-11-27")
	m := newVersionMaker()
	made := map[string]changelog.Version{}
	keep := func(vs ...changelog.Version) []changelog.Version {
		for _, v := range vs {
			made[v.ID] = v
		}
		return vs
	}
	s := openTemp(t)
	base := m.version("aaaa", es[0])
	older := m.version("bbbb", titled(es[0], "Edited on b"), base.ID)
	mergeVersions(t, s, keep(base, m.version("aaaa", titled(es[0], "Edited on a"), base.ID), m.version("aaaa", es[1]))...)
	if n := keptEntries(t, s); n != 0 {
		t.Fatalf("%d versions keep a copy of their entry, want none", n)
	}

	// One concurrent version older than the one shown, one newer.
	newer := m.version("bbbb", titled(es[1], "Made on b too"))
	mergeVersions(t, s, keep(older, newer)...)
	checkConflicts(t, s, made, es[0].UID, es[1].UID)
	for uid, title := range map[string]string{es[0].UID: "Edited on a", es[1].UID: "Made on b too"} {
		if got := rowsOf(t, s, fmt.Sprintf("SELECT title FROM entries WHERE uid = '%s'", uid))[0][0]; got != title {
			t.Errorf("the journal shows %q, want %q", got, title)
		}
	}
	if n := keptEntries(t, s); n != 4 {
		t.Fatalf("%d versions keep a copy of their entry, want the 4 in conflict", n)
	}

	if err := s.SyncResolve(ctx, es[1].UID, "aaaa:3", time.Date(2026, 11, 28, 11, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	checkConflicts(t, s, made, es[0].UID)
	waiting, err := s.Unpublished(ctx, 10)
	if err != nil || len(waiting) != 1 || string(waiting[0].Entry) != string(made["aaaa:3"].Entry) {
		t.Fatalf("waiting to be written: %v (%v), want the version that keeps aaaa:3's entry", waiting, err)
	}
	dev := waiting[0].Device
	if err := s.Published(ctx, waiting, SyncFile{Path: "failup/" + dev + "/00000001.log", Device: dev, Consumed: 1}); err != nil {
		t.Fatal(err)
	}
	if n := keptEntries(t, s); n != 2 {
		t.Fatalf("%d versions keep a copy of their entry, want the 2 still in conflict", n)
	}
}

// A head whose entry the journal holds cannot have it back when the journal
// was changed without sync noticing: the merge is refused rather than
// keeping another entry under the version's name.
func TestSyncRefusesAHeadWhoseEntryWasChangedUnseen(t *testing.T) {
	es := gen.Entries(1, 14, "2026-11-27")
	m := newVersionMaker()
	s := openTemp(t)
	mergeVersions(t, s, m.version("aaaa", es[0]))
	if _, err := s.db.ExecContext(ctx, "UPDATE entries SET title = 'Changed unseen'; DELETE FROM sync_pending"); err != nil {
		t.Fatal(err)
	}
	_, err := s.SyncMerge(ctx, Merge{Now: time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC),
		Versions: []changelog.Version{m.version("bbbb", titled(es[0], "Made on b too"))}})
	if err == nil || !strings.Contains(err.Error(), "no longer holds version aaaa:1") {
		t.Fatalf("merge: %v, want it refused", err)
	}
	if got := rowsOf(t, s, "SELECT title FROM entries")[0][0]; got != "Changed unseen" {
		t.Errorf("the journal shows %q after the refused merge", got)
	}
}

// A journal that synced under the schema before 0011, whose every head kept
// its entry, keeps only the entries of heads in conflict, of corrections and
// of versions not yet in the folder; and a head that gave up its entry has
// it back when a conflict comes.
func TestSyncKeepsOneCopyOnceMigrated(t *testing.T) {
	path, db := rawJournal(t)
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	version := 0
	for _, name := range names {
		if name >= "migrations/0011" {
			break
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, string(body)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		version++
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d; PRAGMA application_id = %d", version, applicationID)); err != nil {
		t.Fatal(err)
	}

	es := gen.Entries(4, 15, "2026-11-27")
	m := newVersionMaker()
	made := map[string]changelog.Version{}
	var vs []changelog.Version
	for _, e := range es[:3] {
		vs = append(vs, m.version("aaaa", e))
	}
	vs = append(vs, m.version("bbbb", titled(es[0], "Made on b too"))) // in conflict with aaaa:1
	fix := journal.NewCorrection(journal.CorrectDismiss, "name:marcus", "", time.Date(2026, 11, 28, 8, 0, 0, 0, time.UTC))
	body, _ := canonicalCorrection(fix)
	correction := m.version("bbbb", journal.Entry{UID: fix.UID})
	correction.Entry, correction.Correction = body, true
	vs = append(vs, correction)
	for _, v := range vs {
		made[v.ID] = v
	}
	old := &Store{db: db, path: path}
	mergeVersions(t, old, vs...)
	local := es[3]
	if err := old.Create(ctx, &local); err != nil {
		t.Fatal(err)
	}
	mergeVersions(t, old) // a version of the entry made here, not yet in the folder
	// As failup left them before: every head with its entry.
	for _, v := range vs {
		if _, err := db.ExecContext(ctx, "UPDATE sync_versions SET entry = ? WHERE id = ?", string(v.Entry), v.ID); err != nil {
			t.Fatal(err)
		}
	}
	if n := keptEntries(t, old); n != int64(len(vs))+1 {
		t.Fatalf("before: %d versions keep their entry, want %d", n, len(vs)+1)
	}
	old.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := rowsOf(t, s, "SELECT id FROM sync_versions WHERE entry IS NOT NULL AND device <> (SELECT device FROM sync_device) ORDER BY id")
	if want := [][]any{{"aaaa:1"}, {"bbbb:1"}, {"bbbb:2"}}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("migrated, the versions that keep their entry are %v, want %v", got, want)
	}
	if n := keptEntries(t, s); n != 4 {
		t.Fatalf("migrated, %d versions keep their entry, want 3 and the one made here", n)
	}
	other := m.version("bbbb", titled(es[1], "Made on b too"))
	made[other.ID] = other
	mergeVersions(t, s, other)
	checkConflicts(t, s, made, es[0].UID, es[1].UID)
}
