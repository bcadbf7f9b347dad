package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

// themeScreen lists the entries that show one theme, newest first, each with
// the words that made it, highlighted.
type themeScreen struct {
	c       *Common
	theme   insight.Theme
	entries map[int64]journal.Entry
	rows    []insight.Evidence // newest first
	cursor  int
}

func newThemeScreen(c *Common, th insight.Theme, entries []journal.Entry) *themeScreen {
	m := &themeScreen{c: c, theme: th, entries: make(map[int64]journal.Entry, len(th.Entries))}
	in := make(map[int64]bool, len(th.Entries))
	for _, id := range th.Entries {
		in[id] = true
	}
	for _, e := range entries {
		if in[e.ID] {
			m.entries[e.ID] = e
		}
	}
	for i := len(th.Evidence) - 1; i >= 0; i-- {
		m.rows = append(m.rows, th.Evidence[i])
	}
	return m
}

func (m *themeScreen) Title() string { return "a pattern" }
func (m *themeScreen) Typing() bool  { return false }
func (m *themeScreen) Init() tea.Cmd { return nil }

func (m *themeScreen) Update(msg tea.Msg) (screen, tea.Cmd) {
	if press, ok := msg.(tea.KeyPressMsg); ok {
		k := m.c.Keys
		switch {
		case key.Matches(press, k.Back, k.Close):
			return m, pop
		case key.Matches(press, k.Up):
			m.cursor = max(m.cursor-1, 0)
		case key.Matches(press, k.Down):
			m.cursor = min(m.cursor+1, max(len(m.rows)-1, 0))
		case key.Matches(press, k.Open) && len(m.rows) > 0:
			return m, push(newDetailScreen(m.c, m.rows[m.cursor].EntryID))
		}
	}
	return m, nil
}

func (m *themeScreen) Help() helpKeys {
	k := m.c.Keys
	open := k.Open
	open.SetEnabled(len(m.rows) > 0)
	return helpKeys{short: []key.Binding{k.Up, k.Down, open, k.Back}, full: [][]key.Binding{{k.Up, k.Down, open}, {k.Back, k.Quit}}}
}

func (m *themeScreen) View() string {
	s := m.c.Styles
	w := m.c.BodyWidth()
	th := m.theme
	var b strings.Builder
	b.WriteString(s.Question.Render(oneLine(th.Label, w)) + "\n")
	why := fmt.Sprintf("%d entries from %s to %s · %s · found by %s",
		th.Count, th.FirstSeen, th.LastSeen, trendLabel(th.Trend), sourceWords[th.Source])
	b.WriteString(wrap(s.Muted, why, w) + "\n")
	b.WriteString(wrap(s.Label, "words: "+termtext.Line(strings.Join(th.Terms[:min(len(th.Terms), 8)], ", ")), w) + "\n\n")
	const perRow = 2
	visible := max((m.c.BodyHeight()-lipgloss.Height(b.String()))/perRow, 1)
	top := max(m.cursor-visible+1, 0)
	for i := top; i < min(top+visible, len(m.rows)); i++ {
		ev := m.rows[i]
		e := m.entries[ev.EntryID]
		mark, style := "  ", s.Text
		if i == m.cursor {
			mark, style = s.Selected.Render("› "), s.Selected
		}
		b.WriteString(mark + s.Muted.Render(e.OccurredOn.Time().Format("02 Jan 2006")) + "  " + style.Render(oneLine(e.Title, w-16)) + "\n")
		b.WriteString("    " + evidenceSnippet(s, e, ev, w-4) + "\n")
	}
	return b.String()
}

var sourceWords = map[insight.Source]string{
	insight.SourceLexicon:         "the pattern lexicon",
	insight.SourceRecurringPhrase: "words you keep using",
	insight.SourceName:            "a name you keep mentioning",
}

// evidenceSnippet is the text around an entry's first hit, the hit words
// highlighted.
func evidenceSnippet(s Styles, e journal.Entry, ev insight.Evidence, width int) string {
	if len(ev.Hits) == 0 {
		return ""
	}
	first := ev.Hits[0]
	text := insight.FieldText(e, first.Field)
	var b strings.Builder
	start := max(first.Start-width/3, 0)
	// Start on a rune boundary, after a space where there is one near.
	for start > 0 && start < len(text) && text[start]&0xC0 == 0x80 {
		start--
	}
	if i := strings.IndexByte(text[start:first.Start], ' '); start > 0 && i >= 0 {
		start += i + 1
	}
	if start > 0 {
		b.WriteString("…")
	}
	at := start
	for _, h := range ev.Hits {
		if h.Field != first.Field || h.Start < at || h.End > len(text) {
			continue
		}
		b.WriteString(text[at:h.Start] + store.MatchStart + text[h.Start:h.End] + store.MatchEnd)
		at = h.End
	}
	b.WriteString(text[at:])
	return highlight(s, b.String(), width)
}
