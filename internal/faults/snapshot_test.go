package faults

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKilledSnapshotLeavesNoPartOfOne kills failup while it takes the day's
// snapshot, after an import it has already acknowledged: the import stays,
// no partial snapshot is among the kept ones, the copy it was writing is
// removed when the journal is next opened, and that command takes the
// snapshot whole.
func TestKilledSnapshotLeavesNoPartOfOne(t *testing.T) {
	e := newEnv(t)
	private := filepath.Join(filepath.Dir(e.db), ".failup-tmp")
	shelves := filepath.Join(e.home, "data", "failup", "snapshots", "*", "*.db")
	doc := writeDocument(t, 5000)
	killed := false
	for try := 0; try < 10 && !killed; try++ {
		os.Remove(e.db)
		os.Remove(e.db + "-wal")
		os.Remove(e.db + "-shm")
		os.RemoveAll(filepath.Join(e.home, "data", "failup", "snapshots"))
		killed = killWhen(t, e.command(nil, "import", doc), func() bool {
			files, _ := filepath.Glob(filepath.Join(private, "*"))
			return len(files) > 0 && size(files[0]) > 0
		})
	}
	if !killed {
		t.Fatal("no kill landed while the snapshot was being taken")
	}
	if kept, _ := filepath.Glob(shelves); len(kept) != 0 {
		t.Errorf("a killed snapshot is among the kept ones: %v", kept)
	}
	if h := e.healthy(); h.Entries != 5000 {
		t.Errorf("the acknowledged import holds %d entries, want 5000", h.Entries)
	}
	if left, _ := filepath.Glob(filepath.Join(private, "*")); len(left) > 0 {
		t.Errorf("the killed snapshot's copy is still there: %v", left)
	}
	kept, _ := filepath.Glob(shelves)
	if len(kept) != 1 {
		t.Fatalf("the next command kept %v, want one snapshot", kept)
	}
	out := e.ok(nil, "--db", kept[0], "list", "--limit", "1")
	if strings.TrimSpace(out) == "" {
		t.Error("the snapshot taken after the kill lists nothing")
	}
}
