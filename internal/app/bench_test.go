package app_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

// The benchmarks here time what the full-screen interface's screens ask the
// core for, on a generated journal of FAILUP_BENCH_ENTRIES entries (100,000
// unless set). FAILUP_BENCH_JOURNAL names a journal to copy instead of
// generating one, such as .ci/bench's.
var bench struct {
	once sync.Once
	dir  string
	core *app.Core
	err  error
}

func benchCore(b *testing.B) *app.Core {
	b.Helper()
	bench.once.Do(func() {
		if bench.dir, bench.err = os.MkdirTemp("", "failup-app-bench-"); bench.err != nil {
			return
		}
		path := filepath.Join(bench.dir, "journal.db")
		if from := os.Getenv("FAILUP_BENCH_JOURNAL"); from != "" {
			if bench.err = copyFile(from, path); bench.err != nil {
				return
			}
		}
		s, err := store.Open(path)
		if bench.err = err; err != nil {
			return
		}
		if os.Getenv("FAILUP_BENCH_JOURNAL") == "" {
			n := 100_000
			if v, err := strconv.Atoi(os.Getenv("FAILUP_BENCH_ENTRIES")); err == nil && v > 0 {
				n = v
			}
			if _, _, bench.err = s.Import(ctx, entriesOf(gen.Entries(n, 1, "2026-11-27"))); bench.err != nil {
				return
			}
		}
		now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.Local)
		bench.core = app.New(s, app.Options{Now: func() time.Time { return now }})
		// The kept report, as failup patterns leaves it.
		_, bench.err = bench.core.Patterns(ctx, app.Filter{})
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.core
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func entriesOf(es []journal.Entry) func(func(journal.Entry, error) bool) {
	return func(yield func(journal.Entry, error) bool) {
		for _, e := range es {
			if !yield(e, nil) {
				return
			}
		}
	}
}

// BenchmarkPatternsKept reads the kept report whole, as failup patterns does.
func BenchmarkPatternsKept(b *testing.B) {
	c := benchCore(b)
	for b.Loop() {
		if _, err := c.Patterns(ctx, app.Filter{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGrowth reads what the growth screen shows.
func BenchmarkGrowth(b *testing.B) {
	c := benchCore(b)
	for b.Loop() {
		if _, err := c.Growth(ctx, 70); err != nil {
			b.Fatal(err)
		}
	}
}

// errEnough stops an export once a preview's worth has been written.
var errEnough = errors.New("enough")

// firstBytes takes the first n bytes written to it, then refuses the rest.
type firstBytes struct{ n int }

func (w *firstBytes) Write(p []byte) (int, error) {
	if len(p) >= w.n {
		return w.n, errEnough
	}
	w.n -= len(p)
	return len(p), nil
}

// BenchmarkExportPreview writes the start of the lessons page, as the export
// screen's preview does, stopping once it has 32 KB of it.
func BenchmarkExportPreview(b *testing.B) {
	c := benchCore(b)
	for _, lessons := range []bool{true, false} {
		b.Run("lessons="+strconv.FormatBool(lessons), func(b *testing.B) {
			for b.Loop() {
				req := app.ExportRequest{Format: app.Markdown, LessonsOnly: lessons}
				if _, err := c.WriteExport(ctx, &firstBytes{n: 32 << 10}, req); err != nil && !errors.Is(err, errEnough) {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPatternsScreen reads what the patterns screen draws: the
// patterns it lists, a year of setbacks by day and the latest confidence
// ratings.
func BenchmarkPatternsScreen(b *testing.B) {
	c := benchCore(b)
	for b.Loop() {
		if _, err := c.PatternsSummary(ctx); err != nil {
			b.Fatal(err)
		}
		if _, _, err := c.Calendar(ctx, c.Today().AddDays(-7*53), 66); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkThemeEvidence reads the evidence of the most widespread theme, as
// the patterns screen does when it is opened.
func BenchmarkThemeEvidence(b *testing.B) {
	c := benchCore(b)
	r, err := c.PatternsSummary(ctx)
	if err != nil || len(r.Themes) == 0 {
		b.Fatal("no themes", err)
	}
	for b.Loop() {
		if _, err := c.ThemeEvidence(ctx, r.Themes[0]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLessonsScreen reads what the lessons screen opens with: the
// layout of the lessons by pattern, and the first group's first lessons.
func BenchmarkLessonsScreen(b *testing.B) {
	c := benchCore(b)
	for b.Loop() {
		plan, err := c.LessonPlan(ctx)
		if err != nil || len(plan.Groups) == 0 {
			b.Fatal("no lessons", err)
		}
		ids := plan.Groups[0].IDs
		for _, err := range c.EntriesByID(ctx, ids[:min(len(ids), 30)]) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkSearchPattern searches by a pattern's id, as failup search
// pattern:overcommitment does, with the patterns kept.
func BenchmarkSearchPattern(b *testing.B) {
	c := benchCore(b)
	for b.Loop() {
		found, err := c.Search(ctx, "pattern:overcommitment", 20)
		if err != nil || len(found.Hits) == 0 {
			b.Fatalf("%d hits, %v", len(found.Hits), err)
		}
	}
}

// BenchmarkExportMarkdown writes the whole journal as Markdown, as failup
// export does.
func BenchmarkExportMarkdown(b *testing.B) {
	c := benchCore(b)
	for b.Loop() {
		if _, err := c.WriteExport(ctx, io.Discard, app.ExportRequest{Format: app.Markdown}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportDocument imports a failup.v1 document into an empty
// journal, as failup import does: FAILUP_BENCH_DOC names the document, or
// FAILUP_BENCH_ENTRIES generated entries (100,000 unless set) are written
// to one first.
func BenchmarkImportDocument(b *testing.B) {
	dir := b.TempDir()
	doc := os.Getenv("FAILUP_BENCH_DOC")
	if doc == "" {
		n := 100_000
		if v, err := strconv.Atoi(os.Getenv("FAILUP_BENCH_ENTRIES")); err == nil && v > 0 {
			n = v
		}
		doc = filepath.Join(dir, "journal.json")
		data, err := json.Marshal(journal.NewDocument(gen.Entries(n, 1, "2026-11-27"), time.Now()))
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(doc, data, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	imports, added := 0, 0
	for b.Loop() {
		b.StopTimer()
		s, err := store.Open(filepath.Join(dir, strconv.Itoa(imports)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		f, err := os.Open(doc)
		if err != nil {
			b.Fatal(err)
		}
		c := app.New(s, app.Options{})
		b.StartTimer()
		n, err := c.Import(ctx, bufio.NewReader(f), doc)
		if err != nil || n.Added == 0 {
			b.Fatalf("Import added %d: %v", n.Added, err)
		}
		added += n.Added
		// Closing checkpoints what the import wrote: a command pays for it.
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		f.Close()
		imports++
	}
	b.ReportMetric(float64(added)/b.Elapsed().Seconds(), "entries/s")
}

// addOne saves one more reflection, as a person does before opening the
// lessons or the patterns: what is kept of the patterns is then out of date.
func addOne(b *testing.B, c *app.Core) {
	b.Helper()
	e := journal.Entry{Title: "Missed the deadline again", OccurredOn: c.Today(),
		Lesson: "Ask for help earlier when a deadline slips.", Tags: []string{"work"}}
	if err := c.Create(ctx, &e); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkLessonsAfterChange opens the lessons screen right after an entry
// was saved: the patterns are found anew and the lessons laid out.
func BenchmarkLessonsAfterChange(b *testing.B) {
	c := benchCore(b)
	for b.Loop() {
		addOne(b, c)
		if plan, err := c.LessonPlan(ctx); err != nil || len(plan.Groups) == 0 {
			b.Fatal("no lessons", err)
		}
	}
}

// BenchmarkPatternsAfterChange opens the patterns screen right after an
// entry was saved.
func BenchmarkPatternsAfterChange(b *testing.B) {
	c := benchCore(b)
	for b.Loop() {
		addOne(b, c)
		if _, err := c.PatternsSummary(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLessons reads what failup lessons prints, with the patterns kept:
// every lesson, and those of a month.
func BenchmarkLessons(b *testing.B) {
	c := benchCore(b)
	month := app.Filter{Since: c.Today().AddDays(-30), Until: c.Today()}
	for name, f := range map[string]app.Filter{"all": {}, "month": month} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if _, err := c.Lessons(ctx, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
