package foldersync

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/changelog"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

var ctx = context.Background()

// base is when the simulated devices start; their clocks then disagree by
// hours.
var base = time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)

func open(t *testing.T, name string) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), name+".db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newEntry(r *rand.Rand, uid string, now time.Time) journal.Entry {
	e := journal.Entry{
		UID: uid, CreatedAt: now.Truncate(time.Second), UpdatedAt: now.Truncate(time.Second),
		OccurredOn: journal.DateOf(now), Title: fmt.Sprintf("Setback %d", r.IntN(1000)),
		PromptSet: journal.DefaultPromptSet,
		Answers: []journal.Answer{
			{Key: journal.KeyCause, Question: "What caused this setback?", Text: fmt.Sprintf("cause %d", r.IntN(1000))},
		},
		Tags: []string{"work"},
	}
	if r.IntN(2) == 0 {
		e.Followup = &journal.Followup{Commitment: "try again", DueOn: journal.DateOf(now).AddDays(7)}
	}
	return e
}

// device is one simulated machine: a journal, its own copy of the shared
// folder (as a sync engine keeps one per machine), a clock hours off, and
// what it wrote since its last sync.
type device struct {
	name   string
	s      *store.Store
	dir    string
	offset time.Duration
	// edited lists the entries written here since the last sync.
	edited map[string]bool
	// synced holds the entries the journal had after its last sync.
	synced map[string]bool
	// made is every state of an entry that a sync of this device found
	// (nil: deleted), by uid, to check that each became a version.
	made []made
}

type made struct {
	uid   string
	entry *journal.Entry
}

func (d *device) now(step int) time.Time { return base.Add(d.offset + time.Duration(step)*time.Minute) }

func (d *device) sync(t *testing.T, step int) {
	t.Helper()
	for uid := range d.edited {
		e, ok := entryByUID(t, d.s, uid)
		switch {
		case ok:
			d.made = append(d.made, made{uid, &e})
		case d.synced[uid]:
			d.made = append(d.made, made{uid, nil})
		}
		// An entry written and deleted between two syncs was never known
		// anywhere else, and leaves no version.
	}
	d.edited = map[string]bool{}
	if _, err := Sync(ctx, d.s, d.dir, Options{Now: d.now(step)}); err != nil {
		t.Fatalf("%s: sync: %v", d.name, err)
	}
	es, err := d.s.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	d.synced = map[string]bool{}
	for _, e := range es {
		d.synced[e.UID] = true
	}
}

func entryByUID(t *testing.T, s *store.Store, uid string) (journal.Entry, bool) {
	t.Helper()
	es, err := s.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.UID == uid {
			return e, true
		}
	}
	return journal.Entry{}, false
}

// transfer copies segments from one device's folder into another's as a
// sync engine would: some of them, in any order, some only in part (to be
// finished by a later transfer), among the engine's own temporary files.
func transfer(t *testing.T, r *rand.Rand, from, to *device, all bool) {
	t.Helper()
	var files []string
	filepath.WalkDir(filepath.Join(from.dir, "failup"), func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && segmentName().MatchString(d.Name()) {
			rel, _ := filepath.Rel(from.dir, p)
			files = append(files, rel)
		}
		return nil
	})
	r.Shuffle(len(files), func(i, j int) { files[i], files[j] = files[j], files[i] })
	for _, rel := range files {
		if !all && r.IntN(3) == 0 {
			continue
		}
		data, err := os.ReadFile(filepath.Join(from.dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(to.dir, rel)
		if have, err := os.ReadFile(dst); err == nil && len(have) >= len(data) {
			continue // engines move a file on when it grows, never back
		}
		if !all && r.IntN(4) == 0 {
			data = data[:r.IntN(len(data))] // half-copied: the rest comes later
		}
		os.MkdirAll(filepath.Dir(dst), 0o700)
		if err := os.WriteFile(dst, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if r.IntN(5) == 0 {
			junk := filepath.Join(filepath.Dir(dst), ".syncthing."+filepath.Base(dst)+".tmp")
			os.WriteFile(junk, []byte("half a file"), 0o600)
			os.WriteFile(dst+"~", []byte("an editor's backup"), 0o600)
			os.WriteFile(strings.Replace(dst, ".log", " (conflicted copy 2026-06-01).log", 1), data, 0o600)
		}
	}
}

// TestDevicesConverge has several devices create, edit, delete and check in
// on entries, sync in random orders while their folders receive each
// other's files late, partly and out of order, and then checks that, once
// every file has arrived everywhere, every device holds the same entries and
// the same conflicts, and that every change any device made became a version
// that is either still standing or was replaced by one made knowing it.
func TestDevicesConverge(t *testing.T) {
	seeds := 12
	if testing.Short() || raceEnabled {
		seeds = 3
	}
	for seed := range seeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) { simulate(t, uint64(seed)) })
	}
}

