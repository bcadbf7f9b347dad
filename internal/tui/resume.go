package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/termtext"
)

// reflectionReadyMsg carries what is needed to open a reflection: its prompt
// set, the entry being edited (if any) and a draft to offer back (if any).
type reflectionReadyMsg struct {
	set   prompt.Set
	base  journal.Entry
	draft *journal.Draft
	push  bool
	err   error
}

// startReflection opens a new reflection with the prompt set named setID,
// first offering back an unfinished draft if there is one.
func startReflection(c *Common, setID string, push bool) tea.Cmd {
	return startNew(c, setID, journal.Entry{}, push)
}

// startFollowOn opens a new reflection linked to the entry whose commitment
// was just tried again, in place of the check-in.
func startFollowOn(c *Common, first journal.Entry) tea.Cmd {
	return startNew(c, journal.DefaultPromptSet, journal.Entry{Title: "Tried again: " + first.Title, FollowsUID: first.UID}, false)
}

func startNew(c *Common, setID string, base journal.Entry, push bool) tea.Cmd {
	return func() tea.Msg {
		set, _ := c.Prompts.Set(setID)
		msg := reflectionReadyMsg{set: set, base: base, push: push}
		d, ok, err := c.Journal.Draft(c.Ctx, journal.NewDraftKey)
		if err != nil {
			msg.err = err
		} else if ok {
			msg.draft = &d
			if ds, found := c.Prompts.Set(d.Entry.PromptSet); found {
				msg.set = ds
			}
		}
		return msg
	}
}

// startEdit opens entry id in the guided flow, offering back an unfinished
// edit of it if there is one.
func startEdit(c *Common, id int64, push bool) tea.Cmd {
	return func() tea.Msg {
		e, err := c.Journal.Entry(c.Ctx, id)
		if err != nil {
			return reflectionReadyMsg{err: err, push: push}
		}
		msg := reflectionReadyMsg{set: setFor(c.Prompts, e), base: e, push: push}
		d, ok, err := c.Journal.Draft(c.Ctx, journal.EditKey(id))
		if err != nil {
			msg.err = err
		} else if ok {
			msg.draft = &d
		}
		return msg
	}
}

// setFor is the prompt set an entry was written with, or, when that set is
// gone, one rebuilt from the questions the entry kept.
func setFor(lib *prompt.Library, e journal.Entry) prompt.Set {
	if set, ok := lib.Set(e.PromptSet); ok {
		return set
	}
	set := prompt.Set{ID: e.PromptSet, Name: e.PromptSet}
	for _, a := range e.Answers {
		set.Questions = append(set.Questions, prompt.Question{Key: a.Key, Text: a.Question})
	}
	return set
}

// openReflection turns a reflectionReadyMsg into the screen to show.
func openReflection(c *Common, msg reflectionReadyMsg) tea.Cmd {
	var next screen
	switch {
	case msg.err != nil:
		next = newProblemScreen(c, "That reflection can't be opened: "+msg.err.Error()+".")
	case msg.draft != nil:
		next = &resumeScreen{c: c, ready: msg}
	default:
		next = newReflectScreen(c, msg.set, msg.base, nil)
	}
	if msg.push {
		return push(next)
	}
	return replace(next)
}

// resumeScreen offers an unfinished reflection back: resume it, or discard it
// and start fresh.
type resumeScreen struct {
	c          *Common
	ready      reflectionReadyMsg
	confirming bool
}

func (m *resumeScreen) Init() tea.Cmd { return nil }
func (m *resumeScreen) Title() string { return "an unfinished reflection" }
func (m *resumeScreen) Typing() bool  { return false }

func (m *resumeScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	k := m.c.Keys
	switch {
	case m.confirming && key.Matches(press, k.Yes):
		key, j, ctx := m.ready.draft.Key, m.c.Journal, m.c.Ctx
		fresh := newReflectScreen(m.c, m.ready.set, m.ready.base, nil)
		return m, tea.Sequence(func() tea.Msg { _ = j.DeleteDraft(ctx, key); return nil }, replace(fresh))
	case m.confirming:
		m.confirming = false
	case key.Matches(press, k.Resume):
		return m, replace(newReflectScreen(m.c, m.ready.set, m.ready.base, m.ready.draft))
	case key.Matches(press, k.Discard):
		m.confirming = true
	case key.Matches(press, k.Back):
		return m, pop
	}
	return m, nil
}

func (m *resumeScreen) Help() helpKeys {
	k := m.c.Keys
	if m.confirming {
		return confirmKeys(k, "discard it")
	}
	return helpKeys{short: []key.Binding{k.Resume, k.Discard, k.Back}, full: [][]key.Binding{{k.Resume, k.Discard, k.Back, k.Quit}}}
}

func (m *resumeScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	d := m.ready.draft
	title := d.Entry.Title
	if strings.TrimSpace(title) == "" {
		title = "untitled"
	}
	var b strings.Builder
	b.WriteString(s.Question.Render("You have an unfinished reflection") + "\n\n")
	b.WriteString(s.Heading.Render(oneLine(title, w)) + "\n")
	b.WriteString(s.Muted.Render(fmt.Sprintf("saved %s, stopped at step %d", ago(d.SavedAt, m.c.Now()), d.Step+1)) + "\n")
	if first := firstAnswer(d.Entry); first != "" {
		b.WriteString("\n" + clip(s.Text, first, w, 3, "") + "\n")
	}
	b.WriteString("\n")
	if m.confirming {
		b.WriteString(s.Notice.Render("Discard it for good? Press y to discard, any other key to keep it."))
	} else {
		b.WriteString(s.Muted.Render("Press r to pick it up where you left off, or d to start over."))
	}
	return b.String()
}

func firstAnswer(e journal.Entry) string {
	for _, a := range e.Answers {
		if strings.TrimSpace(a.Text) != "" {
			return a.Text
		}
	}
	return ""
}

// ago says how long ago t was, in words.
func ago(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return termtext.Count(int(d.Minutes()), "minute", "minutes") + " ago"
	case d < 24*time.Hour:
		return termtext.Count(int(d.Hours()), "hour", "hours") + " ago"
	case d < 48*time.Hour:
		return "yesterday"
	}
	return "on " + t.Local().Format("Monday 2 January")
}
