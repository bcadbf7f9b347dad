package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// windowSizes are the windows every screen is drawn for: the smallest that
// is drawn whole, a classic terminal, a larger one and a wide one.
var windowSizes = []struct{ w, h int }{{60, 20}, {80, 24}, {100, 32}, {200, 50}}

// resize tells the program the window is now w by ht cells.
func (h *harness) resize(w, ht int) { h.send(tea.WindowSizeMsg{Width: w, Height: ht}) }

// expectFits fails when a line of the screen is wider than the window or
// the screen is taller than it: nothing drawn is cut by the terminal.
func (h *harness) expectFits() {
	h.t.Helper()
	c := h.model.c
	lines := strings.Split(h.screen(), "\n")
	if len(lines) > c.Height {
		h.t.Errorf("%d lines in a window %d high:\n%s", len(lines), c.Height, h.screen())
	}
	for _, l := range lines {
		if lipgloss.Width(l) > c.Width {
			h.t.Errorf("a line %d wide in a window %d wide:\n%s", lipgloss.Width(l), c.Width, l)
		}
	}
}