func simulate(t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 7))
	n := 2 + r.IntN(3)
	devs := make([]*device, n)
	for i := range devs {
		devs[i] = &device{
			name: fmt.Sprintf("device%d", i), s: open(t, fmt.Sprintf("d%d", i)), dir: t.TempDir(),
			offset: time.Duration(r.IntN(7)-3) * time.Hour, edited: map[string]bool{},
		}
	}
	uids := 0
	for step := range 60 + r.IntN(60) {
		d := devs[r.IntN(n)]
		now := d.now(step)
		es, err := d.s.List(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		switch op := r.IntN(12); {
		case op < 2 || len(es) == 0:
			uids++
			e := newEntry(r, fmt.Sprintf("uid-%d-%03d", seed, uids), now)
			if err := d.s.Create(ctx, &e); err != nil {
				t.Fatal(err)
			}
			d.edited[e.UID] = true
		case op < 4:
			e := es[r.IntN(len(es))]
			e.Title = fmt.Sprintf("%s, edited on %s", e.Title, d.name)
			if err := d.s.Update(ctx, &e, now); err != nil {
				t.Fatal(err)
			}
			d.edited[e.UID] = true
		case op < 5:
			e := es[r.IntN(len(es))]
			if err := d.s.Delete(ctx, e.ID); err != nil {
				t.Fatal(err)
			}
			d.edited[e.UID] = true
		case op < 6:
			e := es[r.IntN(len(es))]
			if e.Followup == nil || e.Followup.CheckedInAt != nil {
				continue
			}
			if err := d.s.RecordCheckIn(ctx, e.ID, store.CheckIn{TriedAgain: true, Outcome: "went better"}, now); err != nil {
				t.Fatal(err)
			}
			d.edited[e.UID] = true
		case op < 7:
			cs, err := d.s.SyncConflicts(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) == 0 {
				continue
			}
			c := cs[r.IntN(len(cs))]
			keep := c.Shown.ID
			if r.IntN(2) == 0 {
				keep = c.Others[0].ID
			}
			switch err := d.s.SyncResolve(ctx, c.UID, keep, now); {
			case errors.Is(err, store.ErrNoConflict) && d.edited[c.UID]:
				continue // an edit here since the last sync replaced both
			case err != nil:
				t.Fatal(err)
			}
			if e, ok := entryByUID(t, d.s, c.UID); !ok || normalized(e) != normalized(c.Entries[keep]) {
				t.Fatalf("after keeping %s, the journal shows %v", keep, e)
			}
		case op < 8:
			d.sync(t, step)
		case op < 10:
			// Often merged at once, so that devices come to share entries
			// and edit them before they hear of each other's edits.
			transfer(t, r, devs[r.IntN(n)], d, false)
			d.sync(t, step)
		default:
			correct(t, r, d.s, now)
		}
	}
	// Every file reaches every device, and each syncs; then again, so that
	// what the first round wrote arrives too.
	for round := range 3 {
		for _, d := range devs {
			d.sync(t, 1000+round)
		}
		for _, from := range devs {
			for _, to := range devs {
				if from != to {
					transfer(t, r, from, to, true)
				}
			}
		}
	}
	for _, d := range devs {
		d.sync(t, 2000)
	}

	versions := readFolder(t, devs[0].dir)
	want := expected(t, versions)
	t.Logf("%d entries, %d in conflict, %d corrections, %d versions", len(want.Entries), len(want.Conflicts), len(want.Corrections), len(versions))
	for _, d := range devs {
		got := stateOf(t, d.s)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s holds\n%s\nbut the versions in the folder make\n%s", d.name, got, want)
		}
	}
	checkEveryChangeKept(t, devs, versions)

	// Syncing again changes nothing.
	before := stateOf(t, devs[0].s)
	rep, err := Sync(ctx, devs[0].s, devs[0].dir, Options{Now: devs[0].now(3000)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Made+rep.Received+rep.Created+rep.Updated+rep.Deleted+rep.Corrections != 0 || len(rep.Wrote) != 0 {
		t.Fatalf("a sync with nothing new did %+v", rep)
	}
	if after := stateOf(t, devs[0].s); !reflect.DeepEqual(before, after) {
		t.Fatal("a sync with nothing new changed the journal")
	}
}

// readFolder reads every version in a folder, each once.
func readFolder(t *testing.T, dir string) map[string]changelog.Version {
	t.Helper()
	segs, err := list(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]changelog.Version{}
	for _, seg := range segs {
		read, err := readSegment(filepath.Join(dir, seg.path), seg, 0, nil)
		if err != nil || !read.Complete {
			t.Fatalf("%s: %v (complete: %v)", seg.path, err, read.Complete)
		}
		for _, v := range read.Versions {
			out[v.ID] = v
		}
	}
	return out
}

// state is a journal as the test compares it: each entry without its local
// id, and the versions standing in conflict.
type state struct {
	Entries     map[string]string
	Conflicts   map[string][]string
	Corrections map[string]string
}

func (s state) String() string {
	b, _ := json.MarshalIndent(s, "", "  ")
	return string(b)
}

func normalized(e journal.Entry) string {
	var n journal.Entry
	b, _ := json.Marshal(e)
	json.Unmarshal(b, &n)
	n.ID = 0
	if n.Answers == nil {
		n.Answers = []journal.Answer{}
	}
	if n.Tags == nil {
		n.Tags = []string{}
	}
	if n.Skills == nil {
		n.Skills = []journal.Skill{}
	}
	b, _ = json.Marshal(n)
	return string(b)
}

func stateOf(t *testing.T, s *store.Store) state {
	t.Helper()
	es, err := s.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	st := state{Entries: map[string]string{}, Conflicts: map[string][]string{}, Corrections: map[string]string{}}
	for _, e := range es {
		st.Entries[e.UID] = normalized(e)
	}
	ks, err := s.Corrections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range ks {
		b, _ := json.Marshal(k)
		st.Corrections[k.UID] = string(b)
	}
	cs, err := s.SyncConflicts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		var others []string
		for _, o := range c.Others {
			others = append(others, o.ID)
		}
		sort.Strings(others)
		st.Conflicts[c.UID] = others
	}
	return st
}

