package tui

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/termtext"
)

type stepKind int

const (
	stepWhat stepKind = iota
	stepQuestion
	stepLesson
	stepDetails
	stepCommitment
	stepReview
)

type step struct {
	kind     stepKind
	question int // for stepQuestion
}

// Messages of the reflection.
type (
	draftTickMsg  struct{}
	draftSavedMsg struct {
		at  time.Time
		err error
	}
	reflectionSavedMsg struct {
		entry journal.Entry
		err   error
	}
	tagsLoadedMsg []string
)

// reflectScreen is the guided reflection: what happened, the questions of a
// prompt set, the lesson, details, a commitment, and a review.
type reflectScreen struct {
	c        *Common
	set      prompt.Set
	base     journal.Entry // the entry being edited, or the start of a new one
	draftKey string
	steps    []step
	cur      int

	title     textinput.Model
	date      textinput.Model
	whatField int // 0: title, 1: date
	answers   []textarea.Model
	lesson    textinput.Model
	details   detailsForm
	commit    commitForm

	dirty, ticking, saving bool
	// writes orders this reflection's saves, which run as commands at once:
	// a draft save that comes after the reflection is saved writes nothing,
	// or it would bring back the draft the save let go.
	writes *reflectionWrites
	// changed is set by the first edit: a reflection left untouched leaves
	// no draft behind. resumed is set when it is a draft picked up, which is
	// kept however it is left.
	changed, resumed bool
	status           string // quiet news: "draft saved"
	notice           string // something to fix before saving, said kindly
	// finishing is set while asking whether to finish a reflection with
	// questions not yet answered.
	finishing bool
	// boxWidth and boxHeight are the size the answer boxes were given.
	boxWidth, boxHeight int
	end                 boxEnd
	// reviewed is the review step's summary, whole, scrolled when it does
	// not fit.
	reviewed viewport.Model
}

// newReflectScreen starts a reflection with set. base is the entry being
// edited (ID set) or an empty one; draft, when given, is resumed instead.
func newReflectScreen(c *Common, set prompt.Set, base journal.Entry, draft *journal.Draft) *reflectScreen {
	m := &reflectScreen{
		c:        c,
		set:      set,
		base:     base,
		draftKey: journal.SessionKey(journal.NewDraftKey),
		writes:   &reflectionWrites{},
		title:    newInput(c, "e.g. Forgot a friend's birthday", journal.MaxTitleLen),
		date:     newInput(c, "today", dayLimit),
		lesson:   newInput(c, "e.g. Ask for help at the first sign of slipping", 0),
		details:  newDetailsForm(c),
		commit:   newCommitForm(c),
		reviewed: viewport.New(),
	}
	if base.ID != 0 {
		m.draftKey = journal.SessionKey(journal.EditKey(base.ID))
	}
	m.steps = append(m.steps, step{kind: stepWhat})
	for i := range set.Questions {
		m.steps = append(m.steps, step{kind: stepQuestion, question: i})
		m.answers = append(m.answers, newAnswer(c, "Write as much or as little as you like."))
	}
	m.steps = append(m.steps, step{kind: stepLesson}, step{kind: stepDetails}, step{kind: stepCommitment}, step{kind: stepReview})

	from, at := base, 0
	if draft != nil {
		from, at = draft.Entry, draft.Step
		m.draftKey, m.resumed = draft.Key, true
	}
	m.load(from)
	m.cur = min(max(at, 0), len(m.steps)-1)
	m.layout()
	return m
}

func (m *reflectScreen) load(e journal.Entry) {
	m.title.SetValue(e.Title)
	if e.OccurredOn != "" && e.OccurredOn != m.c.today() {
		m.date.SetValue(string(e.OccurredOn))
	}
	for i, q := range m.set.Questions {
		m.answers[i].SetValue(e.AnswerText(q.Key))
	}
	m.lesson.SetValue(e.Lesson)
	m.details.load(e)
	m.commit.load(e.Followup)
}

