package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

var ctx = context.Background()

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "data", "journal.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func ptr[T any](v T) *T { return &v }

// fullEntry sets every field of an entry.
func fullEntry() journal.Entry {
	checked := time.Date(2026, 4, 2, 9, 30, 0, 0, time.UTC)
	return journal.Entry{
		UID:        "0b9d6c1e-5f7a-4c2e-9a51-3f0e8c2d7b11",
		CreatedAt:  time.Date(2026, 3, 14, 18, 22, 5, 0, time.UTC),
		UpdatedAt:  time.Date(2026, 3, 14, 18, 40, 11, 0, time.UTC),
		OccurredOn: "2026-03-14",
		Title:      "Missed the launch deadline",
		PromptSet:  journal.DefaultPromptSet,
		Answers: []journal.Answer{
			{Key: "cause", Question: "What caused this setback?", Text: "I said yes to three projects.\n\nAnd told nobody."},
			{Key: "patterns", Question: "What patterns contributed to this situation?", Text: "Overcommitting, again."},
			{Key: "differently", Question: "What should I do differently next time?", Text: "Raise risks early."},
			{Key: "strengths", Question: "What strengths can I build from this?", Text: "Honesty."},
		},
		Lesson:     "Ask for help at the first sign of slipping.",
		Tags:       []string{"work", "launch"},
		Skills:     []journal.Skill{"judgement", "communication"},
		Severity:   ptr(4),
		Confidence: ptr(5),
		Followup: &journal.Followup{
			Commitment:      "Raise risks in the Monday meeting",
			DueOn:           "2026-04-01",
			CheckedInAt:     &checked,
			TriedAgain:      ptr(true),
			Outcome:         ptr("It went fine."),
			ConfidenceAfter: ptr(7),
		},
		FollowsUID: "earlier-uid",
	}
}

func TestRoundTripEveryField(t *testing.T) {
	s := openTemp(t)
	want := fullEntry()
	if err := s.Create(ctx, &want); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip changed the entry:\n got %+v\nwant %+v", got, want)
	}

	bare := journal.Entry{Title: "Bare"}
	if err := bare.Complete(time.Now(), func(string, string) (string, bool) { return "", false }); err != nil {
		t.Fatal(err)
	}
	if err := s.Create(ctx, &bare); err != nil {
		t.Fatal(err)
	}
	gotBare, err := s.Get(ctx, bare.ID)
	if err != nil {
		t.Fatal(err)
	}
	if gotBare.Followup != nil || gotBare.Severity != nil || len(gotBare.Tags) != 0 || gotBare.Answers == nil {
		t.Fatalf("bare entry came back as %+v", gotBare)
	}
}

func TestMigrationsFromEmpty(t *testing.T) {
	s := openTemp(t)
	var version, appID int
	s.db.QueryRow("PRAGMA user_version").Scan(&version)
	s.db.QueryRow("PRAGMA application_id").Scan(&appID)
	names, _ := migrationFiles.ReadDir("migrations")
	if version != len(names) || appID != applicationID {
		t.Fatalf("user_version %d application_id %x; want %d %x", version, appID, len(names), applicationID)
	}
	var mode string
	s.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Fatalf("journal_mode %s", mode)
	}
	// Opening again is a no-op.
	path := s.Path()
	s.Close()
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	again.Close()
}

func TestPermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "failup")
	s, err := Open(filepath.Join(dir, "journal.db"))
	if err != nil {
		t.Fatal(err)
	}
	e := fullEntry()
	if err := s.Create(ctx, &e); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if info, _ := os.Stat(dir); info.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", info.Mode().Perm())
	}
	for _, name := range []string{"journal.db", "journal.db-wal", "journal.db-shm"} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", name, info.Mode().Perm())
		}
	}
}

func TestRefusesWhatIsNotAJournal(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	content := []byte(strings.Repeat("my private notes\n", 400))
	os.WriteFile(notDB, content, 0o600)
	if _, err := Open(notDB); err == nil || !strings.Contains(err.Error(), "not a failup journal") {
		t.Fatalf("Open(text file) = %v", err)
	}
	if after, _ := os.ReadFile(notDB); !bytes.Equal(after, content) {
		t.Fatal("the text file was modified")
	}

	other := filepath.Join(dir, "other.db")
	db, _ := sql.Open("sqlite", other)
	db.Exec("CREATE TABLE recipes (name TEXT)")
	db.Close()
	if _, err := Open(other); err == nil || !strings.Contains(err.Error(), "not a failup journal") {
		t.Fatalf("Open(other sqlite db) = %v", err)
	}

	newer := filepath.Join(dir, "newer.db")
	s, err := Open(newer)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA user_version = 99")
	s.Close()
	if _, err := Open(newer); err == nil || !strings.Contains(err.Error(), "newer failup") {
		t.Fatalf("Open(newer) = %v", err)
	}
}