// expected is what every journal must hold given the versions: for each
// entry, the newest version that no other replaces and is not a deletion,
// with the other such versions in conflict.
func expected(t *testing.T, versions map[string]changelog.Version) state {
	t.Helper()
	replaced := map[string]bool{}
	for _, v := range versions {
		for _, p := range v.Parents {
			replaced[p] = true
		}
	}
	heads, corrections := map[string][]changelog.Version{}, map[string][]changelog.Version{}
	for _, v := range versions {
		switch {
		case replaced[v.ID] || v.Deleted:
		case v.Correction:
			corrections[v.UID] = append(corrections[v.UID], v)
		default:
			heads[v.UID] = append(heads[v.UID], v)
		}
	}
	st := state{Entries: map[string]string{}, Conflicts: map[string][]string{}, Corrections: map[string]string{}}
	// A correction needs no one to choose: its newest version stands.
	for uid, hs := range corrections {
		sort.Slice(hs, func(i, j int) bool { return hs[i].Newer(hs[j]) })
		var k journal.Correction
		if err := json.Unmarshal(hs[0].Entry, &k); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(k)
		st.Corrections[uid] = string(b)
	}
	for uid, hs := range heads {
		sort.Slice(hs, func(i, j int) bool { return hs[i].Newer(hs[j]) })
		var e journal.Entry
		if err := json.Unmarshal(hs[0].Entry, &e); err != nil {
			t.Fatal(err)
		}
		st.Entries[uid] = normalized(e)
		if len(hs) > 1 {
			var others []string
			for _, o := range hs[1:] {
				others = append(others, o.ID)
			}
			sort.Strings(others)
			st.Conflicts[uid] = others
		}
	}
	return st
}