// entry is the reflection as it stands, for a draft or for saving.
func (m *reflectScreen) entry() journal.Entry {
	e := m.base
	e.PromptSet = m.set.ID
	e.Title = m.title.Value()
	// A day still to come is kept in a draft as typed; saving refuses it.
	e.OccurredOn, _ = m.c.Journal.ParseHappened(m.date.Value())
	e.Answers = nil
	asked := map[string]bool{}
	for i, q := range m.set.Questions {
		e.Answers = append(e.Answers, journal.Answer{Key: q.Key, Question: q.Text, Text: m.answers[i].Value()})
		asked[q.Key] = true
	}
	// An edited entry keeps answers to questions its prompt set no longer asks.
	for _, a := range m.base.Answers {
		if !asked[a.Key] {
			e.Answers = append(e.Answers, a)
		}
	}
	e.Lesson = m.lesson.Value()
	m.details.apply(&e)
	m.commit.apply(&e)
	return e
}

func (m *reflectScreen) Init() tea.Cmd {
	return tea.Batch(m.focus(), m.loadTags())
}

func (m *reflectScreen) loadTags() tea.Cmd {
	j, ctx := m.c.Journal, m.c.Ctx
	return func() tea.Msg {
		counts, err := j.Tags(ctx)
		if err != nil {
			return tagsLoadedMsg(nil)
		}
		tags := make([]string, len(counts))
		for i, tc := range counts {
			tags[i] = tc.Tag
		}
		return tagsLoadedMsg(tags)
	}
}

func (m *reflectScreen) Title() string {
	if m.base.ID != 0 {
		return "editing entry " + fmt.Sprint(m.base.ID)
	}
	return "a new reflection"
}

func (m *reflectScreen) step() step { return m.steps[m.cur] }

// focus moves the cursor to the current step's current field.
func (m *reflectScreen) focus() tea.Cmd {
	m.title.Blur()
	m.date.Blur()
	m.lesson.Blur()
	for i := range m.answers {
		m.answers[i].Blur()
	}
	m.details.tags.Blur()
	m.commit.text.Blur()
	m.commit.date.Blur()
	switch st := m.step(); st.kind {
	case stepWhat:
		if m.whatField == 1 {
			return m.date.Focus()
		}
		return m.title.Focus()
	case stepQuestion:
		return m.answers[st.question].Focus()
	case stepLesson:
		return m.lesson.Focus()
	case stepDetails:
		return m.details.focus(m.details.field)
	case stepCommitment:
		if m.base.ID == 0 { // an edit keeps the commitment it has, or has none
			m.commit.suggest(m.entry().AnswerText(journal.KeyDifferently))
		}
		return m.commit.focus(m.commit.field)
	}
	return nil
}

func (m *reflectScreen) Typing() bool {
	switch m.step().kind {
	case stepWhat, stepQuestion, stepLesson:
		return true
	case stepDetails:
		return m.details.typing()
	case stepCommitment:
		return m.commit.typing()
	}
	return false
}

// goTo moves to step n, keeping typed text where it is.
func (m *reflectScreen) goTo(n int) tea.Cmd {
	m.cur = min(max(n, 0), len(m.steps)-1)
	m.notice = ""
	m.layout()
	if !m.changed {
		return m.focus() // nothing typed yet: nothing to keep
	}
	return tea.Batch(m.focus(), m.touch()) // the draft remembers the step
}

