package tui

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/failup/failup/internal/journal"
)

// TestSearchAsYouType types a query a key at a time: the last word is read
// as the start of longer ones from its third letter, and before that the
// screen never says nothing matches.
func TestSearchAsYouType(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Review went sideways", OccurredOn: "2026-02-01", Tags: []string{"work"},
		Answers: []journal.Answer{{Key: "cause", Text: "Priya's comments made me defensive, and I slept badly after."}}})
	h.seedEntry(journal.Entry{Title: "Skipped the gym", OccurredOn: "2026-02-08",
		Answers: []journal.Answer{{Key: "cause", Text: "Sleeping in again."}}})
	h.run(h.model.top().Init())
	h.press("/")
	for i, r := range "defensiveness" {
		h.typeText(string(r))
		screen := h.screen()
		if strings.Contains(screen, "Nothing matches") {
			t.Fatalf("after %d letters the screen says nothing matches:\n%s", i+1, screen)
		}
		if i >= 2 && !strings.Contains(screen, "Review went sideways") {
			t.Fatalf("after %q the entry is not shown:\n%s", "defensiveness"[:i+1], screen)
		}
		if i == 5 {
			golden.RequireEqual(t, screen) // "defens" finds and marks "defensive"
		}
	}
	clear := func() {
		for range len([]rune(h.model.top().(*browseScreen).query.Value())) {
			h.press("backspace")
		}
	}

	// Word forms: sleep finds slept and sleeping.
	clear()
	h.typeText("sleep")
	h.expectScreen("2 found", "Review went sideways", "Skipped the gym")

	// Nothing matches: the closest word of the journal, taken with tab.
	clear()
	h.typeText("pryia")
	h.expectScreen("Nothing matches. Did you mean priya? tab searches for it.")
	h.press("tab")
	h.expectScreen("search › priya", "1 found", "Review went sideways")

	// A mistake in a filter is one sentence, not an unreadable journal.
	clear()
	h.typeText("skill:cooking")
	h.expectScreen("skill:cooking is not a skill")
	clear()
	h.typeText("tag:work -sleep")
	h.expectScreen("Nothing matches. Fewer filters find more.")
	clear()
	h.typeText("qqqqqq ")
	h.expectScreen("Nothing matches. Try another word for the same thing.")
	clear()
	h.typeText("tag:work -sleep")
	h.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	h.expectScreen("1 found", "Review went sideways")

	// The full help lists what a query can hold.
	h.press("f1")
	h.expectScreen("a OR b", "-word", "tag:work skill:resilience", "pattern:NAME")
}

// TestSearchStopsTheSearchesTypingReplaced types faster than the journal
// answers: each key press stops the search the one before it started, and
// only the last one's answer is shown.
func TestSearchStopsTheSearchesTypingReplaced(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Skipped the gym", OccurredOn: "2026-02-08",
		Answers: []journal.Answer{{Key: "cause", Text: "Sleeping in again."}}})
	h.run(h.model.top().Init())
	h.press("/")
	var pending []tea.Cmd
	for _, r := range "sleep" {
		_, cmd := h.model.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		pending = append(pending, cmd)
	}
	for i, cmd := range pending {
		var answers []hitsLoadedMsg
		for _, msg := range messages(cmd) {
			if hits, ok := msg.(hitsLoadedMsg); ok {
				answers = append(answers, hits)
			}
			h.send(msg)
		}
		last := i == len(pending)-1
		switch {
		case len(answers) != 1:
			t.Fatalf("key %d: %d searches", i+1, len(answers))
		case !last && !errors.Is(answers[0].err, context.Canceled):
			t.Errorf("the search for %q ran on after the next key (%d hits, %v)", answers[0].query, len(answers[0].found.Hits), answers[0].err)
		case last && (answers[0].err != nil || len(answers[0].found.Hits) != 1):
			t.Errorf("the last search, for %q: %d hits, %v", answers[0].query, len(answers[0].found.Hits), answers[0].err)
		}
	}
	h.expectScreen("search › sleep", "1 found", "Skipped the gym")
}