func TestDrafts(t *testing.T) {
	s := openTemp(t)
	if _, ok, err := s.Draft(ctx, journal.NewDraftKey); ok || err != nil {
		t.Fatalf("empty journal has a draft: %v %v", ok, err)
	}
	d := journal.Draft{Key: journal.NewDraftKey, Step: 2, Entry: journal.Entry{Title: "Half written"}}
	now := time.Now()
	if err := s.SaveDraft(ctx, d, now); err != nil {
		t.Fatal(err)
	}
	d.Entry.Answers = []journal.Answer{{Key: "cause", Text: "more"}}
	if err := s.SaveDraft(ctx, d, now); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Draft(ctx, journal.NewDraftKey)
	if err != nil || !ok || got.Step != 2 || got.Entry.Title != "Half written" || len(got.Entry.Answers) != 1 {
		t.Fatalf("Draft = %+v %v %v", got, ok, err)
	}
	e := fullEntry()
	if err := s.SaveReflection(ctx, &e, journal.NewDraftKey, now); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Draft(ctx, journal.NewDraftKey); ok {
		t.Fatal("saving did not clear the draft")
	}
}

func TestUpdateKeepsIdentityAndIndex(t *testing.T) {
	s := openTemp(t)
	e := fullEntry()
	if err := s.Create(ctx, &e); err != nil {
		t.Fatal(err)
	}
	e.Title = "Shipped late, learned plenty"
	e.Answers[0].Text = "Scope crept quietly"
	later := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	e.UID, e.CreatedAt = "changed", later
	if err := s.Update(ctx, &e, later); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Get(ctx, e.ID)
	if got.UID != fullEntry().UID || !got.CreatedAt.Equal(fullEntry().CreatedAt) || !got.UpdatedAt.Equal(later) {
		t.Fatalf("update changed identity: %+v", got)
	}
	if hits, _ := s.Search(ctx, "crept", 10); len(hits) != 1 {
		t.Fatalf("search misses new words: %v", hits)
	}
	if hits, _ := s.Search(ctx, "projects", 10); len(hits) != 0 {
		t.Fatalf("search finds removed words: %v", hits)
	}
	if err := s.Delete(ctx, e.ID); err != nil {
		t.Fatal(err)
	}
	if hits, _ := s.Search(ctx, "crept", 10); len(hits) != 0 {
		t.Fatalf("search finds a deleted entry: %v", hits)
	}
	if _, err := s.Get(ctx, e.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get(deleted) = %v", err)
	}
}

func TestDraftsKeepsEveryReflection(t *testing.T) {
	s := openTemp(t)
	now := time.Now()
	older := journal.Draft{Key: journal.NewDraftKey, Entry: journal.Entry{Title: "From an older failup"}}
	a := journal.Draft{Key: journal.SessionKey(journal.NewDraftKey), Entry: journal.Entry{Title: "Typed in one terminal"}}
	b := journal.Draft{Key: journal.SessionKey(journal.NewDraftKey), Entry: journal.Entry{Title: "Typed in another"}, Step: 3}
	edit := journal.Draft{Key: journal.EditKey(4), Entry: journal.Entry{Title: "An edit"}}
	for i, d := range []journal.Draft{older, a, b, edit} {
		if err := s.SaveDraft(ctx, d, now.Add(time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Drafts(ctx, journal.NewDraftKey)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, d := range got {
		titles = append(titles, d.Entry.Title)
	}
	if want := []string{"Typed in another", "Typed in one terminal", "From an older failup"}; !slices.Equal(titles, want) {
		t.Fatalf("Drafts = %q, want %q", titles, want)
	}
	if got[0].Key != b.Key || got[0].Step != 3 || got[0].SavedAt.IsZero() {
		t.Fatalf("newest draft = %+v", got[0])
	}
}

// An editor's folder is left alone while it is in use, and removed by the
// sweep once its failup is gone.
func TestPrivateFolderIsSweptOnlyOnceAbandoned(t *testing.T) {
	s := openTemp(t)
	dir, release, err := s.PrivateFolder()
	if err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(dir, "answer.md")
	if err := os.WriteFile(copyPath, []byte("private"), 0o600); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Fatalf("folder %v %v", info.Mode().Perm(), err)
	}
	if removed := s.SweepLeftovers(); len(removed) != 0 {
		t.Fatalf("the sweep removed %v while it was in use", removed)
	}
	release()
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("release left the folder: %v", err)
	}

	// A folder whose failup died holds no lock.
	abandoned := filepath.Join(filepath.Dir(dir), "edit-123")
	os.MkdirAll(abandoned, 0o700)
	os.WriteFile(filepath.Join(abandoned, "answer.md"), []byte("private"), 0o600)
	if removed := s.SweepLeftovers(); !slices.Equal(removed, []string{abandoned}) {
		t.Fatalf("the sweep removed %v, want %s", removed, abandoned)
	}
}
