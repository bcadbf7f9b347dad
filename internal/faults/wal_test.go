package faults

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// holdOpen keeps a read transaction open on the journal at path until
// release is called or the test ends, so that a failup that exits can
// neither checkpoint its writes nor remove its -wal file, as with a failup
// still running.
func holdOpen(t *testing.T, path string) (release func()) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tx.QueryRow("SELECT count(*) FROM entries").Scan(&n); err != nil {
		t.Fatal(err)
	}
	release = func() {
		tx.Rollback()
		db.Close()
	}
	t.Cleanup(release)
	return release
}

// TestForeignWALIsRefused puts beside a journal a -wal file that is not its
// own: one copied from another journal, and one of its own from before it
// was restored. Every command refuses in one sentence saying what to do,
// and neither file changes; once the -wal is moved away, the journal opens
// with every entry it had.
func TestForeignWALIsRefused(t *testing.T) {
	cases := map[string]func(t *testing.T, e *env) []byte{
		"from another journal": func(t *testing.T, e *env) []byte {
			other := newEnv(t)
			other.ok(entryJSON(t, simpleEntry("Another person's entry", "Not this journal's.")), "new", "--from", "-")
			holdOpen(t, other.db)
			other.ok(entryJSON(t, simpleEntry("Written while it was open", "Kept in its -wal.")), "new", "--from", "-")
			return readFile(t, other.db+"-wal")
		},
		"from before a restore": func(t *testing.T, e *env) []byte {
			release := holdOpen(t, e.db)
			e.ok(entryJSON(t, simpleEntry("Written before the backup", "Kept in the -wal.")), "new", "--from", "-")
			old := readFile(t, e.db+"-wal")
			release()
			e.ok(entryJSON(t, simpleEntry("Written after", "The journal moved on.")), "new", "--from", "-")
			return old
		},
	}
	for name, makeWAL := range cases {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t)
			e.ok(nil, "import", writeDocument(t, 20))
			wal := makeWAL(t, e)
			before := e.snapshot()
			if _, err := os.Stat(e.db + "-wal"); err == nil {
				t.Fatal("the journal still has a -wal of its own")
			}
			write(t, e.db+"-wal", wal)
			journal := readFile(t, e.db)
			for _, args := range [][]string{{"list"}, {"show", "1"}, {"doctor"}, {"export"}, {"backup", "-o", "copy.db"}} {
				e.fails("move "+e.db+"-wal out of the folder, then open the journal again", nil, args...)
			}
			e.fails("both files were left untouched", entryJSON(t, simpleEntry("Not saved", "Refused.")), "new", "--from", "-")
			unchanged(t, e.db, journal)
			unchanged(t, e.db+"-wal", wal)

			if err := os.Rename(e.db+"-wal", filepath.Join(e.home, "moved-wal")); err != nil {
				t.Fatal(err)
			}
			if got := e.snapshot(); got != before {
				t.Error("with the -wal moved away, the journal's entries differ from what it held")
			}
			if strings.Contains(e.ok(nil, "list"), "Another person's entry") {
				t.Error("another journal's entry got into this one")
			}
		})
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
