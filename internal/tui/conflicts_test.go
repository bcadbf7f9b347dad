package tui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/foldersync"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

// conflicted makes the harness's journal hold an entry edited on two
// devices before they synced: this one's edit an hour after the other's, so
// that this one is shown.
func conflicted(t *testing.T, h *harness, title string) {
	t.Helper()
	other, err := store.Open(filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	shared := t.TempDir()
	sync := func(s *store.Store, at time.Time) {
		t.Helper()
		if _, err := foldersync.Sync(ctx, s, shared, foldersync.Options{Now: at}); err != nil {
			t.Fatal(err)
		}
	}
	e := journal.Entry{Title: title, OccurredOn: "2026-03-10", Answers: []journal.Answer{
		{Key: journal.KeyCause, Question: "What caused this setback?", Text: "Too many promises."}}}
	if err := e.Complete(fixedNow.Add(-48*time.Hour), func(string, string) (string, bool) { return "", false }); err != nil {
		t.Fatal(err)
	}
	if err := other.Create(ctx, &e); err != nil {
		t.Fatal(err)
	}
	sync(other, fixedNow.Add(-48*time.Hour))
	sync(h.store, fixedNow.Add(-47*time.Hour))
	edit := func(s *store.Store, cause string, at time.Time) {
		t.Helper()
		list, err := s.List(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, got := range list {
			if got.UID != e.UID {
				continue
			}
			got, err := s.Get(ctx, got.ID)
			if err != nil {
				t.Fatal(err)
			}
			got.Answers[0].Text = cause
			if err := s.Update(ctx, &got, at); err != nil {
				t.Fatal(err)
			}
		}
	}
	edit(other, "I said yes to three projects at once.", fixedNow.Add(-3*time.Hour))
	edit(h.store, "Nobody knew I was behind until the day before.", fixedNow.Add(-2*time.Hour))
	sync(other, fixedNow.Add(-3*time.Hour))
	sync(h.store, fixedNow.Add(-2*time.Hour))
}

// TestConflictsKeepTheOther opens the conflicts from home, looks at both
// versions, keeps the other one after saying yes, and comes back home with
// the conflict gone and the kept words in the entry.
func TestConflictsKeepTheOther(t *testing.T) {
	h := newHarness(t, StartHome)
	conflicted(t, h, "Missed the launch deadline")
	h.run(h.model.top().Init())
	h.expectScreen("1 entry was edited on two devices · choose which version to keep")
	golden.RequireEqual(t, h.screen())

	h.press("v")
	h.expectScreen("Shown now", "Nobody knew I was behind", "The other version")
	h.press("down", "down", "down", "down", "down", "down", "down", "down", "down", "down")
	h.expectScreen("I said yes to three projects at once.")
	h.press("2")
	h.expectScreen("Keep version 2 and let the other go?")
	h.press("n") // any other key goes back, keeping both
	if n, _ := h.store.SyncConflictCount(ctx); n != 1 {
		t.Fatalf("after going back, %d conflicts; want the 1 still there", n)
	}
	h.press("2", "y")
	h.expectScreen("Kept one version of “Missed the launch deadline”.")
	if strings.Contains(h.screen(), "edited on two devices") {
		t.Errorf("home still shows a conflict:\n%s", h.screen())
	}
	list, _ := h.store.List(ctx, store.Filter{})
	e, _ := h.store.Get(ctx, list[0].ID)
	if e.Answers[0].Text != "I said yes to three projects at once." {
		t.Errorf("the entry holds %q; want the other version's words", e.Answers[0].Text)
	}
}

// TestConflictsScreen is the screen as it opens, and as it asks before
// keeping the version shown.
func TestConflictsScreen(t *testing.T) {
	h := newHarness(t, StartHome)
	conflicted(t, h, "Missed the launch deadline")
	h.run(h.model.top().Init())
	h.press("v")
	golden.RequireEqual(t, h.screen())
	h.press("1")
	h.expectScreen("Keep the version shown now and let the other go?")
	h.press("y")
	if n, _ := h.store.SyncConflictCount(ctx); n != 0 {
		t.Errorf("%d conflicts after keeping the version shown", n)
	}
	list, _ := h.store.List(ctx, store.Filter{})
	e, _ := h.store.Get(ctx, list[0].ID)
	if e.Answers[0].Text != "Nobody knew I was behind until the day before." {
		t.Errorf("the entry holds %q; want the version that was shown", e.Answers[0].Text)
	}
}

// TestNoConflictsNoLine: home says nothing of conflicts when there are
// none, and v does nothing there.
func TestNoConflictsNoLine(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seed("Missed the launch deadline")
	h.run(h.model.top().Init())
	if strings.Contains(h.screen(), "two devices") {
		t.Errorf("home speaks of conflicts with none:\n%s", h.screen())
	}
	h.press("v")
	h.expectScreen("Browse all 1")
}
