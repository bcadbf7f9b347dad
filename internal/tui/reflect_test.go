package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

var ctx = context.Background()

var fourAnswers = []string{
	"I said yes to a third project.",
	"Overcommitting when I want to help.",
	"Check my calendar before saying yes.",
	"I noticed early and told my lead.",
}

func TestTitleTabFourAnswersCtrlSSaves(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Missed the launch deadline")
	h.press("tab")
	for _, a := range fourAnswers {
		h.typeText(a)
		h.press("tab")
	}
	h.press("ctrl+s")
	h.expectScreen("Saved", "Missed the launch deadline")

	entries, err := h.store.List(ctx, store.Filter{})
	if err != nil || len(entries) != 1 {
		t.Fatalf("journal holds %d entries (%v), want 1", len(entries), err)
	}
	e := entries[0]
	if e.Title != "Missed the launch deadline" || e.OccurredOn != "2026-03-14" || e.PromptSet != "four-questions" {
		t.Fatalf("saved %+v", e)
	}
	for i, key := range []string{"cause", "patterns", "differently", "strengths"} {
		if e.Answers[i].Key != key || e.Answers[i].Text != fourAnswers[i] || e.Answers[i].Question == "" {
			t.Errorf("answer %d = %+v", i, e.Answers[i])
		}
	}
	if _, ok, _ := newDraft(h.store); ok {
		t.Error("saving left the draft behind")
	}
}

func TestEnterIsANewlineInAnswers(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Title")
	h.press("tab")
	h.typeText("first line")
	h.press("enter")
	h.typeText("second line")
	h.press("ctrl+s", "y")
	entries, _ := h.store.List(ctx, store.Filter{})
	if got := entries[0].Answers[0].Text; got != "first line\nsecond line" {
		t.Fatalf("answer = %q", got)
	}
}

