package tui

import (
	"image/color"
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/store"
)

// colourScreen is what the person sees, with colour, as a true-colour
// terminal receives it: a style drawn in the wrong colour changes it.
func (h *harness) colourScreen() string {
	var b strings.Builder
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.TrueColor}
	if _, err := io.WriteString(w, h.model.View().Content); err != nil {
		h.t.Fatal(err)
	}
	return b.String()
}

// seedColours writes a journal with something on every screen: recurring
// causes, lessons, a commitment waiting and a chain of attempts.
func seedColours(h *harness) {
	seedPatterns(h)
	for _, id := range []int64{1, 3} {
		e, _ := h.store.Get(ctx, id)
		e.Lesson = "Lesson of " + e.Title
		e.Severity = ptr(3)
		e.Tags = []string{"work"}
		if err := h.store.Update(ctx, &e, fixedNow); err != nil {
			h.t.Fatal(err)
		}
	}
	seedCommitments(h)
}

// TestColours draws every screen on a light and on a dark terminal and keeps
// the colours in golden files: text the background would swallow shows up
// as a changed golden.
func TestColours(t *testing.T) {
	screens := []struct {
		name  string
		start Start
		keys  func(h *harness)
	}{
		{"home", StartHome, func(h *harness) {}},
		{"browse", StartHome, func(h *harness) { h.press("b", "down") }},
		{"search", StartHome, func(h *harness) { h.press("/"); h.typeText("marcus") }},
		{"entry", StartHome, func(h *harness) { h.press("b", "enter") }},
		{"reflect", StartNew, func(h *harness) { h.typeText("Missed the launch") }},
		{"reflect-details", StartNew, func(h *harness) {
			h.typeText("Missed the launch")
			h.press("tab", "tab", "tab", "tab", "tab", "tab")
			h.typeText("work")
			h.press("tab", "space", "tab", "3")
		}},
		{"resume", StartHome, func(h *harness) {
			h.press("n")
			h.typeText("Half written")
			h.press("esc", "n")
		}},
		{"finishing", StartNew, func(h *harness) { h.typeText("Missed the launch"); h.press("ctrl+s") }},
		{"saved", StartNew, func(h *harness) { h.typeText("Missed the launch"); h.press("ctrl+s", "y") }},
		{"checkin", StartHome, func(h *harness) { h.press("c", "enter"); h.typeText("I spoke first.") }},
		{"followups", StartHome, func(h *harness) { h.press("f") }},
		{"lessons", StartHome, func(h *harness) { h.press("l") }},
		{"patterns", StartHome, func(h *harness) { h.press("p") }},
		{"theme", StartHome, func(h *harness) { h.press("p", "enter") }},
		{"growth", StartHome, func(h *harness) { h.press("g") }},
		{"export", StartHome, func(h *harness) { h.press("e") }},
		{"problem", StartEdit, func(h *harness) {}},
	}
	backgrounds := []struct {
		name string
		bg   color.Color
	}{{"light", color.White}, {"dark", color.Black}}
	for _, bg := range backgrounds {
		for _, sc := range screens {
			t.Run(bg.name+"/"+sc.name, func(t *testing.T) {
				t.Setenv("HOME", "/home/someone")
				h := newHarnessWith(t, openStore(t), Options{Start: sc.start, EditID: 99})
				h.send(tea.BackgroundColorMsg{Color: bg.bg})
				if sc.start == StartHome {
					seedColours(h)
				}
				sc.keys(h)
				golden.RequireEqual(t, h.colourScreen())
			})
		}
	}
}

// TestTypedTextFollowsTheBackground: what is typed into a field is drawn in
// the text colour of the terminal's background, on every screen with a
// field, whether the screen was open before the terminal said which
// background it has or opened after.
func TestTypedTextFollowsTheBackground(t *testing.T) {
	light := tea.BackgroundColorMsg{Color: color.White}
	seeded := func(t *testing.T) *store.Store {
		h := newHarness(t, StartHome)
		seedColours(h)
		return h.store
	}
	fields := []struct {
		name string
		open func(t *testing.T) *harness
	}{
		{"reflect", func(t *testing.T) *harness {
			h := newHarness(t, StartNew)
			h.send(light)
			return h
		}},
		{"checkin-first", func(t *testing.T) *harness {
			h := newHarnessWith(t, seeded(t), Options{Start: StartCheckIn, EditID: 11})
			h.send(light)
			h.press("enter")
			return h
		}},
		{"checkin-from-home", func(t *testing.T) *harness {
			h := newHarnessWith(t, seeded(t), Options{Start: StartHome})
			h.send(light)
			h.press("c", "enter")
			return h
		}},
		{"browse", func(t *testing.T) *harness {
			h := newHarnessWith(t, seeded(t), Options{Start: StartHome})
			h.press("b")
			h.send(light)
			return h
		}},
		{"export", func(t *testing.T) *harness {
			h := newHarnessWith(t, seeded(t), Options{Start: StartHome})
			h.press("e", "tab")
			h.send(light)
			return h
		}},
	}
	text := strings.TrimSuffix(NewStyles(false).Text.Render("zebra"), "\x1b[m")
	for _, f := range fields {
		t.Run(f.name, func(t *testing.T) {
			h := f.open(t)
			h.typeText("zebra")
			if !strings.Contains(h.model.View().Content, text) {
				t.Fatalf("typed text is not in the light background's text colour %q:\n%q", text, h.model.View().Content)
			}
		})
	}
}
