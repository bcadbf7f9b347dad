package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// boxRows are the rows of the answer box on screen, without its border.
func boxRows(screen string) []string {
	var rows []string
	for _, line := range strings.Split(screen, "\n") {
		if _, text, ok := strings.Cut(line, "┃ "); ok {
			rows = append(rows, strings.TrimSpace(text))
		}
	}
	return rows
}

// longAnswer is a reflection on its first question, with thirty lines,
// "line 01" to "line 30", typed in the box.
func longAnswer(t *testing.T) *harness {
	h := newHarness(t, StartNew)
	h.typeText("A long answer")
	h.press("tab")
	for i := 1; i <= 30; i++ {
		if i > 1 {
			h.press("enter")
		}
		h.typeText(fmt.Sprintf("line %02d", i))
	}
	return h
}

// After any resize, the line being written and the lines before it fill the
// answer box: none is hidden above while empty rows show below.
func TestResizingKeepsTheAnswerInView(t *testing.T) {
	h := longAnswer(t)
	check := func(size string, cursor int) {
		t.Helper()
		rows := boxRows(h.screen())
		if len(rows) == 0 {
			t.Fatalf("%s: no answer box:\n%s", size, h.screen())
		}
		// The box shows consecutive lines ending at, or running past, the
		// cursor's, and every row holds text.
		want := cursor - len(rows) + 1
		if want < 1 {
			want = 1
		}
		for i, r := range rows {
			if got := fmt.Sprintf("line %02d", want+i); r != got && !(want+i > 30 && r == "") {
				t.Fatalf("%s: box row %d is %q, want %q; the box shows %q:\n%s", size, i, r, got, rows, h.screen())
			}
		}
		if !strings.Contains(strings.Join(rows, "\n"), fmt.Sprintf("line %02d", cursor)) {
			t.Fatalf("%s: the cursor's line %d is not in the box %q", size, cursor, rows)
		}
	}
	check("80x24", 30)
	for _, size := range [][2]int{{60, 14}, {80, 24}, {20, 8}, {80, 24}, {60, 20}, {100, 40}, {80, 24}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		check(fmt.Sprintf("%dx%d", size[0], size[1]), 30)
	}
	for range 12 {
		h.press("up")
	}
	for _, size := range [][2]int{{60, 14}, {80, 24}, {20, 8}, {80, 24}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		check(fmt.Sprintf("%dx%d after moving up", size[0], size[1]), 18)
	}
	h.typeText("!")
}

// A box with more lines than it shows says so, quietly, above or below it.
func TestAnswerBoxSaysThereIsMore(t *testing.T) {
	h := newHarness(t, StartNew)
	h.typeText("A long answer")
	h.press("tab")
	h.typeText("just one line")
	if strings.Contains(h.screen(), "more") {
		t.Fatalf("a box holding everything says there is more:\n%s", h.screen())
	}
	for i := 1; i <= 30; i++ {
		h.press("enter")
		h.typeText(fmt.Sprintf("line %02d", i))
	}
	signs := func() (above, below bool) {
		lines := strings.Split(h.screen(), "\n")
		for i, line := range lines {
			if strings.Contains(line, "┃") {
				continue
			}
			if strings.TrimSpace(line) == "↑ more" && i+1 < len(lines) && strings.Contains(lines[i+1], "┃") {
				above = true
			}
			if strings.TrimSpace(line) == "↓ more" && i > 0 && strings.Contains(lines[i-1], "┃") {
				below = true
			}
		}
		return above, below
	}
	if above, below := signs(); !above || below {
		t.Fatalf("at the end: above %v, below %v:\n%s", above, below, h.screen())
	}
	for range 20 {
		h.press("up")
	}
	if above, below := signs(); !above || !below {
		t.Fatalf("in the middle: above %v, below %v:\n%s", above, below, h.screen())
	}
	for range 20 {
		h.press("up")
	}
	if above, below := signs(); above || !below {
		t.Fatalf("at the top: above %v, below %v:\n%s", above, below, h.screen())
	}
}

func TestResizingKeepsWhatIsTyped(t *testing.T) {
	h := longAnswer(t)
	for range 12 {
		h.press("up")
	}
	for _, size := range [][2]int{{60, 14}, {20, 8}, {80, 24}} {
		h.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
	}
	h.typeText("!")
	h.press("ctrl+s", "y")
	e, err := h.store.Get(ctx, 1)
	if err != nil || !strings.Contains(e.AnswerText("cause"), "\nline 18!\n") {
		t.Fatalf("the answer is not as typed: %q %v", e.AnswerText("cause"), err)
	}
}