func TestEveryStepAndDetail(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Argued with my brother")
	h.press("down")
	for range len("today") {
		h.press("backspace")
	}
	h.typeText("yesterday")
	h.press("tab")
	for _, a := range fourAnswers {
		h.typeText(a)
		h.press("tab")
	}
	h.expectScreen("What is the lesson?", "6 of 9")
	h.typeText("Pause before replying.")
	h.press("tab")
	h.expectScreen("A few details", "7 of 9")
	h.typeText("family")
	h.press("tab")                              // to skills
	h.press("right", "space", "right", "space") // emotional intelligence, resilience
	h.press("tab", "4")                         // severity 4
	h.press("tab", "0")                         // confidence 10
	h.press("tab")
	h.expectScreen("Something to try next time", "Check my calendar before saying yes.")
	h.press("tab", "right") // due: in a month
	h.press("tab")
	h.expectScreen("9 of 9", "Press enter to save it.", "Argued with my brother")
	h.press("enter")
	h.expectScreen("Saved")

	e, err := h.store.Get(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if e.OccurredOn != "2026-03-13" || e.Lesson != "Pause before replying." || strings.Join(e.Tags, ",") != "family" {
		t.Errorf("saved %+v", e)
	}
	if len(e.Skills) != 2 || e.Skills[0] != "emotional-intelligence" || e.Skills[1] != "resilience" {
		t.Errorf("skills %v", e.Skills)
	}
	if e.Severity == nil || *e.Severity != 4 || e.Confidence == nil || *e.Confidence != 10 {
		t.Errorf("severity %v confidence %v", e.Severity, e.Confidence)
	}
	if e.Followup == nil || e.Followup.Commitment != "Check my calendar before saying yes." || e.Followup.DueOn != "2026-04-13" {
		t.Errorf("followup %+v", e.Followup)
	}
}

func TestSavingWithoutATitleAsksForOne(t *testing.T) {
	h := newHarness(t, StartNew)
	h.press("tab")
	h.typeText("Something happened")
	h.press("ctrl+s")
	h.expectScreen("Give it a short name first", "1 of 9")
	if n, _ := h.store.Count(ctx, store.Filter{}); n != 0 {
		t.Fatalf("saved %d entries without a title", n)
	}
}

func TestADateThatCannotBeReadIsMendedOnTheFirstStep(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Broke the build")
	h.press("down", "ctrl+u")
	h.typeText("last thursdy")
	h.press("tab")
	h.expectScreen("1 of 9", "is not a date I can read", "The date above needs a look")
	for _, line := range strings.Split(h.screen(), "\n") {
		if strings.Contains(line, "yesterday") && !strings.HasPrefix(line, "  ") {
			t.Errorf("the reason the date cannot be read goes on unindented: %q", line)
		}
	}
	h.press("ctrl+s")
	h.expectScreen("1 of 9", "The date above needs a look")
	if strings.Count(h.screen(), "is not a date I can read") != 1 {
		t.Errorf("the reason is shown more than once:\n%s", h.screen())
	}
	if n, _ := h.store.Count(ctx, store.Filter{}); n != 0 {
		t.Fatalf("saved %d entries with a date that cannot be read", n)
	}
}

// A day typed as people write it is read in the When field, as of 14 March
// 2026: 28 November is last year's; 31 February is said back, indented.
func TestWhenReadsADayAsWritten(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Mixed up two labels")
	h.press("down", "ctrl+u")
	h.typeText("31 feb")
	h.press("tab")
	h.expectScreen("1 of 9", `"31 feb" is not a day on the calendar`, "The date above needs a look")
	h.press("shift+tab", "ctrl+u")
	h.typeText("Thursday the 28th of November, 2024")
	h.press("ctrl+s", "y")
	entries, err := h.store.List(ctx, store.Filter{})
	if err != nil || len(entries) != 1 || entries[0].OccurredOn != "2024-11-28" {
		t.Fatalf("saved %+v (%v), want one entry on 2024-11-28 (a day typed whole, not cut short)", entries, err)
	}
}

func TestEscKeepsDraftAndNewOffersItBack(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Half a thought")
	h.press("tab")
	h.typeText("It started when")
	h.press("esc")
	if got := h.model.Farewell(); !strings.Contains(got, "draft") {
		t.Fatalf("farewell = %q", got)
	}
	d, ok, err := newDraft(h.store)
	if err != nil || !ok || d.Entry.Title != "Half a thought" || d.Entry.AnswerText("cause") != "It started when" || d.Step != 1 {
		t.Fatalf("draft = %+v, %v, %v", d, ok, err)
	}

	again := newHarnessWith(t, h.store, Options{Start: StartNew})
	again.expectScreen("You have an unfinished reflection", "Half a thought")
	again.press("r")
	again.expectScreen("2 of 9", "It started when")
	again.typeText(", really.")
	again.press("ctrl+s", "y")
	e, err := h.store.Get(ctx, 1)
	if err != nil || e.AnswerText("cause") != "It started when, really." {
		t.Fatalf("resumed entry %+v %v", e, err)
	}
}

func TestCtrlCSavesTheDraftFirst(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Typed just now")
	h.press("ctrl+c")
	d, ok, _ := newDraft(h.store)
	if !ok || d.Entry.Title != "Typed just now" {
		t.Fatalf("ctrl+c lost the title: %+v %v", d, ok)
	}
}

func TestDiscardingADraftAsksFirst(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Old")
	h.press("esc")
	again := newHarnessWith(t, h.store, Options{Start: StartNew})
	again.press("d")
	again.expectScreen("Discard “Old” for good?")
	again.press("n")
	if _, ok, _ := newDraft(h.store); !ok {
		t.Fatal("declining the discard lost the draft")
	}
	again.press("d", "y")
	again.expectScreen("1 of 9")
	if _, ok, _ := newDraft(h.store); ok {
		t.Fatal("the draft survived its discard")
	}
}

func TestEditorSessionLeavesNoCopy(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	script := filepath.Join(t.TempDir(), "editor.sh")
	// The editor checks the copy is private, then appends a line.
	os.WriteFile(script, []byte(`#!/bin/sh
[ "$(stat -c %a "$1")" = 600 ] || exit 3
[ "$(stat -c %a "$(dirname "$1")")" = 700 ] || exit 4
echo "added in the editor" >> "$1"
`), 0o700)
	t.Setenv("VISUAL", script)
	s := openStore(t)
	private := filepath.Join(filepath.Dir(s.Path()), ".failup-tmp")
	session := &editorSession{text: "first\n", private: s.PrivateFolder}
	if err := session.Run(); err != nil {
		t.Fatal(err)
	}
	if session.text != "first\nadded in the editor" {
		t.Fatalf("edited text = %q", session.text)
	}
	t.Setenv("VISUAL", "false")
	failed := &editorSession{text: "kept", private: s.PrivateFolder}
	if err := failed.Run(); err == nil || failed.text != "kept" {
		t.Fatalf("failing editor: %v %q", err, failed.text)
	}
	for _, dir := range []string{tmp, private} {
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Fatalf("editor copies left behind in %s: %v", dir, left)
		}
	}
}