// next moves to the next field, or the next step from a step's last field.
func (m *reflectScreen) next() tea.Cmd {
	switch m.step().kind {
	case stepDetails:
		if m.details.field < detailFields-1 {
			return m.details.focus(m.details.field + 1)
		}
		m.details.field = 0
	case stepCommitment:
		if m.commit.field < m.commit.fields()-1 {
			return m.commit.focus(m.commit.field + 1)
		}
		// As on the first step: a day that cannot be used is mended under
		// it, not found at the review.
		if m.commit.dueProblem() != nil {
			m.notice = dateNotice
			return m.commit.focus(fieldDueDate)
		}
		m.commit.field = 0
	case stepWhat:
		// A date failup cannot read is mended here, under the field that
		// says why, not found at the end.
		if _, err := m.c.Journal.ParseHappened(m.date.Value()); err != nil {
			m.whatField = 1
			m.notice = dateNotice
			return m.focus()
		}
	}
	m.whatField = 0
	return m.goTo(m.cur + 1)
}

// dateNotice says why the reflection stays on a step: the reason the date
// cannot be used is under the date itself.
const dateNotice = "The date above needs a look before going on."

// prev is next in reverse: the previous field, or the last field of the
// previous step.
func (m *reflectScreen) prev() tea.Cmd {
	switch m.step().kind {
	case stepDetails:
		if m.details.field > 0 {
			return m.details.focus(m.details.field - 1)
		}
	case stepCommitment:
		if m.commit.field > 0 {
			return m.commit.focus(m.commit.field - 1)
		}
	}
	if m.cur == 0 {
		return nil
	}
	switch m.steps[m.cur-1].kind {
	case stepDetails:
		m.details.field = detailFields - 1
	case stepCommitment:
		m.commit.field = m.commit.fields() - 1
	}
	return m.goTo(m.cur - 1)
}

// touch notes an edit: a draft save is scheduled unless one already is.
func (m *reflectScreen) touch() tea.Cmd {
	m.dirty, m.changed = true, true
	if m.ticking {
		return nil
	}
	m.ticking = true
	return tea.Tick(m.c.DraftEvery, func(time.Time) tea.Msg { return draftTickMsg{} })
}

// reflectionWrites is held while a reflection or its draft is written.
type reflectionWrites struct {
	sync.Mutex
	saved bool
}

func (m *reflectScreen) saveDraft() tea.Cmd {
	m.dirty = false
	d := journal.Draft{Key: m.draftKey, Entry: m.entry(), Step: m.cur}
	j, ctx, w := m.c.Journal, m.c.Ctx, m.writes
	return func() tea.Msg {
		w.Lock()
		defer w.Unlock()
		var err error
		if !w.saved {
			err = j.SaveDraft(ctx, d)
		}
		return draftSavedMsg{at: j.Now(), err: err}
	}
}

// keptDraft is said on leaving a reflection with words in it.
const keptDraft = "Your reflection is kept as a draft; failup new picks it up where you left off."

// kept says where the draft of a reflection left now waits: of a new one, or
// of changes to entry id.
func kept(id int64) string {
	if id != 0 {
		return fmt.Sprintf("Your changes are kept as a draft; failup edit %d picks them up.", id)
	}
	return keptDraft
}

// BeforeQuit saves the draft before the program ends, so ctrl+c loses nothing.
func (m *reflectScreen) BeforeQuit() (tea.Cmd, string) {
	if m.saving || !m.changed && !m.resumed {
		return nil, ""
	}
	return m.saveDraft(), kept(m.base.ID)
}

// save validates and saves the reflection, or shows what needs attention.
func (m *reflectScreen) save() tea.Cmd {
	if m.saving {
		return nil
	}
	e := m.entry()
	switch {
	case strings.TrimSpace(e.Title) == "":
		m.whatField = 0
		cmd := m.goTo(0)
		m.notice = "Give it a short name first; a few words is enough."
		return cmd
	}
	if _, err := m.c.Journal.ParseHappened(m.date.Value()); err != nil {
		return m.fix(stepWhat, err)
	}
	if problem := m.commit.dueProblem(); problem != nil {
		return m.fix(stepCommitment, problem)
	}
	// The review shows what is unanswered, and an edit finishes an entry
	// already saved: elsewhere, finishing early is asked about first.
	if !m.finishing && m.unanswered() > 0 && m.step().kind != stepReview && m.base.ID == 0 {
		m.finishing = true
		return nil
	}
	m.finishing = false
	m.saving = true
	m.status = "saving…"
	j, ctx, key, w := m.c.Journal, m.c.Ctx, m.draftKey, m.writes
	return func() tea.Msg {
		w.Lock()
		defer w.Unlock()
		err := j.SaveReflection(ctx, &e, key)
		w.saved = err == nil
		return reflectionSavedMsg{entry: e, err: err}
	}
}

