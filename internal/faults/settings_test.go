package faults

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// TestSettingsInATerminal drives the full screen in tmux with a config.toml
// that sets every key the screens follow: the prompt set, the editor, the
// first day of the week, the date format and the colour.
func TestSettingsInATerminal(t *testing.T) {
	e := newEnv(t)
	e.ok([]byte(`{"title": "Missed the bus", "occurred_on": "2026-03-14"}`), "new", "--from", "-")
	editor := writeFile(t, filepath.Join(e.home, "editor.sh"), "#!/bin/sh\necho 'Written in the editor' > \"$1\"\n")
	if err := os.Chmod(editor, 0o700); err != nil {
		t.Fatal(err)
	}
	// Colour is allowed by the environment, so only the setting turns it off.
	e.extra = append(e.extra, "NO_COLOR=")
	term := newTerminal(t, e)

	term.start()
	term.waitFor("Reflect on a setback", "14 Mar 2026  Missed the bus")
	if !colour.MatchString(term.colourScreen()) {
		t.Fatalf("without settings the home screen has no colour:\n%s", term.colourScreen())
	}

	writeFile(t, filepath.Join(e.home, "config", "failup", "config.toml"), `prompt_set = "quick"
editor = "`+editor+`"
week_start = "sunday"
date_format = "%d %B %Y"
color = "never"
`)
	term.start()
	term.waitFor("Quick: Two questions", "14 March 2026  Missed the bus")
	if screen := term.colourScreen(); colour.MatchString(screen) {
		t.Errorf("color = \"never\", and the screen has colour:\n%q", screen)
	}
	term.keys("p")
	term.waitFor("Setbacks over the last year", "Sun ", "Tue ", "Sat ")
	term.keys("Escape")
	term.waitFor("Quick: Two questions")
	term.keys("n")
	term.waitFor("What happened?")
	term.answer("Spilled the coffee", "What happened, and what caused it?")
	term.keys("C-e")
	term.waitFor("Written in the editor")
}

// colour is an SGR sequence that sets a foreground or background colour.
var colour = regexp.MustCompile(`\x1b\[[0-9;]*(?:3[0-8]|4[0-8]|9[0-7])[;m]`)

// colourScreen is the pane with its escape sequences, after a moment for
// the screen to settle.
func (term *terminal) colourScreen() string {
	term.t.Helper()
	time.Sleep(200 * time.Millisecond)
	return term.mustTmux("capture-pane", "-p", "-e", "-t", "failup")
}
