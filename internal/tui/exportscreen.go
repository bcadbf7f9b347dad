package tui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/termtext"
)

// The export screen's fields, in tab order.
const (
	exportWhat = iota
	exportSince
	exportUntil
	exportPath
	exportFields
)

var exportKinds = []string{"lessons only", "every entry"}

type (
	exportPreviewMsg struct {
		seq     int
		lines   []string
		cut     bool // the document goes on past lines
		entries int
		err     error
	}
	exportWrittenMsg struct {
		path string
		err  error
	}
)

// exportScreen writes lessons or whole entries to a Markdown file, with a
// date range, showing a preview of exactly what will be written.
type exportScreen struct {
	c       *Common
	field   int
	kind    int
	since   textinput.Model
	until   textinput.Model
	path    textinput.Model
	preview viewport.Model
	lines   []string
	cut     bool
	limit   int // how many lines of the document the preview asks for
	entries int
	seq     int
	// cancel stops the preview being made: a newer one replaces it, or the
	// person has left, and a large journal's export should not run on.
	cancel  context.CancelFunc
	wrapped int // the width the preview was last asked for at
	shown   int // the seq of the preview on screen: behind seq, a newer one is being made
	err     error
	notice  string
	replace bool // the file exists and the person has been told
	written string
}

func newExportScreen(c *Common, lessonsOnly bool) *exportScreen {
	m := &exportScreen{
		c:       c,
		since:   newInput(c, "the beginning", dayLimit),
		until:   newInput(c, "today", dayLimit),
		path:    newInput(c, "", 0),
		preview: viewport.New(),
		limit:   previewLines,
	}
	if !lessonsOnly {
		m.kind = 1
	}
	m.path.SetValue(m.defaultPath())
	m.layout()
	return m
}

func (m *exportScreen) defaultPath() string {
	name := "failup-lessons-" + string(m.c.today()) + ".md"
	if m.kind == 1 {
		name = "failup-journal-" + string(m.c.today()) + ".md"
	}
	return filepath.Join("~", name)
}

func (m *exportScreen) Title() string { return "export" }
func (m *exportScreen) Typing() bool  { return m.field != exportWhat && m.written == "" }

func (m *exportScreen) Init() tea.Cmd { return m.refresh() }

// request is the export as the choices stand, or why the dates typed cannot
// be used.
func (m *exportScreen) request() (app.ExportRequest, error) {
	f, err := m.c.Journal.ParseFilter(app.FilterInput{Since: strings.TrimSpace(m.since.Value()), Until: strings.TrimSpace(m.until.Value())})
	return app.ExportRequest{Filter: f, Format: app.Markdown, LessonsOnly: m.kind == 0}, err
}

// rangeProblem says what is wrong with the dates typed, naming the field as
// the screen does.
func rangeProblem(err error) string {
	var input *app.InputError
	if errors.As(err, &input) {
		if label, ok := map[string]string{"since": "From", "until": "Until"}[input.Field]; ok {
			return label + ": " + sentence(input.Err)
		}
	}
	return sentence(err)
}

// refresh starts the preview afresh as the choices stand.
func (m *exportScreen) refresh() tea.Cmd {
	m.limit = previewLines
	return m.render()
}

// render makes the preview: the first lines of the document, written as the
// file would be and stopped once the preview has what it shows.
func (m *exportScreen) render() tea.Cmd {
	m.seq++
	req, err := m.request()
	if err != nil {
		m.notice = rangeProblem(err)
		return nil
	}
	m.notice = ""
	m.stop()
	ctx, cancel := context.WithCancel(m.c.Ctx)
	seq, c := m.seq, m.c
	m.cancel = cancel
	m.wrapped = m.c.BodyWidth()
	p := &previewWriter{width: m.wrapped, limit: m.limit}
	return func() tea.Msg {
		defer cancel()
		n, err := c.Journal.Count(ctx, req.Filter)
		if err != nil {
			return exportPreviewMsg{seq: seq, err: err}
		}
		if _, err := c.Journal.WriteExport(ctx, p, req); err != nil && !errors.Is(err, errPreviewFull) {
			return exportPreviewMsg{seq: seq, err: err}
		}
		return exportPreviewMsg{seq: seq, lines: p.done(), cut: p.cut, entries: n}
	}
}

// stop stops the preview being made, if one is.
func (m *exportScreen) stop() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
}

// leave goes back, stopping the preview being made.
func (m *exportScreen) leave() tea.Cmd {
	m.stop()
	return pop
}

// more asks for a longer preview once the person has scrolled to the end of
// this one.
func (m *exportScreen) more() tea.Cmd {
	if !m.cut || !m.preview.AtBottom() || m.shown != m.seq {
		return nil
	}
	m.limit *= 2
	return m.render()
}

func (m *exportScreen) write() tea.Cmd {
	path, err := expandHome(strings.TrimSpace(m.path.Value()))
	if err != nil || path == "" {
		m.notice = "Give a file to write to."
		return nil
	}
	req, err := m.request()
	if err != nil {
		m.notice = rangeProblem(err)
		return nil
	}
	c, replace := m.c, m.replace
	return func() tea.Msg {
		_, err := c.Journal.ExportFile(c.Ctx, path, replace, req)
		return exportWrittenMsg{path: path, err: err}
	}
}

// expandHome turns a leading ~ into the home folder.
func expandHome(path string) (string, error) {
	if path != "~" && !strings.HasPrefix(path, "~/") {
		return path, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, path[1:]), nil
}