// unanswered counts the questions with no answer yet.
func (m *reflectScreen) unanswered() int {
	n := 0
	for i := range m.set.Questions {
		if strings.TrimSpace(m.answers[i].Value()) == "" {
			n++
		}
	}
	return n
}

// answerFinishing answers the question whether to finish with questions
// unanswered: yes saves, no goes back to the answer being written, and any
// other key is ignored, so that a word being typed does not decide it.
func (m *reflectScreen) answerFinishing(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Yes, k.Open):
		return m.save()
	case key.Matches(msg, k.No, k.Back):
		m.finishing = false
		return m.focus()
	}
	return nil
}

// fix goes to the field of step that needs attention and says why.
func (m *reflectScreen) fix(kind stepKind, problem error) tea.Cmd {
	switch kind {
	case stepWhat:
		m.whatField = 1
	case stepCommitment:
		m.commit.field = fieldDueDate
	}
	cmd := m.goTo(m.indexOf(kind))
	m.notice = sentence(problem)
	if kind == stepWhat {
		m.notice = dateNotice
	}
	return cmd
}

// notSaved says why the core did not save the reflection, on the step whose
// field it was about when it names one.
func (m *reflectScreen) notSaved(err error) tea.Cmd {
	m.status = ""
	var input *app.InputError
	switch {
	case errors.As(err, &input) && input.Field == "occurred_on":
		return tea.Batch(m.fix(stepWhat, input.Err), m.saveDraft())
	case errors.As(err, &input) && input.Field == "due_on":
		return tea.Batch(m.fix(stepCommitment, input.Err), m.saveDraft())
	}
	m.notice = "Not saved: " + err.Error() + ". Your words are kept in the draft."
	return m.saveDraft()
}

func (m *reflectScreen) indexOf(kind stepKind) int {
	for i, s := range m.steps {
		if s.kind == kind {
			return i
		}
	}
	return 0
}

// leave goes back, keeping the draft when something was typed.
func (m *reflectScreen) leave() tea.Cmd {
	save, farewell := m.BeforeQuit()
	var notice string
	if save != nil && m.base.ID != 0 {
		// The entry shown next is as it was saved: say where the changes went.
		notice = "Your changes are kept as a draft; e picks them up."
	}
	return tea.Sequence(save, func() tea.Msg { return popMsg{farewell: farewell, notice: notice} })
}

