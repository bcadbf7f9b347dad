package tui

import (
	"strings"
	"testing"
	"time"
)

// TestSettingsReachTheScreens: the prompt set, the first day of the week and
// the date format from config.toml change what the screens do and draw.
func TestSettingsReachTheScreens(t *testing.T) {
	sunday := time.Sunday
	h := newHarnessWith(t, openStore(t), Options{Start: StartHome, PromptSet: "quick", WeekStart: &sunday, DateLayout: "2 January 2006"})
	h.seed("Missed the launch deadline")
	seedPatterns(h)
	h.expectScreen("Quick: Two questions, for a small setback.", "1 March 2026      Missed the launch deadline", "27 February 2026  Burnt the bread")

	h.press("p")
	h.expectScreen("Setbacks over the last year")
	var labels []string
	for _, line := range strings.Split(h.screen(), "\n") {
		if f := strings.Fields(line); len(f) == 2 && strings.ContainsAny(f[1], "·░▒▓█") {
			labels = append(labels, f[0])
		}
	}
	if strings.Join(labels, " ") != "Sun Tue Thu Sat" {
		t.Errorf("the calendar's rows are named %q, want a week from Sunday:\n%s", labels, h.screen())
	}
	h.press("enter") // a theme's page says its days as its rows do
	h.expectScreen("3 entries from 10 November 2025 to 20 February 2026", "20 February 2026  Dropped a ball")
	h.press("esc")

	h.press("esc")
	h.press("n")
	h.typeText("Spilled the coffee")
	h.press("tab")
	h.expectScreen("What happened, and what caused it?")
}