func TestGoldenSteps(t *testing.T) {
	steps := []struct {
		name string
		keys func(h *harness)
	}{
		{"what", func(h *harness) {}},
		{"what-date", func(h *harness) { h.press("down") }},
		{"question", func(h *harness) {
			h.typeText("Missed the launch deadline")
			h.press("tab")
			h.typeText("I said yes to a third project.")
		}},
		{"details", func(h *harness) {
			h.typeText("Missed the launch deadline")
			h.press("tab", "tab", "tab", "tab", "tab", "tab")
			h.typeText("work")
			h.press("tab", "space", "tab", "3", "tab", "7")
		}},
		{"commitment", func(h *harness) {
			h.typeText("Missed the launch deadline")
			h.press("tab", "tab", "tab")
			h.typeText("Raise risks on Monday. Then again on Friday.")
			h.press("tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab")
		}},
		{"review", func(h *harness) {
			h.typeText("Missed the launch deadline")
			h.press("tab")
			for _, a := range fourAnswers {
				h.typeText(a)
				h.press("tab")
			}
			h.typeText("Ask for help early.")
			h.press("tab", "tab", "tab", "tab", "tab", "tab", "tab")
		}},
		{"review-details", func(h *harness) {
			h.typeText("Nearly gave the wrong warfarin strength")
			h.press("tab")
			h.typeText("Answering the phone mid-check, I picked the 3 mg box from the shelf beside the 5 mg one. " +
				"Answering the phone mid-conversation with the next patient, I lost my place and never went back to the second check. " +
				"His daughter phoned back that evening.")
			h.press("tab", "tab", "tab", "tab")
			h.typeText("Finish the check before the phone.")
			h.press("tab")
			h.typeText("dispensing, near miss, high risk drugs")
			h.press("tab", "space", "right", "right", "space", "down", "left", "left", "space", "tab", "4")
			h.press("tab", "tab", "tab", "tab")
		}},
		{"saved", func(h *harness) {
			h.typeText("Missed the launch deadline")
			h.press("ctrl+s", "enter")
		}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			h := newHarness(t, StartNew)
			st.keys(h)
			golden.RequireEqual(t, h.screen())
		})
	}
}

func TestWalkingThroughWithoutTypingKeepsNoDraft(t *testing.T) {
	h := newHarness(t, StartNew)
	h.press("tab", "tab", "shift+tab", "ctrl+c")
	if _, ok, _ := newDraft(h.store); ok {
		t.Fatal("moving between steps left a draft behind")
	}
	if got := h.model.Farewell(); got != "" {
		t.Fatalf("farewell %q for a reflection with nothing in it", got)
	}
}

func TestEditingAddsNoCommitmentOfItsOwn(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Old", OccurredOn: "2026-01-05",
		Answers: []journal.Answer{{Key: "differently", Text: "Ask for help sooner."}}})
	h.run(h.model.top().Init())
	h.press("b", "enter", "e")
	for range 12 {
		h.press("tab")
	}
	h.press("enter")
	h.expectScreen("Updated")
	if e, _ := h.store.Get(ctx, 1); e.Followup != nil {
		t.Fatalf("the edit gave the entry a commitment: %+v", e.Followup)
	}
}

func TestLeavingAnEditSaysWhereTheChangesWent(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Slipped back", OccurredOn: "2026-01-05",
		Answers: []journal.Answer{{Key: "cause", Text: "Too late a night."}}})
	h.run(h.model.top().Init())
	h.press("b", "enter", "e")
	h.typeText(" again")
	h.press("esc")
	h.expectScreen("entry 1", "Your changes are kept as a draft; e picks them up.")
	h.press("e")
	h.expectScreen("changes to entry 1", "You have changes to this entry not yet saved")
	h.press("d")
	h.expectScreen("Discard the changes not yet saved to", "as it was saved")
	h.press("y")
	if e, _ := h.store.Get(ctx, 1); e.Title != "Slipped back" {
		t.Fatalf("discarding the changes changed the entry: %q", e.Title)
	}
}