func (m *reflectScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.layout()
		return m, nil
	case tea.BackgroundColorMsg:
		m.restyle()
		return m, nil
	case tagsLoadedMsg:
		m.details.setKnownTags(msg)
		return m, nil
	case draftTickMsg:
		m.ticking = false
		if m.dirty && !m.saving {
			return m, m.saveDraft()
		}
		return m, nil
	case draftSavedMsg:
		if msg.err != nil {
			m.status = "the draft could not be saved: " + msg.err.Error()
		} else if !m.saving {
			m.status = "draft saved " + msg.at.Format("15:04:05")
		}
		return m, nil
	case reflectionSavedMsg:
		m.saving = false
		if msg.err != nil {
			return m, m.notSaved(msg.err)
		}
		m.c.noteSaved(msg.entry.ID, m.base.ID != 0)
		return m, replace(newSavedScreen(m.c, msg.entry, m.base.ID != 0))
	case editorDoneMsg:
		return m, m.editorDone(msg)
	case tea.PasteMsg:
		return m, m.updateField(msg)
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

func (m *reflectScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	st := m.step()
	if m.finishing {
		return m.answerFinishing(msg)
	}
	switch {
	case key.Matches(msg, k.Save):
		return m.save()
	case key.Matches(msg, k.Back):
		return m.leave()
	case key.Matches(msg, k.Next):
		return m.next()
	case key.Matches(msg, k.Prev):
		return m.prev()
	case key.Matches(msg, k.Editor) && st.kind == stepQuestion:
		return openEditor(m.c.Journal.PrivateFolder, m.answers[st.question].Value(), st.question)
	case st.kind == stepReview && key.Matches(msg, k.Open):
		return m.save()
	case st.kind == stepReview:
		var cmd tea.Cmd
		m.reviewed, cmd = m.reviewed.Update(msg)
		return cmd
	case st.kind == stepWhat && key.Matches(msg, k.ArrowDown, k.Open) && m.whatField == 0:
		m.whatField = 1
		return m.focus()
	case st.kind == stepWhat && key.Matches(msg, k.ArrowUp) && m.whatField == 1:
		m.whatField = 0
		return m.focus()
	case st.kind == stepDetails && m.details.leaving(msg) != 0:
		return m.details.focus(m.details.field + m.details.leaving(msg))
	case st.kind == stepCommitment && m.commit.leaving(msg) != 0:
		return m.commit.focus(m.commit.field + m.commit.leaving(msg))
	case key.Matches(msg, k.Open) && (st.kind == stepWhat || st.kind == stepLesson || st.kind == stepCommitment):
		return m.next()
	}
	return m.updateField(msg)
}

// updateField passes a key or paste to the focused field.
func (m *reflectScreen) updateField(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	changed := false
	switch st := m.step(); st.kind {
	case stepWhat:
		field := &m.title
		if m.whatField == 1 {
			field = &m.date
		}
		before := field.Value()
		*field, cmd = field.Update(msg)
		changed = field.Value() != before
	case stepQuestion:
		before := m.answers[st.question].Value()
		m.answers[st.question], cmd = m.answers[st.question].Update(msg)
		changed = m.answers[st.question].Value() != before
	case stepLesson:
		before := m.lesson.Value()
		m.lesson, cmd = m.lesson.Update(msg)
		changed = m.lesson.Value() != before
	case stepDetails:
		cmd, changed = m.details.update(msg)
	case stepCommitment:
		cmd, changed = m.commit.update(msg)
	}
	if changed {
		m.notice = ""
		return tea.Batch(cmd, m.touch())
	}
	return cmd
}

func (m *reflectScreen) editorDone(msg editorDoneMsg) tea.Cmd {
	if msg.err != nil {
		m.notice = "The editor didn't finish (" + msg.err.Error() + "); your answer is unchanged."
		return nil
	}
	m.answers[msg.question].SetValue(msg.text)
	m.layout()
	return m.touch()
}

func (m *reflectScreen) restyle() {
	areas := make([]*textarea.Model, len(m.answers))
	for i := range m.answers {
		areas[i] = &m.answers[i]
	}
	restyle(m.c.Styles, []*textinput.Model{&m.title, &m.date, &m.lesson, &m.details.tags, &m.commit.text, &m.commit.date}, areas...)
}

// layout sizes the fields to the window.
func (m *reflectScreen) layout() {
	w := m.c.BodyWidth()
	m.title.SetWidth(w - 4)
	m.date.SetWidth(20)
	m.lesson.SetWidth(w - 4)
	// Progress, question, hint and status take about eight rows; past a
	// comfortable size, a bigger box is only harder to read.
	h := min(max(m.c.BodyHeight()-9, 3), 16)
	if m.compact() {
		h = max(m.c.Height-chrome-3, 1)
	}
	if m.step().kind == stepReview {
		m.fillReview(w)
	}
	if m.boxWidth == min(w, 84) && m.boxHeight == h {
		return
	}
	m.boxWidth, m.boxHeight = min(w, 84), h
	for i := range m.answers {
		m.answers[i].SetWidth(m.boxWidth)
		m.answers[i].SetHeight(h)
		fitView(&m.answers[i])
	}
}

// compact reports whether the window is too short for a question's hint
// and spacing beside a box of three rows: the answer comes first.
func (m *reflectScreen) compact() bool { return m.c.Height-chrome-9 < 3 }

func (m *reflectScreen) Help() helpKeys {
	k := m.c.Keys
	st := m.step()
	if m.finishing {
		yes := key.NewBinding(key.WithKeys("y", "enter"), key.WithHelp("y/enter", "finish and save"))
		no := key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "keep writing"))
		return helpKeys{short: []key.Binding{yes, no}, full: [][]key.Binding{{yes, no, k.Quit}}}
	}
	save := k.Save
	save.SetHelp("ctrl+s", "finish and save")
	if st.kind == stepReview {
		save = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "finish and save"))
	}
	next := k.Next
	next.SetEnabled(st.kind != stepReview)
	editor := k.Editor
	editor.SetEnabled(st.kind == stepQuestion)
	back := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave, keeping a draft"))
	help := k.Help
	if m.Typing() {
		help.SetHelp("f1", "help")
	}
	back.SetHelp("esc", "leave")
	prev := k.Prev
	prev.SetEnabled(m.cur > 0 || st.kind == stepDetails && m.details.field > 0 || st.kind == stepCommitment && m.commit.field > 0)
	if st.kind == stepReview {
		// Nothing is typed here: enter saves, and the arrows scroll.
		scroll := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll"))
		scroll.SetEnabled(m.reviewed.TotalLineCount() > m.reviewed.Height())
		pages := pagesKey
		pages.SetEnabled(scroll.Enabled())
		return helpKeys{short: []key.Binding{scroll, prev, save, back, help},
			full: [][]key.Binding{{scroll, pages, prev, save, back}, {k.Quit}}}
	}
	// The bottom line fits 80 columns; f1 lists the editor and the rest.
	short := []key.Binding{next, prev, save, back, help}
	full := [][]key.Binding{
		{next, prev, save, back},
		{editor, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "new line in answers")), k.Quit},
	}
	switch st.kind {
	case stepDetails:
		full = append(full, []key.Binding{k.Toggle, k.Left, k.Right})
	case stepCommitment:
		full = append(full, []key.Binding{k.Left, k.Right})
	}
	return helpKeys{short: short, full: full}
}

