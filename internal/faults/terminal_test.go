package faults

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/failup/failup/internal/journal"
)

// terminal is a tmux server of the test's own with one 100x30 pane, in which
// failup runs as a person would use it.
type terminal struct {
	t      *testing.T
	e      *env
	socket string
}

// patience is how long a screen may take to appear on a loaded machine.
const patience = 30 * time.Second

func newTerminal(t *testing.T, e *env) *terminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is missing in CI, where .ci/run installs it")
		}
		t.Skip("tmux is not installed (.ci/run installs it with apt-get)")
	}
	// A socket path must be short; t.TempDir's can be too long.
	dir, err := os.MkdirTemp("", "failup-tmux-")
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, e: e, socket: filepath.Join(dir, "s")}
	t.Cleanup(func() {
		term.tmux("kill-server")
		os.RemoveAll(dir)
	})
	term.mustTmux("-f", "/dev/null", "new-session", "-d", "-s", "failup", "-x", "100", "-y", "30", "sleep 86400")
	term.mustTmux("set-option", "-g", "remain-on-exit", "on")
	return term
}

func (term *terminal) tmux(args ...string) (string, error) {
	cmd := exec.Command("tmux", append([]string{"-S", term.socket}, args...)...)
	cmd.Env = term.e.environ()
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (term *terminal) mustTmux(args ...string) string {
	term.t.Helper()
	out, err := term.tmux(args...)
	if err != nil {
		term.t.Fatalf("tmux %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return out
}

// start runs failup with args in the pane, replacing what ran there.
func (term *terminal) start(args ...string) {
	term.t.Helper()
	term.mustTmux("respawn-pane", "-k", "-t", "failup", "exec "+binary+" "+strings.Join(args, " "))
}

// keys sends tmux key names (Tab, C-s, Down, Enter); typed sends text as is.
func (term *terminal) keys(names ...string) {
	term.t.Helper()
	term.mustTmux(append([]string{"send-keys", "-t", "failup"}, names...)...)
}

func (term *terminal) typed(text string) {
	term.t.Helper()
	term.mustTmux("send-keys", "-t", "failup", "-l", text)
}

// answer types text into the field in focus and, once it shows, presses tab
// and waits for the next step to show next.
func (term *terminal) answer(text string, next ...string) {
	term.t.Helper()
	term.typed(text)
	term.waitFor(text)
	term.keys("Tab")
	term.waitFor(next...)
}

func (term *terminal) screen() string {
	term.t.Helper()
	return term.mustTmux("capture-pane", "-p", "-t", "failup")
}

// waitFor polls the screen until it shows every one of texts.
func (term *terminal) waitFor(texts ...string) string {
	term.t.Helper()
	var screen string
	for deadline := time.Now().Add(patience); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		screen = term.screen()
		if containsAll(screen, texts) {
			return screen
		}
	}
	term.t.Fatalf("the screen never showed %q; it shows:\n%s", texts, screen)
	return ""
}

func containsAll(s string, texts []string) bool {
	for _, text := range texts {
		if !strings.Contains(s, text) {
			return false
		}
	}
	return true
}

// format asks tmux about the pane: #{pane_pid}, #{pane_dead}.
func (term *terminal) format(f string) string {
	term.t.Helper()
	return strings.TrimSpace(term.mustTmux("display-message", "-p", "-t", "failup", f))
}

// killFailup sends SIGKILL to the failup in the pane and waits for it to die.
func (term *terminal) killFailup() {
	term.t.Helper()
	pid, err := strconv.Atoi(term.format("#{pane_pid}"))
	if err != nil {
		term.t.Fatal(err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		term.t.Fatal(err)
	}
	term.waitUntilDead()
}

func (term *terminal) waitUntilDead() {
	term.t.Helper()
	for deadline := time.Now().Add(patience); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if term.format("#{pane_dead}") == "1" {
			return
		}
	}
	term.t.Fatalf("failup did not end; the screen shows:\n%s", term.screen())
}

var draftSavedAt = regexp.MustCompile(`draft saved (\d\d:\d\d:\d\d)`)

// TestAPersonInATerminal drives the real binary in tmux with the keys from
// docs/keys.md: a reflection killed mid-draft and resumed, then browsing,
// searching and exporting from the home screen. It checks the screen and,
// through failup's --json output, the journal.
func TestAPersonInATerminal(t *testing.T) {
	e := newEnv(t)
	e.ok(entryJSON(t, journal.Entry{Title: "Froze in the interview", OccurredOn: "2026-02-01",
		Answers: []journal.Answer{{Key: journal.KeyCause, Text: "I blanked on the design question; nerves, mostly."}},
		Lesson:  "Practise out loud."}), "new", "--from", "-")
	e.ok(entryJSON(t, journal.Entry{Title: "Snapped at my brother", OccurredOn: "2026-03-02",
		Answers: []journal.Answer{{Key: journal.KeyCause, Text: "I was tired and took it out on him."}},
		Lesson:  "Say I am tired before it turns into anger."}), "new", "--from", "-")
	term := newTerminal(t, e)

	// A reflection: the title, tab, the first answer, tab.
	const (
		title       = "Missed the train to the offsite"
		cause       = "I reread my notes one more time and left late."
		patterns    = "Cutting it fine because leaving early feels like wasted time."
		differently = "Leave twenty minutes earlier than I think I need to."
		strengths   = "I called ahead and stayed calm."
	)
	term.start("new")
	term.waitFor("What happened?", "1 of 9")
	term.answer(title, "What caused this setback?", "2 of 9")
	term.answer(cause, "What patterns contributed", "3 of 9")
	onPatterns := time.Now().UTC()

	// failup is killed while the third answer is being typed, one key at a
	// time, and drafts are saved every half second.
	typing := patterns + strings.Repeat(" And again.", 500)
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		for _, r := range typing {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := term.tmux("send-keys", "-t", "failup", "-l", string(r)); err != nil {
				return // the pane is gone
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	// Kill only once a draft saved after the step changed is on screen, so
	// the draft holds the first two steps whatever the timing.
	for deadline := time.Now().Add(patience); ; time.Sleep(20 * time.Millisecond) {
		m := draftSavedAt.FindStringSubmatch(term.screen())
		if m != nil && m[1] > onPatterns.Format("15:04:05") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no draft was saved while typing; the screen shows:\n%s", term.screen())
		}
	}
	term.killFailup()
	close(stop)
	<-stopped

	// After the kill the journal is sound and keeps the draft.
	h := e.healthy()
	if h.Entries != 2 || len(h.Drafts) != 1 || !journal.IsNewDraft(h.Drafts[0].Key) || h.Drafts[0].Title != title {
		t.Fatalf("after the kill: %d entries, drafts %+v; want 2 entries and the draft %q", h.Entries, h.Drafts, title)
	}
	if out := e.ok(nil, "doctor"); !strings.Contains(out, "draft: an unfinished reflection “"+title+"”") {
		t.Errorf("failup doctor does not mention the draft:\n%s", out)
	}

	// failup new offers the draft back; r resumes it where it stopped.
	term.start("new")
	term.waitFor("You have an unfinished reflection", title, cause, "Press r")
	term.keys("r")
	screen := term.waitFor("What patterns contributed", "3 of 9")
	kept := answerOnScreen(screen)
	if !strings.HasPrefix(typing, kept) {
		t.Fatalf("the resumed answer starts %q, not as typed: %.100q", kept, typing)
	}
	t.Logf("the draft kept %q at the start of the third answer", kept)
	// Where the kept text ends is not certain from the screen (a trailing
	// space looks like the margin), so write the answer anew: ctrl+u clears it.
	term.keys("C-u")
	term.answer(patterns, "What should I do differently", "4 of 9")
	term.answer(differently, "What strengths can I build", "5 of 9")
	term.typed(strengths)
	term.waitFor(strengths)
	term.keys("C-s")
	term.waitFor("Saved", "entry 3")

	var saved journal.Entry
	if err := json.Unmarshal([]byte(e.ok(nil, "show", "3", "--json")), &saved); err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{journal.KeyCause: cause, journal.KeyPatterns: patterns,
		journal.KeyDifferently: differently, journal.KeyStrengths: strengths} {
		if got := saved.AnswerText(key); got != want {
			t.Errorf("answer %s is %q, want %q", key, got, want)
		}
	}
	// failup runs with TZ=UTC.
	today := journal.DateOf(time.Now().UTC())
	if saved.Title != title || saved.OccurredOn != today {
		t.Errorf("saved %q on %s, want %q today", saved.Title, saved.OccurredOn, title)
	}
	if h := e.healthy(); h.Entries != 3 || len(h.Drafts) != 0 {
		t.Errorf("after saving: %d entries and drafts %+v; want 3 and none", h.Entries, h.Drafts)
	}
	term.keys("Enter")
	term.waitUntilDead()

	// Home, browse (newest first), down to the second entry, open it.
	term.start()
	term.waitFor("Browse all 3", "Most recent")
	term.keys("b")
	term.waitFor("browse · 3 entries", title, "Snapped at my brother", "Froze in the interview")
	term.keys("Down")
	term.keys("Enter")
	term.waitFor("entry 2", "I was tired and took it out on him.")
	term.keys("Escape")
	term.waitFor("browse · 3 entries")

	// Search the words of what was written.
	term.keys("/")
	term.waitFor("search ›")
	term.typed("design nerves")
	term.waitFor("Froze in the interview", "design question")
	term.keys("Enter")
	term.waitFor("entry 1", "I blanked on the design question")
	term.keys("Escape")
	term.waitFor("search ›")
	term.keys("Escape")
	term.waitFor("browse · 3 entries")
	term.keys("Escape")

	// Export the lessons: e opens the export screen, ctrl+s writes the file.
	term.waitFor("Export to Markdown")
	term.keys("e")
	term.waitFor("Preview · from 3 entries")
	term.keys("C-s")
	term.waitFor("Written")
	exported := filepath.Join(e.home, "failup-lessons-"+string(today)+".md")
	data, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	for _, lesson := range []string{"Practise out loud.", "Say I am tired before it turns into anger.", differently} {
		if !strings.Contains(string(data), lesson) {
			t.Errorf("the exported lessons lack %q:\n%s", lesson, data)
		}
	}
	if info, err := os.Stat(exported); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("the export: %v, %v; want mode 0600", info, err)
	}
	term.keys("Enter")
	term.waitFor("Browse all 3")
	term.keys("q")
	term.waitUntilDead()
}

// answerOnScreen is the first line of the answer being typed, which the pane
// draws after "┃ ".
func answerOnScreen(screen string) string {
	for _, line := range strings.Split(screen, "\n") {
		if _, text, ok := strings.Cut(line, "┃ "); ok {
			return strings.TrimRight(text, " ")
		}
	}
	return ""
}