// TestAReflectionOpenedBeforeTheWindowSizeFitsIt: a screen built from a
// command's answer before the window's size arrived, and shown after, takes
// the window's width: a long title is not squeezed into a few columns.
func TestAReflectionOpenedBeforeTheWindowSizeFitsIt(t *testing.T) {
	m, err := New(ctx, Options{Journal: app.New(openStore(t), app.Options{Now: func() time.Time { return fixedNow }}), Start: StartNew})
	if err != nil {
		t.Fatal(err)
	}
	ready := m.top().Init()() // the prompt set and any draft, read before the window has a size
	_, open := m.Update(ready)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.Update(open()) // the reflection replaces the loading screen only now
	for _, r := range "Missed the train to the offsite" {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if screen := ansi.Strip(m.View().Content); !strings.Contains(screen, "› Missed the train to the offsite") {
		t.Fatalf("the title is squeezed:\n%s", screen)
	}
}

// newDraft is the one draft of a new reflection in s, if there is one.
func newDraft(s *store.Store) (journal.Draft, bool, error) {
	drafts, err := s.Drafts(ctx, journal.NewDraftKey)
	if err != nil || len(drafts) == 0 {
		return journal.Draft{}, false, err
	}
	if len(drafts) > 1 {
		return journal.Draft{}, false, fmt.Errorf("%d drafts, want one", len(drafts))
	}
	return drafts[0], true, nil
}

// ctrl+s finishes the reflection; with questions unanswered it asks first,
// and going back leaves the answer as it was, with nothing saved.
func TestFinishingWithUnansweredQuestionsAsksFirst(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Missed the bus")
	h.press("tab")
	h.typeText("I left late")
	h.expectScreen("ctrl+s finish and save", "draft saved")
	for _, no := range []string{"n", "esc"} {
		h.press("ctrl+s")
		h.expectScreen("Finish and save it now?", "3 of the 4 questions have no answer yet, and that's all right", "y/enter finish and save")
		h.press("x") // a stray key decides nothing
		h.expectScreen("Finish and save it now?")
		h.press(no)
		h.expectScreen("2 of 9", "What caused this setback?", "I left late")
		if n, _ := h.store.Count(ctx, store.Filter{}); n != 0 {
			t.Fatalf("%q saved %d entries", no, n)
		}
	}
	h.typeText(".")
	h.press("ctrl+s", "y")
	h.expectScreen("Saved", "Missed the bus")
	e, err := h.store.Get(ctx, 1)
	if err != nil || e.AnswerText("cause") != "I left late." {
		t.Fatalf("saved %+v %v", e, err)
	}
}

// TestALongTitleShowsItsStartOnceLeft: a title longer than its field shows
// its end while it is typed, and its beginning once the cursor moves on, to
// the date or back from the questions.
func TestALongTitleShowsItsStartOnceLeft(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Gave the wrong strength of warfarin to Mr Okafor and only caught it when his daughter phoned back")
	h.expectScreen("phoned back")
	h.press("enter")
	h.expectScreen("› Gave the wrong strength")
	for _, l := range strings.Split(h.screen(), "\n") {
		if strings.Contains(l, "› Gave") && !strings.HasSuffix(strings.TrimSpace(l), "…") {
			t.Errorf("the title cut short does not say so: %q", l)
		}
	}
	h.press("up")
	h.press("end")
	h.expectScreen("phoned back")
	h.press("tab")
	h.press("shift+tab", "down")
	h.expectScreen("› Gave the wrong strength")
	if strings.Contains(h.screen(), "phoned back") {
		t.Errorf("the title left behind shows its end:\n%s", h.screen())
	}
}

// TestCtrlCOnAResumedDraftSaysItIsKept: a draft picked up and left by
// ctrl+c without a word typed is still kept, and the line printed on the way
// out says so.
func TestCtrlCOnAResumedDraftSaysItIsKept(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Blew up at the locum")
	h.press("ctrl+c")
	if got := h.model.Farewell(); got != keptDraft {
		t.Fatalf("farewell after typing = %q", got)
	}

	again := newHarnessWith(t, h.store, Options{Start: StartNew})
	again.press("r", "tab")
	again.expectScreen("2 of 9")
	again.press("ctrl+c")
	if got := again.model.Farewell(); got != keptDraft || !again.model.Interrupted() {
		t.Errorf("farewell after picking the draft up = %q (interrupted %v), want %q", got, again.model.Interrupted(), keptDraft)
	}
	if d, ok, _ := newDraft(h.store); !ok || d.Entry.Title != "Blew up at the locum" {
		t.Errorf("the draft was not kept: %+v %v", d, ok)
	}
}

// TestEveryScreenWritesADayAlike: the review writes the day as the lists
// do ("14 Mar 2026", not 2026-03-14), and a date_format the person set is
// followed there, on the entry and in the list alike.
func TestEveryScreenWritesADayAlike(t *testing.T) {
	for _, c := range []struct{ layout, day, not, entry string }{
		{"", "14 Mar 2026", "2026-03-14", "Saturday 14 Mar 2026 · entry 1"},
		{"02/01/2006", "14/03/2026", "14 Mar", "  14/03/2026 · entry 1"},
	} {
		h := newHarnessWith(t, openStore(t), Options{Start: StartHome, DateLayout: c.layout})
		h.press("n")
		h.typeText("Missed the launch deadline")
		h.press("tab")
		for _, a := range fourAnswers {
			h.typeText(a)
			h.press("tab")
		}
		h.press("tab", "tab", "tab", "tab", "tab", "tab", "tab")
		h.expectScreen("Missed the launch deadline  " + c.day)
		if strings.Contains(h.screen(), c.not) {
			t.Errorf("the review writes the day otherwise than %q:\n%s", c.day, h.screen())
		}
		h.press("enter", "enter", "b")
		h.expectScreen(c.day + "  Missed the launch deadline")
		h.press("enter")
		h.expectScreen(c.entry)
	}
}

// TestReviewShowsTheAnswersWhole: the review shows each answer whole,
// wrapped and indented, and the lesson and what to try indented under their
// names; when it does not fit, ↓ and pgdn scroll to the rest. Its help says
// only what enter does there.
func TestReviewShowsTheAnswersWhole(t *testing.T) {
	long := []string{
		"Kylie asked me to collect Noah from football at four. I was on the phone to the bank about the pension and lost track of the time, and he waited by the gate in the cold for forty minutes.",
		"Saying yes to everything, then trying to hold it all in my head instead of writing it down.",
		"Write the pick-up on the kitchen calendar the moment I say yes, and set an alarm on the phone for half an hour before.",
		"I rang Kylie straight away, said sorry to Noah without excuses, and we had hot chocolate on the way home.",
	}
	for _, size := range []struct{ w, h int }{{80, 24}, {120, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			h := newHarness(t, StartNew)
			h.resize(size.w, size.h)
			h.typeText("Forgot to collect Noah from football")
			h.press("tab")
			for _, a := range long {
				h.typeText(a)
				h.press("tab")
			}
			h.typeText("Write it down the moment I say yes, and look at the calendar every morning with my tea.")
			h.press("tab", "tab", "tab", "tab", "tab", "tab", "tab")
			h.expectScreen("Press enter to save it.")
			h.expectFits()
			if strings.Contains(h.screen(), "…") {
				t.Errorf("the review cuts what was written:\n%s", h.screen())
			}
			golden.RequireEqual(t, h.screen())
			if size.h == 24 {
				h.expectScreen("the gate in the cold for forty minutes.", "↓ more", "↑/↓ scroll")
				h.press("pgdown", "down", "down", "down", "down", "down", "down", "down", "down")
				h.expectScreen("  I will try  failup asks on 28 Mar 2026", "    Write the pick-up on the kitchen calendar", "Press enter to save it.")
				if strings.Contains(h.screen(), "↓ more") {
					t.Errorf("at the end the review says there is more:\n%s", h.screen())
				}
			}
			h.press("?")
			help := h.screen()
			if !strings.Contains(help, "finish and save") || strings.Contains(help, "new line") {
				t.Errorf("the review's help says other than what enter does there:\n%s", help)
			}
		})
	}
}

