package export

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/failup/failup/internal/journal"
)

var goldenWrite = flag.Bool("golden-write", false, "write testdata/*.md from the current output instead of comparing")

// checkGolden compares got with testdata/name.md.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".md")
	if *goldenWrite {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -golden-write to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -golden-write rewrites it):\n%s", path, got)
	}
}

func TestEntryGolden(t *testing.T) {
	for name, e := range map[string]journal.Entry{
		"entry":         launch(),
		"entry-tricky":  tricky(),
		"entry-minimal": minimal(),
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Entry(&buf, e); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, name, buf.Bytes())
		})
	}
}

func TestFullGolden(t *testing.T) {
	entries := append(followUps(), tricky(), launch(), minimal())
	var buf bytes.Buffer
	if err := Full(&buf, entries, Options{Since: "2026-01-01", Now: now}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "full", buf.Bytes())

	buf.Reset()
	if err := Full(&buf, nil, Options{Since: "2027-01-01", Until: "2027-01-31", Now: now}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "full-empty", buf.Bytes())
}

// TestFullStreamStopsWhenTheWriterDoes: once w refuses what is written, no
// more entries are read, so a preview of a large journal costs a few entries.
func TestFullStreamStopsWhenTheWriterDoes(t *testing.T) {
	read := 0
	entries := func(yield func(journal.Entry, error) bool) {
		for read < 10000 {
			read++
			if !yield(launch(), nil) {
				return
			}
		}
	}
	full := errors.New("the preview has all it shows")
	err := FullStream(failingWriter{full}, About{Count: 10000}, entries, Options{Now: now})
	if !errors.Is(err, full) || read == 10000 {
		t.Fatalf("FullStream = %v after reading %d entries, want %v well before the end", err, read, full)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

func TestFullStreamStopsAtAnError(t *testing.T) {
	broken := errors.New("the journal went away")
	entries := func(yield func(journal.Entry, error) bool) {
		if yield(launch(), nil) {
			yield(journal.Entry{}, broken)
		}
	}
	var buf bytes.Buffer
	err := FullStream(&buf, About{Count: 2}, entries, Options{Now: now})
	if !errors.Is(err, broken) {
		t.Fatalf("FullStream = %v, want %v", err, broken)
	}
}

func TestLessonsGolden(t *testing.T) {
	entries := append(followUps(), tricky(), launch(), minimal())
	differentlyOnly := launch()
	differentlyOnly.OccurredOn, differentlyOnly.Title, differentlyOnly.Lesson = "2026-03-20", "Skipped the code review", ""
	differentlyOnly.Followup = nil
	entries = append(entries, differentlyOnly)

	var buf bytes.Buffer
	if err := Lessons(&buf, ByMonth(entries), Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "lessons", buf.Bytes())

	// Groups from the pattern engine: an entry may sit under more than one.
	patterns := []Group{
		{Label: "saying yes to too much", Entries: []journal.Entry{launch(), followUps()[3]}},
		{Label: "nerves under pressure", Entries: []journal.Entry{followUps()[2], tricky(), followUps()[1]}},
		{Label: "no lessons here", Entries: []journal.Entry{minimal()}},
	}
	buf.Reset()
	if err := Lessons(&buf, patterns, Options{Since: "2026-03-01", Until: "2026-10-31"}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "lessons-by-pattern", buf.Bytes())

	buf.Reset()
	if err := Lessons(&buf, ByMonth([]journal.Entry{minimal()}), Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "lessons-none", buf.Bytes())
}

func TestAPeriodStartingAfterTodayDoesNotRunBackwards(t *testing.T) {
	var buf bytes.Buffer
	if err := Full(&buf, nil, Options{Since: "2030-01-01", Now: now}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "From 1 January 2030") {
		t.Errorf("a page from 2030 on, written on %s, is headed:\n%s", now.Format("2 January 2006"), buf.String())
	}
}