func (m *exportScreen) focus(n int) tea.Cmd {
	m.field = (n + exportFields) % exportFields
	for _, in := range []*textinput.Model{&m.since, &m.until, &m.path} {
		in.Blur()
	}
	switch m.field {
	case exportSince:
		return m.since.Focus()
	case exportUntil:
		return m.until.Focus()
	case exportPath:
		return m.path.Focus()
	}
	return nil
}

func (m *exportScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	switch msg := msg.(type) {
	case exportPreviewMsg:
		if msg.seq == m.seq {
			m.lines, m.cut, m.entries, m.err, m.shown = msg.lines, msg.cut, msg.entries, msg.err, msg.seq
			m.fill()
		}
	case exportWrittenMsg:
		if exists := (*app.ExistsError)(nil); errors.As(msg.err, &exists) {
			m.replace = true
			m.notice = "That file exists. Press ctrl+s again to replace it."
			return m, nil
		}
		if msg.err != nil {
			m.notice = "Not written: " + msg.err.Error() + "."
			return m, nil
		}
		m.written = msg.path
	case tea.WindowSizeMsg:
		m.layout()
		if m.c.BodyWidth() != m.wrapped {
			return m, m.render() // wrapped anew to the new width
		}
	case tea.BackgroundColorMsg:
		restyle(m.c.Styles, []*textinput.Model{&m.since, &m.until, &m.path})
		m.fill()
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	}
	return m, nil
}

// fill puts the preview's lines in the viewport, keeping where it was
// scrolled to.
func (m *exportScreen) fill() {
	lines := make([]string, len(m.lines), len(m.lines)+1)
	for i, l := range m.lines {
		lines[i] = m.c.Styles.Muted.Render(l)
	}
	if m.cut {
		lines = append(lines, m.c.Styles.Label.Render("… pgdn for more; the file holds it all."))
	}
	m.preview.SetContentLines(lines)
}

func (m *exportScreen) layout() {
	w := m.c.BodyWidth()
	m.preview.SetWidth(w)
	// The fields, the preview's label and its rule take seven rows.
	m.preview.SetHeight(max(m.c.BodyHeight()-7, 3))
	for _, in := range []*textinput.Model{&m.since, &m.until} {
		in.SetWidth(min(24, w-14))
	}
	m.path.SetWidth(w - 14)
}

func (m *exportScreen) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.c.Keys
	if m.written != "" {
		if key.Matches(msg, k.Back, k.Open, k.Close) {
			return m.leave()
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		return m.leave()
	case key.Matches(msg, k.Save):
		return m.write()
	case key.Matches(msg, k.Next):
		return m.focus(m.field + 1)
	case key.Matches(msg, k.Prev):
		return m.focus(m.field - 1)
	case key.Matches(msg, k.PageDown):
		m.preview.PageDown()
		return m.more()
	case key.Matches(msg, k.PageUp):
		m.preview.PageUp()
		return nil
	}
	if m.field == exportWhat {
		if key.Matches(msg, k.Left) || key.Matches(msg, k.Right) {
			suggested := m.path.Value() == m.defaultPath()
			m.kind = 1 - m.kind
			if suggested {
				m.path.SetValue(m.defaultPath())
			}
			return m.refresh()
		}
		if key.Matches(msg, k.Open) {
			return m.focus(m.field + 1)
		}
		return nil
	}
	if key.Matches(msg, k.Open) {
		return m.focus(m.field + 1)
	}
	in := map[int]*textinput.Model{exportSince: &m.since, exportUntil: &m.until, exportPath: &m.path}[m.field]
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	if in.Value() == before {
		return cmd
	}
	m.replace = false
	if m.field == exportPath {
		return cmd
	}
	return tea.Batch(cmd, m.refresh())
}

func (m *exportScreen) Help() helpKeys {
	k := m.c.Keys
	if m.written != "" {
		done := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done"))
		return helpKeys{short: []key.Binding{done}, full: [][]key.Binding{{done, k.Quit}}}
	}
	write := key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "write the file"))
	scroll := key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", "scroll preview"))
	return helpKeys{short: []key.Binding{k.Next, write, scroll, k.Back},
		full: [][]key.Binding{{k.Next, k.Prev, k.Left, k.Right}, {write, scroll, k.Back, k.Quit}}}
}

func (m *exportScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	if m.written != "" {
		return s.Good.Render("✓ Written") + "\n\n" + wrap(s.Text, m.written, w) + "\n\n" +
			wrap(s.Muted, "It holds exactly what the preview showed. It's private to you (mode 600).", w)
	}
	label := func(n int, text string) string {
		if m.field == n {
			return s.Selected.Render(fmt.Sprintf("%-10s", text))
		}
		return s.Label.Render(fmt.Sprintf("%-10s", text))
	}
	var b strings.Builder
	b.WriteString(label(exportWhat, "Export") + chips(s, exportKinds, m.kind) + "\n")
	b.WriteString(label(exportSince, "From") + m.since.View() + "\n")
	b.WriteString(label(exportUntil, "Until") + m.until.View() + "\n")
	b.WriteString(label(exportPath, "Write to") + m.path.View() + "\n\n")
	switch {
	case m.notice != "":
		b.WriteString(wrap(s.Notice, m.notice, w) + "\n")
	case m.err != nil:
		b.WriteString(wrap(s.Notice, "The preview can't be made: "+m.err.Error()+".", w) + "\n")
	case m.shown == 0:
		b.WriteString(waiting(s, "Preparing the preview…") + "\n")
	default:
		b.WriteString(s.Muted.Render("Preview · from "+termtext.Count(m.entries, "entry", "entries")) + "\n")
	}
	b.WriteString(s.Rule.Render(strings.Repeat("─", w)) + "\n")
	b.WriteString(m.preview.View())
	return b.String()
}
