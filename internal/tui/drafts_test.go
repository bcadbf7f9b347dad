package tui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

// Two reflections written at once, in two terminals on one journal, each keep
// their draft, and the next failup new offers both.
func TestTwoSessionsBothKeepTheirDraft(t *testing.T) {
	open := oneJournal(t)
	a := newHarnessWith(t, open(), Options{Start: StartNew})
	b := newHarnessWith(t, open(), Options{Start: StartNew})
	a.typeText("Typed in terminal A")
	a.press("tab")
	a.typeText("A's first answer")
	b.typeText("Typed in terminal B")
	a.press("ctrl+c")
	b.press("ctrl+c")
	for _, h := range []*harness{a, b} {
		if got := h.model.Farewell(); !strings.Contains(got, "kept as a draft") {
			t.Fatalf("farewell = %q", got)
		}
	}

	next := newHarnessWith(t, open(), Options{Start: StartNew})
	next.expectScreen("You have 2 unfinished reflections", "Typed in terminal A", "Typed in terminal B", "stopped at step 2")
	// Both were saved at the same moment; the list then keeps a steady order.
	if i := draftIndex(t, next.store, "Typed in terminal A"); i == 1 {
		next.press("down")
	}
	next.press("r")
	next.expectScreen("2 of 9", "A's first answer")
	next.typeText(" and more")
	next.press("esc")

	// The other draft is still offered, and the one picked up kept its place.
	last := newHarnessWith(t, open(), Options{Start: StartNew})
	last.expectScreen("You have 2 unfinished reflections")
	last.press("n")
	last.expectScreen("What happened?", "1 of 9")
	last.typeText("A third")
	last.press("ctrl+c")
	drafts, err := last.store.Drafts(ctx, journal.NewDraftKey)
	if err != nil || len(drafts) != 3 {
		t.Fatalf("%d drafts (%v), want 3", len(drafts), err)
	}
	if d := drafts[draftIndex(t, last.store, "Typed in terminal A")]; d.Entry.AnswerText("cause") != "A's first answer and more" {
		t.Fatalf("picked-up draft = %+v", d)
	}
}

// Discarding a draft of another prompt set starts the reflection with the set
// asked for.
func TestDiscardKeepsTheSetAskedFor(t *testing.T) {
	s := openStore(t)
	quick := newHarnessWith(t, s, Options{Start: StartNew, SetID: "quick"})
	quick.expectScreen("1 of 7")
	quick.typeText("A quick one")
	quick.press("esc")

	h := newHarnessWith(t, s, Options{Start: StartNew, SetID: "four-questions"})
	h.expectScreen("A quick one")
	h.press("d", "y")
	h.expectScreen("What happened?", "1 of 9")

	// Picking a draft up keeps the set it was written with.
	h.typeText("Four questions this time")
	h.press("esc")
	again := newHarnessWith(t, s, Options{Start: StartNew, SetID: "quick"})
	again.press("r")
	again.expectScreen("1 of 9")
}

