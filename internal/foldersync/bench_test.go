package foldersync

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

// benchEntries is the size of the journal the benchmarks sync:
// FAILUP_BENCH_ENTRIES, or 100,000.
func benchEntries() int {
	if n, err := strconv.Atoi(os.Getenv("FAILUP_BENCH_ENTRIES")); err == nil && n > 0 {
		return n
	}
	return 100_000
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

func copyFile(b *testing.B, from, to string) {
	b.Helper()
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	out.Close()
}

// BenchmarkSync measures, on a journal of benchEntries entries: the first
// sync of a journal that has never synced (every entry written to the
// folder), a new device's first sync (every entry read from it), and a sync
// that brings 100 entries written on another device into the large journal.
func BenchmarkSync(b *testing.B) {
	n := benchEntries()
	dir := b.TempDir()
	plain := filepath.Join(dir, "plain.db")
	s, err := store.Open(plain)
	if err != nil {
		b.Fatal(err)
	}
	if _, _, err := s.Import(ctx, entriesOf(gen.Entries(n, 1, "2026-11-27"))); err != nil {
		b.Fatal(err)
	}
	s.Close()
	shared := filepath.Join(dir, "shared")
	os.Mkdir(shared, 0o700)
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

	b.Run(fmt.Sprintf("first-send-%d", n), func(b *testing.B) {
		for i := range b.N {
			b.StopTimer()
			db := filepath.Join(b.TempDir(), "a.db")
			copyFile(b, plain, db)
			s, err := store.Open(db)
			if err != nil {
				b.Fatal(err)
			}
			folder := filepath.Join(b.TempDir(), "shared")
			if i == 0 {
				folder = shared // kept for the benchmarks below
			}
			os.MkdirAll(folder, 0o700)
			b.StartTimer()
			if _, err := Sync(ctx, s, folder, Options{Now: now}); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			s.Close()
		}
	})
	var big *store.Store
	b.Run(fmt.Sprintf("first-receive-%d", n), func(b *testing.B) {
		for range b.N {
			b.StopTimer()
			if big != nil {
				big.Close()
			}
			big, err = store.Open(filepath.Join(b.TempDir(), "b.db"))
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			rep, err := Sync(ctx, big, shared, Options{Now: now})
			if err != nil || rep.Created != n {
				b.Fatalf("%+v, %v", rep, err)
			}
		}
	})
	if big == nil {
		b.Skip("the benchmarks above did not run")
	}
	defer big.Close()
	small, err := store.Open(filepath.Join(dir, "small.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer small.Close()
	// The small device syncs through a folder of its own, whose files are
	// then carried into the shared one, as a sync engine would.
	outbox := filepath.Join(dir, "outbox")
	os.Mkdir(outbox, 0o700)
	carry := func() {
		segs, err := list(outbox)
		if err != nil {
			b.Fatal(err)
		}
		for _, seg := range segs {
			dst := filepath.Join(shared, seg.path)
			if _, err := os.Stat(dst); err == nil {
				continue
			}
			os.MkdirAll(filepath.Dir(dst), 0o700)
			copyFile(b, filepath.Join(outbox, seg.path), dst)
		}
	}
	b.Run(fmt.Sprintf("100-new-into-%d", n), func(b *testing.B) {
		for i := range b.N {
			b.StopTimer()
			fresh := gen.Entries(100, uint64(1000+i), "2026-11-28")
			if _, _, err := small.Import(ctx, entriesOf(fresh)); err != nil {
				b.Fatal(err)
			}
			if _, err := Sync(ctx, small, outbox, Options{Now: now}); err != nil {
				b.Fatal(err)
			}
			carry()
			b.StartTimer()
			rep, err := Sync(ctx, big, shared, Options{Now: now})
			if err != nil || rep.Created != 100 {
				b.Fatalf("%+v, %v", rep, err)
			}
		}
	})
}

// BenchmarkFirstReceive is a new device's first sync, receiving every entry
// of a folder another device wrote: FAILUP_BENCH_FOLDER names a copy of such
// a folder (copied again for each run, since a sync writes its own segments
// into it), or the first sync of FAILUP_BENCH_ENTRIES generated entries
// (100,000 unless set) writes one first.
func BenchmarkFirstReceive(b *testing.B) {
	dir := b.TempDir()
	from := os.Getenv("FAILUP_BENCH_FOLDER")
	if from == "" {
		from = filepath.Join(dir, "sent")
		os.Mkdir(from, 0o700)
		s, err := store.Open(filepath.Join(dir, "sender.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := s.Import(ctx, entriesOf(gen.Entries(benchEntries(), 1, "2026-11-27"))); err != nil {
			b.Fatal(err)
		}
		if _, err := Sync(ctx, s, from, Options{Now: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)}); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	now := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	created := 0
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		shared := filepath.Join(dir, "shared"+strconv.Itoa(i))
		if err := os.CopyFS(shared, os.DirFS(from)); err != nil {
			b.Fatal(err)
		}
		s, err := store.Open(filepath.Join(dir, strconv.Itoa(i)+".db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rep, err := Sync(ctx, s, shared, Options{Now: now})
		if err != nil || rep.Created == 0 {
			b.Fatalf("%+v, %v", rep, err)
		}
		created += rep.Created
		// Closing checkpoints what the sync wrote: a command pays for it.
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.RemoveAll(shared)
		b.StartTimer()
	}
	b.ReportMetric(float64(created)/b.Elapsed().Seconds(), "entries/s")
}
