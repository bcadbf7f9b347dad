package tui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// TestClipCutsAtASpace: an answer cut short ends at a space with …, never
// inside a word or after a hyphen the wrap broke at.
func TestClipCutsAtASpace(t *testing.T) {
	text := "Answering the phone mid-conversation with the next patient, I lost my place."
	for _, width := range []int{24, 26, 28, 30} {
		got := strings.TrimSpace(clip(lipgloss.NewStyle(), text, width, 1, ""))
		if got != "Answering the phone …" {
			t.Errorf("at %d columns: %q", width, got)
		}
	}
}