// oneJournal opens a new journal each time it is called, as each terminal
// running failup on the same file does.
func oneJournal(t *testing.T) func() *store.Store {
	path := filepath.Join(t.TempDir(), "journal.db")
	return func() *store.Store {
		s, err := store.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
}

// draftIndex is where the draft of a new reflection titled title stands among
// the drafts offered back.
func draftIndex(t *testing.T, s *store.Store, title string) int {
	t.Helper()
	drafts, err := s.Drafts(ctx, journal.NewDraftKey)
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range drafts {
		if d.Entry.Title == title {
			return i
		}
	}
	t.Fatalf("no draft titled %q", title)
	return -1
}

// TestResumingADraftStillBeingWrittenKeepsBoth: a second session that picks
// up the draft a first one is still writing takes it over under a key of its
// own, so the words each goes on to type are kept.
func TestResumingADraftStillBeingWrittenKeepsBoth(t *testing.T) {
	open := oneJournal(t)
	a := newHarnessWith(t, open(), Options{Start: StartNew})
	a.typeText("Still being written")
	a.press("tab")
	a.typeText("from A")

	b := newHarnessWith(t, open(), Options{Start: StartNew})
	b.expectScreen("Still being written")
	b.press("r")
	b.typeText(" then B")
	b.press("ctrl+c")
	a.typeText(" and A again")
	a.press("ctrl+c")

	drafts, err := a.store.Drafts(ctx, journal.NewDraftKey)
	if err != nil || len(drafts) != 2 {
		t.Fatalf("%d drafts (%v), want 2: %+v", len(drafts), err, drafts)
	}
	var answers []string
	for _, d := range drafts {
		answers = append(answers, d.Entry.AnswerText("cause"))
	}
	got := strings.Join(answers, " | ")
	if !strings.Contains(got, "from A then B") || !strings.Contains(got, "from A and A again") {
		t.Fatalf("the drafts say %q; want both sessions' words", got)
	}
}

// TestADraftSaveAfterTheReflectionBringsNothingBack: saves run as commands at
// once, so a draft save already under way may end after the reflection is
// saved; it must not bring the draft back.
func TestADraftSaveAfterTheReflectionBringsNothingBack(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Saved while a draft was on its way")
	rs, ok := h.model.top().(*reflectScreen)
	if !ok {
		t.Fatalf("the screen is %T, not the reflection", h.model.top())
	}
	late := rs.saveDraft()
	h.press("ctrl+s")
	h.press("y")
	h.expectScreen("Saved")
	late()
	if drafts, err := h.store.Drafts(ctx, journal.NewDraftKey); err != nil || len(drafts) != 0 {
		t.Fatalf("after saving: drafts %+v (%v), want none", drafts, err)
	}
}

// TestTwoEditsOfOneEntryBothKeepTheirDraft: an entry edited in two terminals
// at once keeps each terminal's words as a draft of its own, and the next
// edit of it offers both.
func TestTwoEditsOfOneEntryBothKeepTheirDraft(t *testing.T) {
	open := oneJournal(t)
	first := newHarnessWith(t, open(), Options{Start: StartNew})
	first.seedEntry(journal.Entry{Title: "Quiet in standup"})

	a := newHarnessWith(t, open(), Options{Start: StartEdit, EditID: 1})
	b := newHarnessWith(t, open(), Options{Start: StartEdit, EditID: 1})
	a.typeText(", said by A")
	b.typeText(", said by B")
	a.typeText(" twice")
	a.press("ctrl+c")
	b.press("ctrl+c")

	drafts, err := a.store.Drafts(ctx, journal.EditKey(1))
	if err != nil || len(drafts) != 2 {
		t.Fatalf("%d drafts of the edit (%v), want 2: %+v", len(drafts), err, drafts)
	}
	next := newHarnessWith(t, open(), Options{Start: StartEdit, EditID: 1})
	next.expectScreen("You have 2 unfinished reflections", "Quiet in standup, said by A twice", "Quiet in standup, said by B")
}

// ctrl+c on the offer of unfinished reflections keeps them, and the line
// printed on the way out says so, as leaving a reflection does.
func TestCtrlCOnTheOfferSaysTheDraftsAreKept(t *testing.T) {
	open := oneJournal(t)
	first := newHarnessWith(t, open(), Options{Start: StartNew})
	first.typeText("Blew up at the locum")
	first.press("ctrl+c")

	offer := func(want, shows string) {
		t.Helper()
		h := newHarnessWith(t, open(), Options{Start: StartNew})
		h.expectScreen(shows)
		h.press("ctrl+c")
		if got := h.model.Farewell(); got != want || !h.model.Interrupted() {
			t.Errorf("farewell = %q (interrupted %v), want %q", got, h.model.Interrupted(), want)
		}
	}
	offer(keptDraft, "You have an unfinished reflection")

	second := newHarnessWith(t, open(), Options{Start: StartNew})
	second.press("n")
	second.typeText("Snapped at the rota")
	second.press("ctrl+c")
	offer("Your reflections are kept as drafts; failup new picks them up where you left off.", "You have 2 unfinished reflections")

	h := newHarnessWith(t, open(), Options{Start: StartNew})
	if drafts, err := h.store.Drafts(ctx, journal.NewDraftKey); err != nil || len(drafts) != 2 {
		t.Fatalf("%d drafts (%v), want both kept", len(drafts), err)
	}
}

// ctrl+c on the offer of changes not yet saved names the entry to edit.
func TestCtrlCOnTheOfferOfChangesSaysTheyAreKept(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Slipped back", OccurredOn: "2026-01-05",
		Answers: []journal.Answer{{Key: "cause", Text: "Too late a night."}}})
	h.run(h.model.top().Init())
	h.press("b", "enter", "e")
	h.typeText(" again")
	h.press("esc", "e")
	h.expectScreen("You have changes to this entry not yet saved")
	h.press("ctrl+c")
	if got, want := h.model.Farewell(), "Your changes are kept as a draft; failup edit 1 picks them up."; got != want {
		t.Errorf("farewell = %q, want %q", got, want)
	}
}

// TestHomeWithOnlyADraftIsNotEmpty: a first reflection left unfinished is
// on home, and home does not call the journal empty beneath it.
func TestHomeWithOnlyADraftIsNotEmpty(t *testing.T) {
	open := oneJournal(t)
	first := newHarnessWith(t, open(), Options{Start: StartNew})
	first.typeText("Blew up at the locum")
	first.press("ctrl+c")

	h := newHarnessWith(t, open(), Options{Start: StartHome})
	h.expectScreen("Continue “Blew up at the locum”", "what you wrote waits above")
	if strings.Contains(h.screen(), "journal is empty") {
		t.Errorf("home calls the journal empty under an unfinished reflection:\n%s", h.screen())
	}
}
