//go:build unix

package tui

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

// BenchmarkLessonsEnd opens the lessons screen of a generated journal of
// FAILUP_BENCH_ENTRIES entries (100,000 unless set), grouped by pattern and
// by month, and presses end, reading on to the last lesson; then it opens
// that lesson and comes back to it. The patterns are kept before the timer
// starts, as failup patterns leaves them. cpu-ns/op is the process's CPU
// time, all goroutines', an op at a time.
func BenchmarkLessonsEnd(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("FAILUP_BENCH_ENTRIES")); err == nil && v > 0 {
		n = v
	}
	s, err := store.Open(filepath.Join(b.TempDir(), "journal.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	entries := gen.Entries(n, 1, "2026-11-27")
	if _, _, err := s.Import(ctx, func(yield func(journal.Entry, error) bool) {
		for _, e := range entries {
			if !yield(e, nil) {
				return
			}
		}
	}); err != nil {
		b.Fatal(err)
	}
	entries = nil
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.Local)
	core := app.New(s, app.Options{Now: func() time.Time { return now }})
	if _, err := core.LessonPlan(ctx); err != nil {
		b.Fatal(err)
	}
	m, err := New(ctx, Options{Journal: core, Patience: time.Nanosecond, DraftEvery: time.Nanosecond})
	if err != nil {
		b.Fatal(err)
	}
	drive(m, nil, m.Init())
	drive(m, tea.WindowSizeMsg{Width: 80, Height: 24}, nil)
	for _, by := range []string{"pattern", "month"} {
		b.Run(by, func(b *testing.B) {
			before := cpuTime()
			for b.Loop() {
				drive(m, keyPress("l"), nil)
				if by == "month" {
					drive(m, keyPress("tab"), nil)
				}
				drive(m, keyPress("end"), nil)
				l := m.top().(*lessonsScreen)
				if !l.done || l.cursor != len(l.rows)-1 {
					b.Fatalf("end stopped at row %d of %d", l.cursor, len(l.rows))
				}
				drive(m, keyPress("enter"), nil)
				drive(m, keyPress("esc"), nil)
				if l.cursor != len(l.rows)-1 {
					b.Fatalf("back from the last lesson, the cursor is on row %d of %d", l.cursor, len(l.rows))
				}
				drive(m, keyPress("esc"), nil)
			}
			b.ReportMetric(float64(cpuTime()-before)/float64(b.N), "cpu-ns/op")
		})
	}
}

// cpuTime is the CPU time the process has spent, user and system: the
// measure to compare on a machine shared with other work.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		panic(err)
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// drive hands msg to m, if any, and runs cmd or the command Update returns
// and every command they lead to, as the test harness does.
func drive(m *Model, msg tea.Msg, cmd tea.Cmd) {
	if msg != nil {
		_, cmd = m.Update(msg)
	}
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil, tea.QuitMsg, stillWaitingMsg:
	default:
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
			for i := range v.Len() {
				drive(m, nil, v.Index(i).Interface().(tea.Cmd))
			}
			return
		}
		if !strings.HasPrefix(reflect.TypeOf(msg).String(), "tea.") || isPublicTeaMsg(msg) {
			drive(m, msg, nil)
		}
	}
}
