package faults

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

// The kills in these tests are real SIGKILLs of a failup writing to a real
// journal. Afterwards the journal must open, pass PRAGMA integrity_check and
// the other checks of failup doctor, and hold the state from before the write
// or after it, never a mix. Each test makes sure at least one kill landed in
// the middle of the write, so it proves something.

func TestKillDuringImport(t *testing.T) {
	doc := writeDocument(t, 10000)
	base := newEnv(t)
	var before []string
	for i := range 3 {
		base.ok(entryJSON(t, simpleEntry(fmt.Sprintf("Written before the import %d", i+1), "It was already there.")), "new", "--from", "-")
		before = append(before, base.ok(nil, "show", fmt.Sprint(i+1), "--json"))
	}
	midway := false
	// The import is one transaction: the WAL grows as it writes, to about
	// 30 MB for 10,000 entries. Kill it at a few points along the way.
	for _, wal := range []int64{64 << 10, 2 << 20, 12 << 20} {
		t.Run(fmt.Sprintf("at %d KiB of WAL", wal>>10), func(t *testing.T) {
			e := newEnv(t)
			copyFile(t, base.db, e.db)
			killed := killWhen(t, e.command(nil, "import", doc), func() bool { return size(e.db+"-wal") >= wal })
			h := e.healthy()
			switch {
			case h.Entries == 3 && killed:
				midway = true
			case h.Entries == 10003:
				t.Logf("the import had committed when the kill came (killed: %v)", killed)
			default:
				t.Fatalf("after the kill the journal holds %d entries; want 3 (before) or 10003 (after)", h.Entries)
			}
			for i, want := range before {
				if got := e.ok(nil, "show", fmt.Sprint(i+1), "--json"); got != want {
					t.Errorf("entry %d changed:\n%s\nwant\n%s", i+1, got, want)
				}
			}
			// Importing again finishes the job.
			e.ok(nil, "import", doc)
			if h := e.healthy(); h.Entries != 10003 {
				t.Errorf("after importing again the journal holds %d entries, want 10003", h.Entries)
			}
		})
	}
	if !midway {
		t.Error("no kill landed in the middle of the import")
	}
}

func TestKillDuringEdit(t *testing.T) {
	base := newEnv(t)
	base.ok(entryJSON(t, simpleEntry("Before the edit", "The old cause.")), "new", "--from", "-")
	old := base.ok(nil, "show", "1", "--json")

	// A big edit, so that the kill can land inside its transaction: four
	// answers of 1 MB and 10,000 tags.
	edit := journal.Entry{Title: "After the edit zebracrossing", Lesson: "Big edits are atomic."}
	for i, key := range []string{journal.KeyCause, journal.KeyPatterns, journal.KeyDifferently, journal.KeyStrengths} {
		edit.Answers = append(edit.Answers, journal.Answer{Key: key, Text: strings.Repeat(fmt.Sprintf("answer %d words ", i), 1<<20/16)})
	}
	for i := range 10000 {
		edit.Tags = append(edit.Tags, fmt.Sprintf("tag-%05d", i))
	}
	input := entryJSON(t, edit)

	midway := false
	for _, wal := range []int64{16 << 10, 1 << 20, 3 << 20} {
		t.Run(fmt.Sprintf("at %d KiB of WAL", wal>>10), func(t *testing.T) {
			e := newEnv(t)
			copyFile(t, base.db, e.db)
			killed := killWhen(t, e.command(input, "edit", "1", "--from", "-"), func() bool { return size(e.db+"-wal") >= wal })
			if h := e.healthy(); h.Entries != 1 {
				t.Fatalf("after the kill the journal holds %d entries, want 1", h.Entries)
			}
			got := e.ok(nil, "show", "1", "--json")
			hits := e.ok(nil, "search", "zebracrossing", "--json")
			if got == old {
				midway = midway || killed
				if strings.Contains(hits, `"id"`) {
					t.Errorf("the old entry is found by a word only the edit has: %s", hits)
				}
				return
			}
			var stored journal.Entry
			if err := json.Unmarshal([]byte(got), &stored); err != nil {
				t.Fatal(err)
			}
			if stored.Title != edit.Title || stored.Lesson != edit.Lesson || !reflect.DeepEqual(stored.Tags, edit.Tags) || !sameTexts(stored.Answers, edit.Answers) {
				t.Fatalf("after the kill entry 1 is neither the old one nor the edit: %.300s", got)
			}
			if !strings.Contains(hits, `"id": 1`) {
				t.Errorf("the edited entry is not found by its new title: %s", hits)
			}
			t.Logf("the edit had committed when the kill came (killed: %v)", killed)
		})
	}
	if !midway {
		t.Error("no kill landed in the middle of the edit")
	}
}

func sameTexts(got, want []journal.Answer) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i].Key != want[i].Key || got[i].Text != want[i].Text {
			return false
		}
	}
	return true
}

func TestKillDuringExport(t *testing.T) {
	e := newEnv(t)
	e.ok(nil, "import", writeDocument(t, 10000))

	// How long a whole export takes here, so the kills can land at points
	// along it: reading the journal first, then writing the file.
	took := time.Duration(1<<63 - 1)
	for range 2 {
		start := time.Now()
		e.ok(nil, "export", "--format", "json", "-o", filepath.Join(t.TempDir(), "timing.json"))
		took = min(took, time.Since(start))
	}

	const oldContent = "the export from last week\n"
	midway := false
	for _, at := range []float64{0.5, 0.7, 0.8, 0.9, 0.95} {
		t.Run(fmt.Sprintf("at %.0f%%", at*100), func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "export.json")
			if err := os.WriteFile(target, []byte(oldContent), 0o600); err != nil {
				t.Fatal(err)
			}
			cmd := e.command(nil, "export", "--format", "json", "--force", "-o", target)
			start := time.Now()
			killed := killWhen(t, cmd, func() bool { return time.Since(start) >= time.Duration(at*float64(took)) })
			data, err := os.ReadFile(target)
			if err != nil {
				t.Fatal(err)
			}
			if string(data) == oldContent {
				midway = midway || killed
			} else if doc, err := journal.DecodeDocument(bytes.NewReader(data)); err != nil || len(doc.Entries) != 10000 {
				t.Fatalf("after the kill the target is neither the old file nor the whole export: %v, %d bytes", err, len(data))
			}
			files, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				if f.Name() != "export.json" {
					t.Errorf("the kill left %s behind, a partial copy of the journal", f.Name())
				}
			}
		})
	}
	if !midway {
		t.Error("no kill landed in the middle of the export")
	}
	e.healthy()
}
