package faults

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// TestRefusesWhatIsNotAJournal hands every command a file that is not a
// journal it can use: each refuses with one clear line, and not a byte of
// the file changes, nor does anything appear beside it.
func TestRefusesWhatIsNotAJournal(t *testing.T) {
	doc := writeDocument(t, 300)
	cases := []struct {
		name, want string
		make       func(t *testing.T, path string)
	}{
		{"not SQLite", "is not a failup journal (not a SQLite database); it was left untouched", func(t *testing.T, path string) {
			write(t, path, []byte(strings.Repeat("Not a journal: a shopping list.\n", 1000)))
		}},
		{"truncated", "is damaged", func(t *testing.T, path string) {
			e := newEnv(t)
			e.ok(nil, "import", doc)
			data, err := os.ReadFile(e.db)
			if err != nil {
				t.Fatal(err)
			}
			write(t, path, data[:len(data)/2])
		}},
		{"from a newer failup", "was written by a newer failup (schema 99", func(t *testing.T, path string) {
			e := newEnv(t)
			e.ok(nil, "import", doc)
			copyFile(t, e.db, path)
			sqlExec(t, path, "PRAGMA user_version = 99")
		}},
		{"another program's SQLite database", "is a SQLite database but not a failup journal", func(t *testing.T, path string) {
			sqlExec(t, path, "CREATE TABLE notes (text TEXT)", "INSERT INTO notes VALUES ('mine, not failup''s')")
		}},
	}
	commands := [][]string{
		{"list"}, {"show", "1"}, {"search", "deadline"}, {"stats"}, {"lessons"}, {"patterns"}, {"followups"},
		{"export"}, {"import", doc}, {"new", "--from", "-"}, {"edit", "1", "--from", "-"}, {"delete", "1", "--yes"},
		{"backup", "-o", "copy.db"}, {"doctor"},
	}
	input := entryJSON(t, simpleEntry("Not saved", "The journal is refused."))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t)
			dir := filepath.Dir(e.db)
			if err := os.MkdirAll(dir, 0o700); err != nil {
				t.Fatal(err)
			}
			c.make(t, e.db)
			before, err := os.ReadFile(e.db)
			if err != nil {
				t.Fatal(err)
			}
			for _, args := range commands {
				e.fails(c.want, input, args...)
			}
			unchanged(t, e.db, before)
			if files, _ := os.ReadDir(dir); len(files) != 1 {
				t.Errorf("the journal's folder holds %d files, want only the journal", len(files))
			}
			if _, err := os.Stat(filepath.Join(e.home, "copy.db")); err == nil {
				t.Error("backup wrote a copy of a refused journal")
			}
		})
	}
}

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// sqlExec runs statements on a SQLite file with no failup in between.
func sqlExec(t *testing.T, path string, statements ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range statements {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}
