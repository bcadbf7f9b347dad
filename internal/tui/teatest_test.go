package tui

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/store"
)

// TestReflectionInARunningProgram types a reflection into the real program
// loop, with real timers, and finds it in the journal.
func TestReflectionInARunningProgram(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "journal.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := New(ctx, Options{Journal: app.New(s, app.Options{}), Start: StartNew})
	if err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))

	waitFor := func(text string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(text)) },
			teatest.WithDuration(5*time.Second))
	}
	waitFor("What happened?")
	tm.Type("Froze in the interview")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	for _, a := range fourAnswers {
		tm.Type(a)
		tm.Send(tea.KeyPressMsg{Code: tea.KeyTab})
	}
	tm.Send(tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl})
	waitFor("Saved")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	entries, err := s.List(ctx, store.Filter{})
	if err != nil || len(entries) != 1 {
		t.Fatalf("journal holds %d entries (%v)", len(entries), err)
	}
	if e := entries[0]; e.Title != "Froze in the interview" || e.AnswerText("strengths") != fourAnswers[3] {
		t.Fatalf("saved %+v", e)
	}
	if got := tm.FinalModel(t).(*Model).Farewell(); got != "Saved as entry 1." {
		t.Fatalf("farewell %q", got)
	}
}