// TestWritingStepsKeysFitEightyColumns: on every step of a reflection the
// bottom line fits 80 columns whole, not cut with …; f1 lists the rest, the
// editor among them.
func TestWritingStepsKeysFitEightyColumns(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Forgot to collect Noah")
	for step := 1; step <= 9; step++ {
		lines := strings.Split(h.screen(), "\n")
		if bottom := lines[len(lines)-1]; strings.Contains(bottom, "…") || !strings.Contains(bottom, "help") {
			t.Errorf("step %d: the keys are cut: %q", step, bottom)
		}
		if step == 2 {
			h.press("f1")
			h.expectScreen("ctrl+e", "editor")
			h.press("f1")
		}
		h.press("tab")
	}
}

// TestPlaceholdersFitMostLives: failup is for anyone (a retired grandmother,
// a nurse, a student), so the examples in its empty fields are not office
// work.
func TestPlaceholdersFitMostLives(t *testing.T) {
	h := newHarness(t, StartNew)
	m := h.model.top().(*reflectScreen)
	for _, p := range []string{m.title.Placeholder, m.lesson.Placeholder, m.details.tags.Placeholder, m.commit.text.Placeholder} {
		for _, office := range []string{"deadline", "launch", "standup", "meeting", "work", "interview", "boss", "client", "project"} {
			if strings.Contains(strings.ToLower(p), office) {
				t.Errorf("the placeholder %q is office work (%q)", p, office)
			}
		}
	}
}