// checkEveryChangeKept checks that each state of an entry a device synced
// became a version of that device in the folder.
func checkEveryChangeKept(t *testing.T, devs []*device, versions map[string]changelog.Version) {
	t.Helper()
	byContent := map[string]bool{}
	for _, v := range versions {
		key := v.UID + " deleted"
		if !v.Deleted {
			var e journal.Entry
			json.Unmarshal(v.Entry, &e)
			key = normalized(e)
		}
		byContent[key] = true
	}
	for _, d := range devs {
		for _, m := range d.made {
			key := m.uid + " deleted"
			if m.entry != nil {
				key = normalized(*m.entry)
			}
			if !byContent[key] {
				t.Errorf("%s changed %s, and no version in the folder holds the change: %s", d.name, m.uid, key)
			}
		}
	}
}

// correct makes, changes or takes back one of a few corrections to the
// patterns, so that devices often correct the same theme at once.
func correct(t *testing.T, r *rand.Rand, s *store.Store, now time.Time) {
	t.Helper()
	theme := []string{"name:marcus", "pattern:overcommitment"}[r.IntN(2)]
	var k journal.Correction
	switch r.IntN(4) {
	case 0:
		k = journal.NewCorrection(journal.CorrectRename, theme, fmt.Sprintf("name %d", r.IntN(100)), now)
	case 1:
		k = journal.NewCorrection(journal.CorrectDismiss, theme, "", now)
	case 2:
		k = journal.NewCorrection(journal.CorrectWords, theme, []string{"late", "deadline", "said yes"}[r.IntN(3)], now)
	default:
		ks, err := s.Corrections(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(ks) > 0 {
			if err := s.Correct(ctx, nil, []string{ks[r.IntN(len(ks))].UID}); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	if err := s.Correct(ctx, []journal.Correction{k}, nil); err != nil {
		t.Fatal(err)
	}
}

// TestCopiedJournalIsFoundAndMadeADevice copies a journal that syncs, as a
// file copy to another machine would: both write under one device id. The
// copy's next sync finds changes under its id that it never made, refuses
// before merging or writing anything, and says so for doctor; made a device
// of its own, it keeps what it made, merges the other's, and the two
// converge.
func TestCopiedJournalIsFoundAndMadeADevice(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	shared := t.TempDir()
	a := open(t, "a")
	create := func(s *store.Store, uid string) {
		t.Helper()
		e := newEntry(r, uid, base)
		if err := s.Create(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	syncAt := func(s *store.Store) (Report, error) { return Sync(ctx, s, shared, Options{Now: base}) }
	create(a, "first")
	if _, err := syncAt(a); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if err := a.Backup(ctx, copyPath); err != nil {
		t.Fatal(err)
	}
	b, err := store.Open(copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	create(a, "made-on-a")
	if _, err := syncAt(a); err != nil {
		t.Fatal(err)
	}
	create(b, "made-on-b")
	before := segmentsIn(t, shared)
	_, err = syncAt(b)
	var dup *DuplicateDeviceError
	if !errors.As(err, &dup) || !strings.Contains(err.Error(), "--new-device") {
		t.Fatalf("the copy's sync: %v; want a duplicate device found", err)
	}
	if _, ok := entryByUID(t, b, "made-on-a"); ok {
		t.Error("the refused sync merged the other journal's entry")
	}
	if after := segmentsIn(t, shared); !reflect.DeepEqual(before, after) {
		t.Errorf("the refused sync wrote to the folder: %v, then %v", before, after)
	}
	st, err := b.SyncState(ctx)
	if err != nil || len(st.Unread) != 1 || st.Unread[0].Device != st.Device {
		t.Fatalf("sync state for doctor: %+v, %v; want the file under this device's id named", st, err)
	}

	id, err := b.SyncNewDevice(ctx)
	if err != nil || id == st.Device {
		t.Fatalf("new device %q (was %q): %v", id, st.Device, err)
	}
	if _, err := syncAt(b); err != nil {
		t.Fatal(err)
	}
	if _, err := syncAt(a); err != nil {
		t.Fatalf("the original's sync after the copy became a device: %v", err)
	}
	for _, s := range []*store.Store{a, b} {
		for _, uid := range []string{"first", "made-on-a", "made-on-b"} {
			if _, ok := entryByUID(t, s, uid); !ok {
				t.Errorf("%s lacks %s", s.Path(), uid)
			}
		}
		if st, _ := s.SyncState(ctx); len(st.Unread) != 0 {
			t.Errorf("%s: files still unread: %+v", s.Path(), st.Unread)
		}
	}
}

func segmentsIn(t *testing.T, dir string) []string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "failup", "*", "*.log*"))
	if err != nil {
		t.Fatal(err)
	}
	return names
}