func (m *reflectScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	var b strings.Builder
	b.WriteString(m.progress() + "\n\n")
	if m.finishing {
		b.WriteString(m.finishQuestion(w))
		return b.String()
	}
	st := m.step()
	if st.kind == stepQuestion && m.compact() {
		return m.compactQuestion(w)
	}
	switch st.kind {
	case stepWhat:
		b.WriteString(s.Question.Render("What happened?") + "\n")
		b.WriteString(wrap(s.Hint, "A few words to name it. You'll say more in a moment.", w) + "\n\n")
		b.WriteString(inputView(m.title) + "\n\n")
		label := s.Label
		if m.whatField == 1 {
			label = s.Selected
		}
		b.WriteString(label.Render("When") + "\n" + m.date.View() + "\n")
		if d, err := m.c.Journal.ParseHappened(m.date.Value()); err != nil {
			b.WriteString(wrap(s.Notice.PaddingLeft(2), sentence(err), w) + "\n")
		} else {
			hint := "  " + d.Time().Format("Monday 2 January 2006")
			if m.whatField == 0 {
				hint += "  ·  ↓ to change the date"
			}
			b.WriteString(s.Muted.Render(hint) + "\n")
		}
	case stepQuestion:
		q := m.set.Questions[st.question]
		b.WriteString(wrap(s.Question, q.Text, w) + "\n")
		if q.Hint != "" {
			b.WriteString(wrap(s.Hint, q.Hint, w) + "\n")
		}
		above, below := m.end.signs(s, &m.answers[st.question], m.boxWidth)
		b.WriteString(above + "\n" + m.answers[st.question].View() + "\n" + below)
	case stepLesson:
		b.WriteString(s.Question.Render("What is the lesson?") + "\n")
		b.WriteString(wrap(s.Hint, "One sentence you would want to read before the next time. Optional.", w) + "\n\n")
		b.WriteString(inputView(m.lesson) + "\n")
	case stepDetails:
		b.WriteString(s.Question.Render("A few details") + s.Muted.Render("  all optional") + "\n\n")
		b.WriteString(m.details.view(w) + "\n")
	case stepCommitment:
		b.WriteString(s.Question.Render("Something to try next time") + "\n")
		b.WriteString(wrap(s.Hint, "failup will ask how it went. Confidence comes from trying again.", w) + "\n\n")
		b.WriteString(m.commit.view(w))
	case stepReview:
		m.fillReview(w) // the news under it may have changed its room
		b.WriteString(m.reviewed.View() + "\n")
		if !m.reviewed.AtBottom() {
			b.WriteString(moreSign(s, "↓"))
		}
		b.WriteString("\n" + m.reviewFoot(w))
	}
	if said := m.said(w); said != "" {
		b.WriteString("\n" + said)
	}
	return b.String()
}

