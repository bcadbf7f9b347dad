package store

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/searchquery"
)

const benchSize = 100_000

var benchEnd = journal.Date("2026-11-27")

// bench is the 100,000-entry journal every benchmark in the process shares:
// building it takes a while, reading it does not change it.
var bench struct {
	once  sync.Once
	dir   string
	store *Store
	err   error
}

// TestMain removes the shared benchmark journal, which outlives any one
// benchmark's TempDir.
func TestMain(m *testing.M) {
	m.Run()
	if bench.store != nil {
		bench.store.Close()
	}
	if bench.dir != "" {
		os.RemoveAll(bench.dir)
	}
}

func benchStore(b *testing.B) *Store {
	b.Helper()
	bench.once.Do(func() {
		if bench.dir, bench.err = os.MkdirTemp("", "failup-bench-"); bench.err != nil {
			return
		}
		if bench.store, bench.err = Open(filepath.Join(bench.dir, "journal.db")); bench.err != nil {
			return
		}
		_, _, bench.err = bench.store.Import(ctx, journal.Each(gen.Entries(benchSize, 1, benchEnd)))
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.store
}

func BenchmarkList20(b *testing.B) {
	benchList(b, Filter{Limit: 20}, true)
}

// BenchmarkListAll loads every entry, as export does.
func BenchmarkListAll(b *testing.B) {
	benchList(b, Filter{}, true)
}

// BenchmarkHeadlinesAll reads every entry as list does.
func BenchmarkHeadlinesAll(b *testing.B) {
	s := benchStore(b)
	for b.Loop() {
		n := 0
		for _, err := range s.Headlines(ctx, Filter{}) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != benchSize {
			b.Fatalf("Headlines yielded %d entries, want %d", n, benchSize)
		}
	}
}

func BenchmarkTallies(b *testing.B) {
	s := benchStore(b)
	for b.Loop() {
		if _, err := s.Tallies(ctx, benchEnd); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkListFilteredTag(b *testing.B) {
	cases := []struct {
		name   string
		filter Filter
		found  bool
	}{
		{"common", Filter{Tags: []string{"work"}, Limit: 20}, true},
		{"rare", Filter{Tags: []string{"burnout"}, Limit: 20}, true},
		{"unused", Filter{Tags: []string{"wedding"}, Limit: 20}, false},
		{"two", Filter{Tags: []string{"work", "deadline"}, Limit: 20}, true},
		{"in-a-year", Filter{Tags: []string{"interview"}, Since: "2025-01-01", Until: "2025-12-31", Limit: 20}, true},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) { benchList(b, c.filter, c.found) })
	}
}

// BenchmarkListFilteredText is the browse screen's filter as you type.
func BenchmarkListFilteredText(b *testing.B) {
	cases := []struct {
		name  string
		text  string
		found bool
	}{
		{"common", "deadline", true},
		{"rare", "sportive", true},
		{"absent", "wedding", false},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) { benchList(b, Filter{Text: c.text, Limit: 20}, c.found) })
	}
}

func benchList(b *testing.B, f Filter, found bool) {
	s := benchStore(b)
	for b.Loop() {
		entries, err := s.List(ctx, f)
		if err != nil || (len(entries) > 0) != found {
			b.Fatalf("List(%+v) = %d entries, %v", f, len(entries), err)
		}
	}
}

func BenchmarkGet(b *testing.B) {
	s := benchStore(b)
	id := int64(0)
	for b.Loop() {
		id = id*7919%benchSize + 1 // wander over the journal instead of rereading one cached page
		if _, err := s.Get(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	for _, query := range []string{"deadline", "interview froze", `"first sign of slipping"`, "sportive", "tired"} {
		b.Run(query, func(b *testing.B) {
			s := benchStore(b)
			for b.Loop() {
				hits, err := s.Search(ctx, query, 20)
				if err != nil || len(hits) == 0 {
					b.Fatalf("Search(%s) = %d hits, %v", query, len(hits), err)
				}
			}
		})
	}
}

// BenchmarkSuggest searches for words the journal does not have: a typo of
// a word it has, and a word of its own that is no typo.
func BenchmarkSuggest(b *testing.B) {
	for _, query := range []string{"deadlnie", "intreview", "shame"} {
		b.Run(query, func(b *testing.B) {
			s := benchStore(b)
			for b.Loop() {
				r, err := s.Find(ctx, Request{Query: searchquery.Parse(query), Limit: 20})
				if err != nil || len(r.Hits) != 0 {
					b.Fatalf("Find(%s) = %d hits, %v", query, len(r.Hits), err)
				}
			}
		})
	}
}

func BenchmarkCount(b *testing.B) {
	cases := []struct {
		name   string
		filter Filter
	}{
		{"all", Filter{}},
		{"tag", Filter{Tags: []string{"work"}}},
		{"text", Filter{Text: "deadline"}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			s := benchStore(b)
			for b.Loop() {
				if n, err := s.Count(ctx, c.filter); err != nil || n == 0 {
					b.Fatalf("Count(%+v) = %d, %v", c.filter, n, err)
				}
			}
		})
	}
}

// BenchmarkImportEmpty imports FAILUP_BENCH_ENTRIES entries (100,000
// unless set) into an empty journal, as a first import or a restore does.
func BenchmarkImportEmpty(b *testing.B) {
	size := benchSize
	if n, err := strconv.Atoi(os.Getenv("FAILUP_BENCH_ENTRIES")); err == nil && n > 0 {
		size = n
	}
	entries := gen.Entries(size, 1, benchEnd)
	dir := b.TempDir()
	imports := 0
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(dir, strconv.Itoa(imports)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		added, _, err := s.Import(ctx, journal.Each(entries))
		if err != nil || added != size {
			b.Fatalf("Import added %d of %d: %v", added, size, err)
		}
		// Closing checkpoints what the import wrote: a command pays for it.
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		imports++
	}
	b.ReportMetric(float64(imports*size)/b.Elapsed().Seconds(), "entries/s")
}

// BenchmarkImport1k imports 1,000 entries into a fresh journal each time.
func BenchmarkImport1k(b *testing.B) {
	const size = 1000
	entries := gen.Entries(size, 2, benchEnd)
	dir := b.TempDir()
	imports := 0
	for b.Loop() {
		b.StopTimer()
		s, err := Open(filepath.Join(dir, strconv.Itoa(imports)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		added, _, err := s.Import(ctx, journal.Each(entries))
		if err != nil || added != size {
			b.Fatalf("Import added %d of %d: %v", added, size, err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
		imports++
	}
	b.ReportMetric(float64(imports*size)/b.Elapsed().Seconds(), "entries/s")
}
