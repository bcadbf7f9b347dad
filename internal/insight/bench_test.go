package insight

import (
	"fmt"
	"math/rand/v2"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

// bigJournal is 100,000 entries of about 120 words, made by recombining the
// fixtures' sentences with a fixed seed, and with some words swapped for
// others so the vocabulary grows as a real journal's does.
func bigJournal(tb testing.TB) []journal.Entry {
	big.once.Do(func() { big.entries = synthesize(tb, 100_000, 120) })
	return big.entries
}

var big struct {
	once    sync.Once
	entries []journal.Entry
}

func synthesize(tb testing.TB, n, words int) []journal.Entry {
	sentences := map[string][]string{}
	var titles, tags []string
	// The journals the recorded benchmarks were made from.
	for _, name := range []string{"noor", "bea"} {
		for _, e := range readFixture(tb, name+".json") {
			titles = append(titles, e.Title)
			tags = append(tags, e.Tags...)
			for _, a := range e.Answers {
				sentences[a.Key] = append(sentences[a.Key], splitSentences(a.Text)...)
			}
			sentences["lesson"] = append(sentences["lesson"], splitSentences(e.Lesson)...)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	keys := []string{journal.KeyCause, journal.KeyPatterns, journal.KeyDifferently, journal.KeyStrengths}
	entries := make([]journal.Entry, n)
	for i := range entries {
		day := start.AddDate(0, 0, i*3650/n)
		e := journal.Entry{
			ID:         int64(i + 1),
			UID:        fmt.Sprintf("bench-%d", i),
			OccurredOn: journal.DateOf(day),
			Title:      mutate(rng, titles[rng.IntN(len(titles))]),
			Tags:       []string{tags[rng.IntN(len(tags))]},
		}
		budget := words
		for k := 0; budget > 0; k = (k + 1) % len(keys) {
			pool := sentences[keys[k]]
			text := mutate(rng, pool[rng.IntN(len(pool))])
			budget -= strings.Count(text, " ") + 1
			if k < len(e.Answers) {
				e.Answers[k].Text += " " + text
			} else {
				e.Answers = append(e.Answers, journal.Answer{Key: keys[k], Text: text})
			}
		}
		pool := sentences["lesson"]
		e.Lesson = mutate(rng, pool[rng.IntN(len(pool))])
		entries[i] = e
	}
	return entries
}

// mutate swaps about one word in twelve for an invented one, drawn from a
// long-tailed vocabulary.
func mutate(rng *rand.Rand, s string) string {
	words := strings.Fields(s)
	for i := range words {
		if rng.IntN(12) == 0 {
			words[i] = fmt.Sprintf("w%x", int(rng.ExpFloat64()*2000))
		}
	}
	return strings.Join(words, " ")
}

func splitSentences(text string) []string {
	var out []string
	for _, s := range strings.SplitAfter(text, ". ") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func BenchmarkPatterns100k(b *testing.B) {
	entries := bigJournal(b)
	lex := builtinLexicon(b)
	b.ReportAllocs()
	defer reportPeakHeap(b)()
	for b.Loop() {
		Patterns(entries, lex, Options{})
	}
}

func BenchmarkSimilar100k(b *testing.B) {
	entries := bigJournal(b)
	lex := builtinLexicon(b)
	b.ReportAllocs()
	defer reportPeakHeap(b)()
	for b.Loop() {
		lex.Similar(entries[0], entries, 3)
	}
}

// reportPeakHeap samples the heap until the returned func is called, then
// reports the most it saw in use, live or not yet collected (heap-MB), and
// the most found live by a collection (live-MB). Both include the 100,000
// entries themselves, about 120 MB.
func reportPeakHeap(b *testing.B) func() {
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
	var heap, live uint64
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			heap, live = max(heap, samples[0].Value.Uint64()), max(live, samples[1].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		<-stopped
		b.ReportMetric(float64(heap)/(1<<20), "heap-MB")
		b.ReportMetric(float64(live)/(1<<20), "live-MB")
	}
}
