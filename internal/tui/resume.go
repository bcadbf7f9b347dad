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

// reflectionReadyMsg carries what is needed to open a reflection: the prompt
// set asked for, the entry being edited (if any) and the unfinished drafts to
// offer back (if any), the most recent first.
type reflectionReadyMsg struct {
	set    prompt.Set
	base   journal.Entry
	drafts []journal.Draft
	push   bool
	err    error
}

// startReflection opens a new reflection with the prompt set named setID,
// first offering back the unfinished drafts there are.
func startReflection(c *Common, setID string, push bool) tea.Cmd {
	return startNew(c, setID, journal.Entry{}, push)
}

// startFollowOn opens a new reflection linked to the entry whose commitment
// was just tried again, in place of the check-in.
func startFollowOn(c *Common, first journal.Entry) tea.Cmd {
	return startNew(c, c.PromptSet, journal.Entry{Title: "Tried again: " + first.Title, FollowsUID: first.UID}, false)
}

func startNew(c *Common, setID string, base journal.Entry, push bool) tea.Cmd {
	return func() tea.Msg {
		set, _ := c.Prompts.Set(setID)
		msg := reflectionReadyMsg{set: set, base: base, push: push}
		msg.drafts, msg.err = c.Journal.Drafts(c.Ctx, journal.NewDraftKey)
		return msg
	}
}

// startEdit opens entry id in the guided flow, offering back the unfinished
// edits of it there are.
func startEdit(c *Common, id int64, push bool) tea.Cmd {
	return func() tea.Msg {
		e, err := c.Journal.Entry(c.Ctx, id)
		if err != nil {
			return reflectionReadyMsg{err: err, push: push}
		}
		msg := reflectionReadyMsg{set: setFor(c.Prompts, e), base: e, push: push}
		msg.drafts, msg.err = c.Journal.Drafts(c.Ctx, journal.EditKey(id))
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
	case len(msg.drafts) > 0:
		next = &resumeScreen{c: c, ready: msg}
	default:
		next = newReflectScreen(c, msg.set, msg.base, nil)
	}
	if msg.push {
		return push(next)
	}
	return replace(next)
}

// resumeScreen offers unfinished reflections back: pick one up, discard one,
// or start a new reflection and keep them all.
type resumeScreen struct {
	c          *Common
	ready      reflectionReadyMsg
	cursor     int
	confirming bool
}

func (m *resumeScreen) Init() tea.Cmd { return nil }
func (m *resumeScreen) Title() string {
	if m.editing() {
		return fmt.Sprintf("changes to entry %d", m.ready.base.ID)
	}
	return "an unfinished reflection"
}
func (m *resumeScreen) Typing() bool { return false }

// editing reports whether the drafts on offer are of an edit, not of new
// reflections: an edit has nothing new to start.
func (m *resumeScreen) editing() bool { return m.ready.base.ID != 0 }

// setOf is the prompt set draft d was written with: the entry's own for an
// edit; for a new reflection, the one its draft names, when there still is
// such a set, else the one asked for.
func (m *resumeScreen) setOf(d journal.Draft) prompt.Set {
	if !m.editing() {
		if set, ok := m.c.Prompts.Set(d.Entry.PromptSet); ok {
			return set
		}
	}
	return m.ready.set
}