// said is the notice, or else the quiet news, under a step.
func (m *reflectScreen) said(w int) string {
	s := m.c.Styles
	if m.notice != "" {
		return wrap(s.Notice, m.notice, w)
	}
	if m.status != "" {
		return s.Muted.Render(m.status)
	}
	return ""
}

// compactQuestion is a question on a short window: the progress, the
// question on one line, the box, and the status or notice on one line.
func (m *reflectScreen) compactQuestion(w int) string {
	s := m.c.Styles
	q := m.set.Questions[m.step().question]
	said := s.Muted.Render(oneLine(m.status, w))
	if m.notice != "" {
		said = s.Notice.Render(oneLine(m.notice, w))
	}
	return ansi.Truncate(m.progress(), w, "…") + "\n" + s.Question.Render(oneLine(q.Text, w)) + "\n" +
		m.answers[m.step().question].View() + "\n" + said
}

// finishQuestion asks, calmly, whether to finish with questions unanswered.
func (m *reflectScreen) finishQuestion(w int) string {
	s := m.c.Styles
	n, of := m.unanswered(), len(m.set.Questions)
	var open string
	switch {
	case of == 1:
		open = "The question has no answer yet"
	case n == of:
		open = fmt.Sprintf("None of the %d questions has an answer yet", of)
	case n == 1:
		open = fmt.Sprintf("1 of the %d questions has no answer yet", of)
	default:
		open = fmt.Sprintf("%d of the %d questions have no answer yet", n, of)
	}
	var b strings.Builder
	b.WriteString(s.Question.Render("Finish and save it now?") + "\n\n")
	b.WriteString(wrap(s.Text, open+", and that's all right: it can be saved as it is, and you can add to it later with failup edit.", w) + "\n\n")
	b.WriteString(wrap(s.Muted, "Press y or enter to finish and save it, or n or esc to go back to your answer; until then, it stays a draft.", w))
	return b.String()
}

// progress is the line of dots with "3 of 9".
func (m *reflectScreen) progress() string {
	s := m.c.Styles
	var dots []string
	for i := range m.steps {
		switch {
		case i < m.cur:
			dots = append(dots, s.DotDone.Render("●"))
		case i == m.cur:
			dots = append(dots, s.DotCurrent.Render("◉"))
		default:
			dots = append(dots, s.DotTodo.Render("○"))
		}
	}
	return strings.Join(dots, " ") + "  " + s.Muted.Render(fmt.Sprintf("%d of %d", m.cur+1, len(m.steps)))
}

