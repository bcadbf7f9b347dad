package faults

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestTwoWritersAtOnce runs a 10,000-entry import while another failup saves
// entries one at a time: each waits its turn, no "database is locked"
// reaches the person, and every entry is there afterwards.
func TestTwoWritersAtOnce(t *testing.T) {
	e := newEnv(t)
	e.ok(entryJSON(t, simpleEntry("The first entry", "It makes the journal.")), "new", "--from", "-")
	doc := writeDocument(t, 10000)

	imp := e.command(nil, "import", doc)
	importErr := make(chan error, 1)
	var importOut []byte
	go func() {
		var err error
		importOut, err = imp.CombinedOutput()
		importErr <- err
	}()
	saved, importDone := 0, false
	// Save entries until the import is done, and a few more after.
	for after := 0; after < 5; saved++ {
		if !importDone {
			select {
			case err := <-importErr:
				if err != nil {
					t.Fatalf("the import failed: %v: %s", err, importOut)
				}
				importDone = true
			default:
			}
		}
		if importDone {
			after++
		}
		r := e.run(entryJSON(t, simpleEntry(fmt.Sprintf("Saved during the import %d", saved+1), "Alongside.")), "new", "--from", "-")
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("saving entry %d while importing: exit %d: %s", saved+1, r.code, r.stderr)
		}
	}
	if saved <= 5 {
		t.Error("the import was over before the first entry was saved alongside it")
	}
	t.Logf("%d entries saved one at a time alongside the import, 5 of them after it", saved)
	if h := e.healthy(); h.Entries != 1+10000+saved {
		t.Errorf("the journal holds %d entries, want %d", h.Entries, 1+10000+saved)
	}
}

// TestBackupDuringImport backs the journal up while a 10,000-entry import is
// writing to it: the copy is a sound journal holding the state before the
// import (the backup did not wait for it) or, rarely, after it.
func TestBackupDuringImport(t *testing.T) {
	e := newEnv(t)
	e.ok(entryJSON(t, simpleEntry("The first entry", "It makes the journal.")), "new", "--from", "-")
	imp := e.command(nil, "import", writeDocument(t, 10000))
	if err := imp.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(patience); size(e.db+"-wal") < 1<<20; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the import never started writing")
		}
	}
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	copied := filepath.Join(dir, "copy.db")
	e.ok(nil, "backup", "-o", copied)
	if err := imp.Wait(); err != nil {
		t.Fatalf("the import failed: %v", err)
	}
	backup := &env{t: t, home: e.home, db: copied}
	switch h := backup.healthy(); h.Entries {
	case 1:
	case 10001:
		t.Log("the import had committed before the backup read the journal")
	default:
		t.Errorf("the backup holds %d entries, want 1 (before the import) or 10001 (after)", h.Entries)
	}
}
