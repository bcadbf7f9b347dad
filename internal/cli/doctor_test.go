package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/failup/failup/internal/app/apptest"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

// TestDoctorNamesEachKindOfDraft keeps a draft of a new reflection, of an
// edit and of a check-in, and expects doctor to say what each one is and
// which command offers it back.
func TestDoctorNamesEachKindOfDraft(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal.db")
	entry := `{"title": "Quiet in standup", "followup": {"commitment": "Speak first", "due_on": "2026-11-20"}}`
	if _, stderr, code := cliAt(db, entry, "new", "--from", "-"); code != 0 {
		t.Fatalf("new --from: %s", stderr)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, d := range []journal.Draft{
		{Key: journal.SessionKey(journal.NewDraftKey), Entry: journal.Entry{Title: "Froze in the interview"}},
		{Key: journal.EditKey(1), Entry: journal.Entry{Title: "Quiet in standup"}},
		{Key: journal.CheckInKey(1), Entry: journal.Entry{Title: "Quiet in standup"}},
	} {
		if err := s.SaveDraft(ctx, d, apptest.Now); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()

	stdout, stderr, code := cliAt(db, "", "doctor")
	if code != 0 {
		t.Fatalf("doctor: exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"draft: an unfinished reflection “Froze in the interview”",
		"draft: an unfinished edit of entry 1",
		"draft: an unfinished check-in on entry 1",
		"failup checkin 1 offers it back",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("doctor does not say %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "untitled") {
		t.Errorf("doctor calls a draft untitled:\n%s", stdout)
	}
}

// tilde writes the home folder as ~ only when the path is in it.
func TestTildeOnlyForTheHomeFolder(t *testing.T) {
	a := &env{getenv: func(name string) string {
		if name == "HOME" {
			return "/home/kemi"
		}
		return ""
	}}
	for path, want := range map[string]string{
		"/home/kemi/.local/share/failup/snapshots": "~/.local/share/failup/snapshots",
		"/home/kemi":             "~",
		"/home/kemio/journal.db": "/home/kemio/journal.db",
		"/mnt/home/kemi/j.db":    "/mnt/home/kemi/j.db",
		"relative/j.db":          "relative/j.db",
	} {
		if got := a.tilde(path); got != want {
			t.Errorf("tilde(%q) = %q, want %q", path, got, want)
		}
	}
}