// fillReview puts the review in its viewport, as tall as the window leaves
// room for under the progress and over the line that says how to save (a
// blank line or "↓ more" before it, and the news after).
func (m *reflectScreen) fillReview(w int) {
	content := m.review(w)
	room := m.c.BodyHeight() - 2 - 1 - lipgloss.Height(m.reviewFoot(w))
	if said := m.said(w); said != "" {
		room -= lipgloss.Height(said)
	}
	m.reviewed.SetWidth(w)
	m.reviewed.SetHeight(max(min(lipgloss.Height(content), room), 3))
	m.reviewed.SetContent(content)
}

// reviewFoot says how to save, under the review.
func (m *reflectScreen) reviewFoot(w int) string {
	s := m.c.Styles
	return wrap(s.Muted, s.Accent.Render("Press enter to save it.")+" shift+tab goes back to change anything.", w)
}

// review summarises the reflection before it is saved, whole: each answer,
// the lesson and what to try under their names, wrapped and indented.
func (m *reflectScreen) review(w int) string {
	s := m.c.Styles
	e := m.entry()
	title := e.Title
	if strings.TrimSpace(title) == "" {
		title = "(no title yet)"
	}
	var b strings.Builder
	day := m.c.day(e.OccurredOn)
	b.WriteString(s.Heading.Render(oneLine(title, w-2-lipgloss.Width(day))) + "  " + s.Muted.Render(day) + "\n\n")
	whole := func(text string) string {
		return clip(s.Text, text, w, math.MaxInt, s.Muted.Render("  (not answered)"))
	}
	for _, a := range e.Answers {
		b.WriteString(s.Label.Render(oneLine(a.Question, w)) + "\n" + whole(a.Text) + "\n")
	}
	if e.Lesson != "" {
		b.WriteString(s.Label.Render("Lesson") + "\n" + whole(e.Lesson) + "\n")
	}
	if len(e.Tags) > 0 {
		b.WriteString(hanging(s.Text, s.Label.Render("Tags  ")+termtext.Line(strings.Join(e.Tags, ", ")), w) + "\n")
	}
	if len(e.Skills) > 0 {
		skills := make([]string, len(e.Skills))
		for i, sk := range e.Skills {
			skills[i] = sk.Label()
		}
		b.WriteString(hanging(s.Text, s.Label.Render("Skills  ")+strings.Join(skills, ", "), w) + "\n")
	}
	var facts []string
	if e.Severity != nil {
		facts = append(facts, fmt.Sprintf("size %d of 5", *e.Severity))
	}
	if e.Confidence != nil {
		facts = append(facts, fmt.Sprintf("confidence %d of 10", *e.Confidence))
	}
	if len(facts) > 0 {
		b.WriteString(wrap(s.Muted, termtext.Line(strings.Join(facts, " · ")), w) + "\n")
	}
	if f := e.Followup; f != nil {
		b.WriteString(s.Label.Render("I will try") + "  " + s.Muted.Render(oneLine("failup asks on "+m.c.day(f.DueOn), w-12)) + "\n" + whole(f.Commitment) + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// hanging wraps text to width, the rows after the first indented two
// spaces under it.
func hanging(style lipgloss.Style, text string, width int) string {
	rows := strings.Split(ansi.Wordwrap(text, max(width, 3), ""), "\n")
	if len(rows) > 1 {
		rest := strings.Split(ansi.Wordwrap(strings.Join(rows[1:], " "), max(width-2, 1), ""), "\n")
		for i, r := range rest {
			rest[i] = "  " + style.Render(r)
		}
		rows = append([]string{style.Render(rows[0])}, rest...)
	} else {
		rows[0] = style.Render(rows[0])
	}
	return strings.Join(rows, "\n")
}

// wrap renders text in style, wrapped to width.
func wrap(style lipgloss.Style, text string, width int) string {
	return style.Width(width).Render(text)
}
