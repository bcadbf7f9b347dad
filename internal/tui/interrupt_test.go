package tui

import "testing"

func TestCtrlCTellsTheShellItWasInterrupted(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("Half a title")
	h.press("ctrl+c")
	if !h.model.Interrupted() {
		t.Fatal("ctrl+c ended the program without saying it was interrupted")
	}

	left := newHarness(t, StartHome)
	left.press("q")
	if left.model.Interrupted() {
		t.Fatal("leaving with q was taken for ctrl+c")
	}
}