// messages runs cmd and the commands of any batch it is, and returns what
// they answer.
func messages(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var all []tea.Msg
		for i := range v.Len() {
			all = append(all, messages(v.Index(i).Interface().(tea.Cmd))...)
		}
		return all
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// TestSearchHintNamesAKeyThatWorksWhileTyping: the empty search's hint
// names f1 for the forms a query can hold, and f1 shows them; ? would only
// be typed into the query.
func TestSearchHintNamesAKeyThatWorksWhileTyping(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Review went sideways", OccurredOn: "2026-02-01"})
	h.run(h.model.top().Init())
	h.press("/")
	h.expectScreen("f1 lists them.")
	if strings.Contains(h.screen(), "? lists") {
		t.Errorf("the hint names ?, which is typed into the query:\n%s", h.screen())
	}
	h.press("f1")
	h.expectScreen("a OR b", "tag:work skill:resilience")
}

// TestASearchWithNoWordShowsHowToSearch: a stray * or quote asks for
// nothing, so the screen says how to search, as failup search does.
func TestASearchWithNoWordShowsHowToSearch(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Review went sideways", OccurredOn: "2026-02-01"})
	h.run(h.model.top().Init())
	h.press("/")
	h.typeText(`"*"`)
	h.expectScreen("Search everything you wrote")
	if strings.Contains(h.screen(), "Nothing matches") {
		t.Errorf("a query of no words says nothing matches:\n%s", h.screen())
	}
}

// TestSlashStartsANewSearchFromTheResults: back from a result, / starts a
// new search in an empty box, as docs/keys.md says, instead of adding a
// slash to the old words; while the words are being typed, / is a slash.
func TestSlashStartsANewSearchFromTheResults(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Lost at bowls", OccurredOn: "2026-02-01",
		Answers: []journal.Answer{{Key: "cause", Text: "I rushed the last end."}}})
	h.run(h.model.top().Init())
	h.press("/")
	h.typeText("bowls")
	h.expectScreen("1 found", "Lost at bowls")
	h.press("enter")
	h.expectScreen("I rushed the last end.")
	h.press("esc")
	h.expectScreen("search › bowls")
	h.press("/")
	if got := h.model.top().(*browseScreen).query.Value(); got != "" {
		t.Fatalf("after / the search box holds %q, want it empty:\n%s", got, h.screen())
	}
	h.expectScreen("Search everything you wrote")
	h.typeText("before:28/11")
	if got := h.model.top().(*browseScreen).query.Value(); got != "before:28/11" {
		t.Fatalf("typing a day, the search box holds %q", got)
	}
	h.typeText(" bowls")
	h.press("down", "/")
	if got := h.model.top().(*browseScreen).query.Value(); got != "" {
		t.Fatalf("after moving to the results and /, the search box holds %q, want it empty", got)
	}
}

// TestSearchNamesTheWordNoEntryHas: several words of which one is misspelt
// say which, with its did-you-mean, as failup search does; not only that
// fewer words find more.
func TestSearchNamesTheWordNoEntryHas(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Snapped at Ray", OccurredOn: "2026-02-01",
		Answers: []journal.Answer{{Key: "cause", Text: "Grief, and another bad night's sleep."}}})
	h.seedEntry(journal.Entry{Title: "Lost at bowls", OccurredOn: "2026-02-03",
		Answers: []journal.Answer{{Key: "cause", Text: "I rushed the last end."}}})
	h.run(h.model.top().Init())
	h.press("/")
	h.typeText("ray grief nite")
	h.expectScreen(`Nothing matches. No entry has "nite".`)
	for range len("grief nite") {
		h.press("backspace")
	}
	h.typeText("bowsl")
	h.expectScreen(`Nothing matches. No entry has "bowsl"; did you mean "bowls"?`)
}

// TestSearchHitWithOnlyATitle: an entry found by its title alone, with no
// text to show under it, is one line, as in failup search, not a line over
// a blank one.
func TestSearchHitWithOnlyATitle(t *testing.T) {
	h := newHarness(t, StartHome)
	h.seedEntry(journal.Entry{Title: "Missed the recital", OccurredOn: "2026-02-01"})
	h.seedEntry(journal.Entry{Title: "Forgot the recital piece", OccurredOn: "2026-01-20",
		Answers: []journal.Answer{{Key: "cause", Text: "I practised the recital piece too little."}}})
	h.run(h.model.top().Init())
	h.press("/")
	h.typeText("recital")
	h.expectScreen("2 found", "Missed the recital", "Forgot the recital piece")
	lines := strings.Split(h.screen(), "\n")
	for i, l := range lines {
		if strings.Contains(l, "Missed the recital") {
			if next := strings.TrimSpace(lines[i+1]); !strings.Contains(next, "Forgot the recital piece") {
				t.Errorf("under the entry with only a title comes %q, not the next entry:\n%s", next, h.screen())
			}
		}
	}
}
