package faults

import (
	"reflect"

	"github.com/failup/failup/internal/journal"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKillDuringSync kills failup sync at points along its way: while it
// merges (the WAL growing) and while it writes its segments. Afterwards the
// journal is sound, the folder readable, and the next sync finishes the job:
// another device reading the folder gets every entry.
func TestKillDuringSync(t *testing.T) {
	const n = 3000
	doc := writeDocument(t, n)
	base := newEnv(t)
	base.ok(nil, "import", doc)
	midway := 0
	for _, point := range []struct {
		name  string
		ready func(e *env, shared string) bool
	}{
		{"while merging", func(e *env, _ string) bool { return size(e.db+"-wal") >= 1<<20 }},
		{"while writing a segment", func(_ *env, shared string) bool { return tempSegment(shared) }},
		{"after the first segment", func(_ *env, shared string) bool { return segments(shared) >= 1 }},
	} {
		t.Run(point.name, func(t *testing.T) {
			e := base.in(t)
			e.home = t.TempDir()
			e.db = filepath.Join(e.home, "journal.db")
			copyFile(t, base.db, e.db)
			shared := filepath.Join(e.home, "shared")
			os.Mkdir(shared, 0o700)
			if killWhen(t, e.command(nil, "sync", shared), func() bool { return point.ready(e, shared) }) {
				midway++
			}
			if h := e.healthy(); h.Entries != n {
				t.Fatalf("after the kill the journal holds %d entries, want %d", h.Entries, n)
			}
			e.ok(nil, "sync", shared)
			if out := e.ok(nil, "sync", shared); !strings.Contains(out, "nothing new") {
				t.Errorf("a third sync still found something: %s", out)
			}
			other := newEnv(t)
			// A device killed during its first sync finishes on the next.
			killWhen(t, other.command(nil, "sync", shared), func() bool { return size(other.db+"-wal") >= 2<<20 })
			other.ok(nil, "sync", shared)
			if h := other.healthy(); h.Entries != n {
				t.Fatalf("another device's journal holds %d entries after syncing, want %d", h.Entries, n)
			}
			mine, theirs := byUID(t, e), byUID(t, other)
			for uid, want := range mine {
				if got := theirs[uid]; !reflect.DeepEqual(got, want) {
					t.Fatalf("entry %s differs between the devices:\n%+v\n%+v", uid, got, want)
				}
			}
		})
	}
	if midway == 0 {
		t.Error("no kill landed in the middle of a sync")
	}
}

// byUID is every entry of the journal by uid, without the id that is only
// this device's.
func byUID(t *testing.T, e *env) map[string]journal.Entry {
	t.Helper()
	doc, err := journal.DecodeDocument(strings.NewReader(e.ok(nil, "export", "--format", "json")))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]journal.Entry{}
	for _, en := range doc.Entries {
		en.ID = 0
		out[en.UID] = en
	}
	return out
}

func segmentFiles(shared string) []string {
	files, _ := filepath.Glob(filepath.Join(shared, "failup", "*", "*"))
	return files
}

func tempSegment(shared string) bool {
	for _, f := range segmentFiles(shared) {
		if strings.Contains(filepath.Base(f), ".tmp-") {
			return true
		}
	}
	return false
}

func segments(shared string) int {
	n := 0
	for _, f := range segmentFiles(shared) {
		if strings.HasSuffix(f, ".log") {
			n++
		}
	}
	return n
}
