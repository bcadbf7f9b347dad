package store

import (
	"reflect"
	"testing"

	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/journal"
)

// An import, written many entries at a time, leaves the journal as saving
// each entry on its own would: the same entries, ids, counts and index,
// whether the index of the import into the empty journal is built beside
// it whole or outgrows what it may hold there halfway.
func TestImportMatchesSavingOneByOne(t *testing.T) {
	t.Run("index beside", func(t *testing.T) { testImportMatchesSavingOneByOne(t, sideIndexWords) })
	t.Run("index beside outgrown", func(t *testing.T) { testImportMatchesSavingOneByOne(t, 1) })
}

func testImportMatchesSavingOneByOne(t *testing.T, beside int) {
	words := sideIndexWords
	sideIndexWords = beside
	t.Cleanup(func() { sideIndexWords = words })
	entries := gen.Entries(3*importBatch+17, 7, "2026-11-27")
	// The same uid again, in the same batch and in later ones, into the
	// empty journal and into one with entries: skipped.
	doc := append(entries[:importBatch+1:importBatch+1], entries[importBatch], entries[2])
	doc = append(doc, entries[importBatch+1:]...)
	doc = append(doc, entries[3])

	// Indexed in several chunks, as a large import is.
	chunk := indexChunk
	indexChunk = importBatch + 3
	t.Cleanup(func() { indexChunk = chunk })

	imported, saved := openTemp(t), openTemp(t)
	// A failed import first, which must leave nothing behind.
	bad := entries[0]
	bad.Severity = ptr(9) // the schema's CHECK refuses it
	if _, _, err := imported.Import(ctx, journal.Each(append(entries[1:importBatch+5:importBatch+5], bad))); err == nil {
		t.Fatal("an invalid entry was imported")
	}
	// In two parts: into an empty journal, whose indexes are rebuilt at
	// the end, and into one with entries, whose indexes are kept.
	var added, skipped int
	for _, part := range [][]journal.Entry{doc[:len(doc)/2], doc[len(doc)/2:]} {
		a, s, err := imported.Import(ctx, journal.Each(part))
		if err != nil {
			t.Fatal(err)
		}
		added, skipped = added+a, skipped+s
	}
	if added != len(entries) || skipped != 3 {
		t.Fatalf("Import = %d added, %d skipped; want %d, 3", added, skipped, len(entries))
	}
	for i := range entries {
		if err := saved.Create(ctx, &entries[i]); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		"SELECT * FROM entries ORDER BY id",
		"SELECT * FROM answers ORDER BY entry_id, position",
		"SELECT * FROM tags ORDER BY entry_id, position",
		"SELECT * FROM skills ORDER BY entry_id, position",
		"SELECT * FROM followups ORDER BY entry_id",
		"SELECT kind, key, n FROM tallies WHERE n != 0 ORDER BY kind, key",
		"SELECT last_entry_id FROM journal_meta",
		"SELECT rowid, * FROM entries_fts ORDER BY rowid",
		"SELECT uid FROM sync_pending ORDER BY uid",
		"SELECT type, name, sql FROM sqlite_schema ORDER BY name",
		"PRAGMA integrity_check",
	} {
		if got, want := rowsOf(t, imported, q), rowsOf(t, saved, q); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the import wrote %d rows, saving one by one %d, or they differ", q, len(got), len(want))
		}
	}
	if got, want := indexed(t, imported), indexed(t, saved); !reflect.DeepEqual(got, want) {
		t.Errorf("the import indexed %d words, saving one by one %d, or they differ", len(got), len(want))
	}
}

// indexed is every word the full-text index holds: each word, entry,
// column and position.
func indexed(t *testing.T, s *Store) [][]any {
	t.Helper()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "CREATE VIRTUAL TABLE temp.indexed USING fts5vocab(main, entries_fts, instance)"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "DROP TABLE temp.indexed")
	rows, err := conn.QueryContext(ctx, "SELECT term, doc, col, offset FROM temp.indexed ORDER BY doc, col, offset")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		var term, col string
		var doc, offset int64
		if err := rows.Scan(&term, &doc, &col, &offset); err != nil {
			t.Fatal(err)
		}
		out = append(out, []any{term, doc, col, offset})
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("the index holds no words")
	}
	return out
}

func rowsOf(t *testing.T, s *Store, query string) [][]any {
	t.Helper()
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		row := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
