package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/journal"
)

func TestExportScreenPreviewsThenWrites(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	h := newHarness(t, StartHome)
	seedPatterns(h)
	for _, id := range []int64{1, 3} {
		e, _ := h.store.Get(ctx, id)
		e.Lesson = "Lesson of " + e.Title
		h.store.Update(ctx, &e, fixedNow)
	}
	h.run(h.model.top().Init())
	h.press("e")
	h.expectScreen("Export", "[lessons only]", "Preview · from 10 entries", "# Lessons learned", "## saying yes to too much")
	golden.RequireEqual(t, h.screen())

	// A date range narrows the preview.
	h.press("tab")
	h.typeText("2026-02-01")
	h.expectScreen("Preview · from 6 entries")

	target := filepath.Join(t.TempDir(), "lessons.md")
	h.press("tab", "tab")
	for range len(h.model.top().(*exportScreen).path.Value()) {
		h.press("backspace")
	}
	h.typeText(target)
	h.press("ctrl+s")
	h.expectScreen("Written", target)
	got, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(got), "# Lessons learned") || !strings.Contains(string(got), "Lesson of Dropped a ball") ||
		strings.Contains(string(got), "Lesson of Missed the launch") {
		t.Fatalf("the file holds:\n%s", got)
	}
	if info, _ := os.Stat(target); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", info.Mode().Perm())
	}

	// Writing over an existing file asks first.
	h.press("enter", "e", "tab", "tab", "tab")
	for range len(h.model.top().(*exportScreen).path.Value()) {
		h.press("backspace")
	}
	h.typeText(target)
	h.press("left") // no effect in a text field
	h.press("shift+tab", "shift+tab", "shift+tab", "right")
	h.expectScreen("[every entry]")
	h.press("ctrl+s")
	h.expectScreen("That file exists. Press ctrl+s again to replace it.")
	h.press("ctrl+s")
	h.expectScreen("Written")
	if got, _ := os.ReadFile(target); !strings.Contains(string(got), "What caused this setback?") {
		t.Fatalf("the full export did not replace the file:\n%s", got)
	}
}

// TestExportPreviewPagesThroughALongJournal: the preview holds the start of
// the document, and paging past its end brings the rest, to the last entry.
func TestExportPreviewPagesThroughALongJournal(t *testing.T) {
	h := newHarness(t, StartHome)
	for i := range 80 {
		h.seedEntry(journal.Entry{Title: fmt.Sprintf("Setback number %02d", i+1), OccurredOn: journal.Date("2025-11-01").AddDays(i),
			Answers: []journal.Answer{{Key: "cause", Text: "A cause that takes a line or two to tell, as causes do."}}})
	}
	h.run(h.model.top().Init())
	h.press("e", "right")
	h.expectScreen("[every entry]", "Preview · from 80 entries", "# Reflections", "Setback number 80")
	if first := h.model.top().(*exportScreen); !first.cut || len(first.lines) > 2*previewLines {
		t.Fatalf("the first preview holds %d lines (cut %v), not the start of the document", len(first.lines), first.cut)
	}
	for i := 0; i < 200 && !strings.Contains(h.screen(), "Setback number 01"); i++ {
		h.press("pgdown")
	}
	h.expectScreen("Setback number 01")
}

// The range is typed as a person says it ("last friday" is longer than a
// date), a reversed range is refused as the CLI refuses it, and what is
// wrong is said in full, naming the field as the screen does.
func TestExportScreenDates(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.run(h.model.top().Init())
	h.press("e", "tab")
	h.typeText("last friday")
	if got := h.model.top().(*exportScreen).since.Value(); got != "last friday" {
		t.Fatalf("From holds %q", got)
	}
	h.expectScreen("› last friday", "Preview · from")

	h.send(tea.WindowSizeMsg{Width: 60, Height: 24})
	for range len("last friday") {
		h.press("backspace")
	}
	h.typeText("2026-03-10")
	h.press("tab")
	h.typeText("2026-03-01")
	h.expectScreen("From: 2026-03-10 is after", "2026-03-01.")
	if strings.Contains(h.screen(), "Since") {
		t.Fatalf("the screen names a field it does not have:\n%s", h.screen())
	}
	target := filepath.Join(t.TempDir(), "lessons.md")
	h.press("tab")
	for range len(h.model.top().(*exportScreen).path.Value()) {
		h.press("backspace")
	}
	h.typeText(target)
	h.press("ctrl+s")
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Fatalf("a reversed range was written: %v", err)
	}
	h.expectScreen("From: 2026-03-10 is after")
}

// TestExportScreenWritesNoEmptyLessonsPage: with no lessons yet, the page is
// not written, and the screen says why.
func TestExportScreenWritesNoEmptyLessonsPage(t *testing.T) {
	h := newHarness(t, StartHome)
	seedPatterns(h)
	h.run(h.model.top().Init())
	h.press("e")
	h.expectScreen("Preview · from 10 entries", "No lessons here yet.")
	target := filepath.Join(t.TempDir(), "lessons.md")
	h.press("tab", "tab", "tab")
	for range len(h.model.top().(*exportScreen).path.Value()) {
		h.press("backspace")
	}
	h.typeText(target)
	h.press("ctrl+s")
	h.expectScreen("Not written: there are no lessons yet.")
	if _, err := os.Stat(target); !os.IsNotExist(err) {
		t.Fatalf("an empty lessons page was written: %v", err)
	}
}