func (m *resumeScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	press, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	k := m.c.Keys
	drafts := m.ready.drafts
	chosen := drafts[m.cursor]
	switch {
	case m.confirming && key.Matches(press, k.Yes):
		m.confirming = false
		j, ctx := m.c.Journal, m.c.Ctx
		forget := func() tea.Msg { _ = j.DeleteDraft(ctx, chosen.Key); return nil }
		m.ready.drafts = append(drafts[:m.cursor:m.cursor], drafts[m.cursor+1:]...)
		if len(m.ready.drafts) > 0 {
			m.cursor = min(m.cursor, len(m.ready.drafts)-1)
			return m, forget
		}
		// With the last one gone, the new reflection starts at once, with
		// the prompt set asked for.
		return m, tea.Sequence(forget, replace(newReflectScreen(m.c, m.ready.set, m.ready.base, nil)))
	case m.confirming:
		m.confirming = false
	case key.Matches(press, k.Resume):
		return m, m.resume(chosen)
	case key.Matches(press, k.Discard):
		m.confirming = true
	case key.Matches(press, k.New) && !m.editing():
		return m, replace(newReflectScreen(m.c, m.ready.set, m.ready.base, nil))
	case key.Matches(press, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(press, k.Down):
		m.cursor = min(m.cursor+1, len(drafts)-1)
	case key.Matches(press, k.Back, k.Close):
		return m, pop
	}
	return m, nil
}

// BeforeQuit says, on ctrl+c, that the drafts on offer are still kept.
func (m *resumeScreen) BeforeQuit() (tea.Cmd, string) {
	if len(m.ready.drafts) > 1 && !m.editing() {
		return nil, "Your reflections are kept as drafts; failup new picks them up where you left off."
	}
	return nil, kept(m.ready.base.ID)
}

// resume picks up a draft, as the core takes it over for this session. If
// that cannot be written, the draft is still picked up under its own key.
func (m *resumeScreen) resume(chosen journal.Draft) tea.Cmd {
	if d, err := m.c.Journal.ResumeDraft(m.c.Ctx, chosen); err == nil {
		chosen = d
	}
	return replace(newReflectScreen(m.c, m.setOf(chosen), m.ready.base, &chosen))
}

func (m *resumeScreen) Help() helpKeys {
	k := m.c.Keys
	if m.confirming {
		return confirmKeys(k, "discard it")
	}
	fresh := k.New
	fresh.SetHelp("n", "start a new one")
	fresh.SetEnabled(!m.editing())
	up, down := k.Up, k.Down
	many := len(m.ready.drafts) > 1
	up.SetEnabled(many)
	down.SetEnabled(many)
	return helpKeys{
		short: []key.Binding{k.Resume, fresh, k.Discard, k.Back},
		full:  [][]key.Binding{{k.Resume, fresh, k.Discard}, {up, down, k.Back, k.Quit}},
	}
}

func (m *resumeScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	drafts := m.ready.drafts
	var b strings.Builder
	if len(drafts) == 1 {
		d := drafts[0]
		heading := "You have an unfinished reflection"
		if m.editing() {
			heading = "You have changes to this entry not yet saved"
		}
		b.WriteString(s.Question.Render(heading) + "\n\n")
		b.WriteString(s.Heading.Render(oneLine(draftTitle(d), w)) + "\n")
		b.WriteString(s.Muted.Render(m.saved(d)) + "\n")
		if first := firstAnswer(d.Entry); first != "" {
			b.WriteString("\n" + clip(s.Text, first, w, 3, "") + "\n")
		}
	} else {
		b.WriteString(s.Question.Render(fmt.Sprintf("You have %d unfinished reflections", len(drafts))) + "\n\n")
		// Each draft takes two rows; the list scrolls to keep the chosen one in view.
		room := max((m.c.BodyHeight()-6)/2, 1)
		first := min(max(m.cursor-room+1, 0), max(len(drafts)-room, 0))
		for i := first; i < min(first+room, len(drafts)); i++ {
			d := drafts[i]
			mark, style := "  ", s.Text
			if i == m.cursor {
				mark, style = s.Selected.Render("› "), s.Selected
			}
			b.WriteString(mark + style.Render(oneLine(draftTitle(d), w-2)) + "\n")
			b.WriteString("    " + s.Muted.Render(oneLine(m.saved(d), w-4)) + "\n")
		}
	}
	b.WriteString("\n")
	switch {
	case m.confirming && m.editing():
		b.WriteString(wrap(s.Notice, "Discard the changes not yet saved to “"+oneLine(draftTitle(drafts[m.cursor]), w/2)+"”? The entry stays as it was saved. Press y to discard them, any other key to keep them.", w))
	case m.confirming:
		b.WriteString(wrap(s.Notice, "Discard “"+oneLine(draftTitle(drafts[m.cursor]), w/2)+"” for good? Press y to discard, any other key to keep it.", w))
	case m.editing() && len(drafts) == 1:
		b.WriteString(wrap(s.Muted, "Press r to pick it up where you left off, or d to discard it and start over.", w))
	case m.editing():
		b.WriteString(wrap(s.Muted, "Press r to pick up the one marked, or d to discard the one marked.", w))
	case len(drafts) == 1:
		b.WriteString(wrap(s.Muted, "Press r to pick it up where you left off, n to start a new one and keep this for later, or d to discard it.", w))
	default:
		b.WriteString(wrap(s.Muted, "Press r to pick up the one marked, n to start a new one and keep these for later, or d to discard the one marked.", w))
	}
	return b.String()
}

// saved says when draft d was saved and where it stopped.
func (m *resumeScreen) saved(d journal.Draft) string {
	return fmt.Sprintf("saved %s, stopped at step %d", m.c.ago(d.SavedAt), d.Step+1)
}

func draftTitle(d journal.Draft) string {
	if strings.TrimSpace(d.Entry.Title) == "" {
		return "untitled"
	}
	return d.Entry.Title
}

func firstAnswer(e journal.Entry) string {
	for _, a := range e.Answers {
		if strings.TrimSpace(a.Text) != "" {
			return a.Text
		}
	}
	return ""
}

// ago says how long ago t was, in words, or on which day.
func (c *Common) ago(t time.Time) string {
	d := c.Now().Sub(t)
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
	return "on " + c.day(journal.DateOf(t.Local()))
}
