package store

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/journal"
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
		_, _, bench.err = bench.store.Import(ctx, gen.Entries(benchSize, 1, benchEnd))
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.store
}

func BenchmarkList20(b *testing.B) {
	benchList(b, Filter{Limit: 20})
}

func BenchmarkListFilteredTag(b *testing.B) {
	cases := map[string]Filter{
		"common":   {Tags: []string{"work"}, Limit: 20},
		"rare":     {Tags: []string{"burnout"}, Limit: 20},
		"two":      {Tags: []string{"work", "deadline"}, Limit: 20},
		"and-year": {Tags: []string{"interview"}, Since: "2025-01-01", Until: "2025-12-31", Limit: 20},
	}
	for name, f := range cases {
		b.Run(name, func(b *testing.B) { benchList(b, f) })
	}
}

func benchList(b *testing.B, f Filter) {
	s := benchStore(b)
	for b.Loop() {
		entries, err := s.List(ctx, f)
		if err != nil || len(entries) == 0 {
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

func BenchmarkCount(b *testing.B) {
	cases := map[string]Filter{
		"all": {},
		"tag": {Tags: []string{"work"}},
	}
	for name, f := range cases {
		b.Run(name, func(b *testing.B) {
			s := benchStore(b)
			for b.Loop() {
				if n, err := s.Count(ctx, f); err != nil || n == 0 {
					b.Fatalf("Count(%+v) = %d, %v", f, n, err)
				}
			}
		})
	}
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
		added, _, err := s.Import(ctx, entries)
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
