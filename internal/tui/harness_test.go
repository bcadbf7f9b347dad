package tui

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/store"
)

// fixedNow is the moment every TUI test lives in.
var fixedNow = time.Date(2026, 3, 14, 18, 22, 5, 0, time.UTC)

// harness drives the root model the way the program would: each message is
// handled by Update, and the commands it returns run to completion, in order,
// feeding their messages back in. Drafts save immediately.
type harness struct {
	t     *testing.T
	model *Model
	store *store.Store
}

func newHarness(t *testing.T, start Start) *harness {
	t.Helper()
	return newHarnessWith(t, openStore(t), Options{Start: start})
}

// openStore opens a new journal file that lives as long as the test.
func openStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "journal.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newHarnessWith(t *testing.T, s *store.Store, opts Options) *harness {
	t.Helper()
	opts.Journal = app.New(s, app.Options{Now: func() time.Time { return fixedNow }})
	opts.DraftEvery = time.Nanosecond
	opts.Patience = time.Nanosecond
	m, err := New(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{t: t, model: m, store: s}
	h.run(h.model.Init())
	h.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	return h
}

func (h *harness) send(msg tea.Msg) {
	_, cmd := h.model.Update(msg)
	h.run(cmd)
}

// run executes cmd and everything it leads to. Batches and sequences (whose
// type bubbletea keeps private) are both slices of commands.
func (h *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	if msg == nil {
		return
	}
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		for i := range v.Len() {
			h.run(v.Index(i).Interface().(tea.Cmd))
		}
		return
	}
	switch msg.(type) {
	case tea.QuitMsg:
		return
	}
	if strings.HasPrefix(reflect.TypeOf(msg).String(), "tea.") && !isPublicTeaMsg(msg) {
		return // the program's own requests (background colour, exec) have no terminal here
	}
	h.send(msg)
}

func isPublicTeaMsg(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.WindowSizeMsg, tea.KeyPressMsg, tea.PasteMsg, tea.BackgroundColorMsg:
		return true
	}
	return false
}

// typeText sends each character as a key press.
func (h *harness) typeText(s string) {
	for _, r := range s {
		h.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// press sends named keys: "tab", "shift+tab", "enter", "esc", "ctrl+s", …
func (h *harness) press(keys ...string) {
	for _, k := range keys {
		h.send(keyPress(k))
	}
}

func keyPress(name string) tea.KeyPressMsg {
	codes := map[string]rune{
		"tab": tea.KeyTab, "enter": tea.KeyEnter, "esc": tea.KeyEscape, "space": tea.KeySpace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"backspace": tea.KeyBackspace, "f1": tea.KeyF1,
		"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "home": tea.KeyHome, "end": tea.KeyEnd,
	}
	var mod tea.KeyMod
	base := name
	if rest, ok := strings.CutPrefix(name, "ctrl+"); ok {
		mod, base = tea.ModCtrl, rest
	}
	if rest, ok := strings.CutPrefix(name, "shift+"); ok {
		mod, base = tea.ModShift, rest
	}
	if code, ok := codes[base]; ok {
		return tea.KeyPressMsg{Code: code, Mod: mod}
	}
	r := []rune(base)[0]
	if mod != 0 {
		return tea.KeyPressMsg{Code: r, Mod: mod}
	}
	return tea.KeyPressMsg{Code: r, Text: base}
}

// screen is what the person sees, without colour.
func (h *harness) screen() string {
	return ansi.Strip(h.model.View().Content)
}

func (h *harness) expectScreen(want ...string) {
	h.t.Helper()
	got := h.screen()
	for _, w := range want {
		if !strings.Contains(got, w) {
			h.t.Fatalf("screen lacks %q:\n%s", w, got)
		}
	}
}

func storeFilter() store.Filter { return store.Filter{} }
