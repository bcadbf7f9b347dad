package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/failup/failup/internal/journal"
)

// The fields of the details step, in tab order.
const (
	fieldTags = iota
	fieldSkills
	fieldSeverity
	fieldConfidence
	detailFields
)

// detailsForm holds the optional details: tags (completed from tags already
// used), skills, severity and confidence.
type detailsForm struct {
	c           *Common
	field       int
	tags        textinput.Model
	knownTags   []string
	skills      map[journal.Skill]bool
	skillCursor int
	// skillColumns is how many columns the skills were last drawn in: the
	// arrows move the way the grid looks.
	skillColumns int
	severity     int // 0: not given
	confidence   int // 0: not given
}

func newDetailsForm(c *Common) detailsForm {
	return detailsForm{
		c:            c,
		tags:         newInput(c, "e.g. family, health", 0),
		skills:       map[journal.Skill]bool{},
		skillColumns: 3,
	}
}

func (f *detailsForm) load(e journal.Entry) {
	f.tags.SetValue(strings.Join(e.Tags, ", "))
	for _, s := range e.Skills {
		f.skills[s] = true
	}
	f.severity, f.confidence = deref(e.Severity), deref(e.Confidence)
}

func (f *detailsForm) apply(e *journal.Entry) {
	e.Tags = journal.SplitTags(f.tags.Value())
	e.Skills = nil
	for _, s := range journal.Skills {
		if f.skills[s] {
			e.Skills = append(e.Skills, s)
		}
	}
	e.Severity, e.Confidence = optional(f.severity), optional(f.confidence)
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func optional(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func (f *detailsForm) setKnownTags(tags []string) {
	f.knownTags = tags
	f.suggestTags()
}

// suggestTags offers completions for the tag being typed after the last comma.
func (f *detailsForm) suggestTags() {
	value := f.tags.Value()
	cut := strings.LastIndex(value, ",") + 1
	typed := strings.ToLower(strings.TrimSpace(value[cut:]))
	if typed == "" {
		f.tags.SetSuggestions(nil)
		f.tags.ShowSuggestions = false
		return
	}
	prefix := value[:cut]
	if cut > 0 {
		prefix += " "
	}
	var suggestions []string
	for _, t := range f.knownTags {
		if strings.HasPrefix(strings.ToLower(t), typed) {
			suggestions = append(suggestions, prefix+t)
		}
	}
	f.tags.ShowSuggestions = true
	f.tags.SetSuggestions(suggestions)
}

// focus puts the cursor in field n.
func (f *detailsForm) focus(n int) tea.Cmd {
	f.field = n
	if n == fieldTags {
		return f.tags.Focus()
	}
	f.tags.Blur()
	return nil
}

// typing reports whether keys go into the tags field.
func (f *detailsForm) typing() bool { return f.field == fieldTags }

// leaving says whether a key moves to the field above (-1) or below (+1):
// ↑ and ↓ do, except inside the skills, where they move up and down the
// rows of the grid until its top or bottom.
func (f *detailsForm) leaving(press tea.KeyPressMsg) int {
	up, down := key.Matches(press, f.c.Keys.ArrowUp), key.Matches(press, f.c.Keys.ArrowDown)
	switch {
	case f.field == fieldSkills && up && f.skillCursor-f.skillColumns >= 0,
		f.field == fieldSkills && down && f.skillBelow() >= 0:
		return 0
	case up && f.field > 0:
		return -1
	case down && f.field < detailFields-1:
		return 1
	}
	return 0
}

// skillBelow is the skill ↓ moves to from the one under the cursor: the one
// below it, or, when the row below is shorter, that row's last; -1 on the
// grid's last row.
func (f *detailsForm) skillBelow() int {
	next := (f.skillCursor/f.skillColumns + 1) * f.skillColumns // the next row's first
	if next >= len(journal.Skills) {
		return -1
	}
	return min(f.skillCursor+f.skillColumns, len(journal.Skills)-1)
}

// update handles a key inside the form; changed reports an edit worth saving.
func (f *detailsForm) update(msg tea.Msg) (cmd tea.Cmd, changed bool) {
	k := f.c.Keys
	press, isKey := msg.(tea.KeyPressMsg)
	switch f.field {
	case fieldTags:
		before := f.tags.Value()
		f.tags, cmd = f.tags.Update(msg)
		if f.tags.Value() != before {
			f.suggestTags()
			changed = true
		}
		return cmd, changed
	case fieldSkills:
		switch {
		case !isKey:
		case key.Matches(press, k.Up) && f.skillCursor-f.skillColumns >= 0:
			f.skillCursor -= f.skillColumns
		case key.Matches(press, k.Down) && f.skillBelow() >= 0:
			f.skillCursor = f.skillBelow()
		case key.Matches(press, k.Left) && f.skillCursor%f.skillColumns > 0:
			f.skillCursor--
		case key.Matches(press, k.Right) && f.skillCursor%f.skillColumns < f.skillColumns-1 && f.skillCursor+1 < len(journal.Skills):
			f.skillCursor++
		case key.Matches(press, k.Toggle), key.Matches(press, k.Open):
			s := journal.Skills[f.skillCursor]
			f.skills[s] = !f.skills[s]
			changed = true
		}
	case fieldSeverity:
		changed = isKey && adjust(&f.severity, press, k, 5)
	case fieldConfidence:
		changed = isKey && adjust(&f.confidence, press, k, 10)
	}
	return nil, changed
}

// adjust moves a 1..top scale with ←/→, or sets it with a digit (0 means 10
// on a scale of ten, and "not given" on a scale of five).
func adjust(v *int, press tea.KeyPressMsg, k KeyMap, top int) bool {
	switch {
	case key.Matches(press, k.Left):
		*v = max(*v-1, 0)
	case key.Matches(press, k.Right):
		*v = min(*v+1, top)
	case len(press.Text) == 1 && press.Text[0] >= '0' && press.Text[0] <= '9':
		n := int(press.Text[0] - '0')
		if n == 0 && top == 10 {
			n = 10
		}
		if n > top {
			return false
		}
		*v = n
	case key.Matches(press, k.Clear):
		*v = 0
	default:
		return false
	}
	return true
}

func (f *detailsForm) view(width int) string {
	s := f.c.Styles
	var b strings.Builder
	label := func(n int, text string) {
		style := s.Label
		if f.field == n {
			style = s.Selected
		}
		b.WriteString(style.Render(text) + "\n")
	}

	label(fieldTags, "Tags")
	f.tags.SetWidth(width - 4)
	b.WriteString(inputView(f.tags) + "\n")
	if f.field == fieldTags && len(f.knownTags) > 0 {
		b.WriteString(s.Muted.Render("  → completes a tag you have used before") + "\n")
	} else {
		b.WriteString("\n")
	}

	label(fieldSkills, "Skills it exercised")
	columns, widths := skillGrid(width)
	f.skillColumns = columns
	for i, sk := range journal.Skills {
		box := "[ ]"
		if f.skills[sk] {
			box = "[x]"
		}
		mark, style := "  ", s.Text
		switch {
		case f.field == fieldSkills && i == f.skillCursor:
			mark, style = "› ", s.Selected
		case f.skills[sk]:
			style = s.Accent
		}
		b.WriteString(style.Render(fmt.Sprintf("%s%s %-*s", mark, box, widths[i%columns], sk.Label())))
		if i%columns == columns-1 || i == len(journal.Skills)-1 {
			b.WriteString("\n")
		} else {
			b.WriteString("  ")
		}
	}
	b.WriteString("\n")

	// A scale shows the cursor as a skill does: ↓ from the skills lands here.
	cursor := func(n int) string {
		if f.field == n {
			return s.Selected.Render("› ")
		}
		return "  "
	}
	label(fieldSeverity, "How big a setback")
	b.WriteString(cursor(fieldSeverity) + scale(s, f.severity, 5, "small", "huge") + "\n\n")
	label(fieldConfidence, "Confidence right now")
	b.WriteString(cursor(fieldConfidence) + scale(s, f.confidence, 10, "low", "high"))
	return b.String()
}

// skillGrid lays the skills out in as many columns as fit in width, up to
// three, in reading order: how many, and the width of each column's labels.
func skillGrid(width int) (columns int, widths []int) {
	for columns = 3; columns > 1; columns-- {
		widths = make([]int, columns)
		for i, sk := range journal.Skills {
			widths[i%columns] = max(widths[i%columns], len(sk.Label()))
		}
		need := 2 * (columns - 1) // between the columns
		for _, w := range widths {
			need += len("› [ ] ") + w
		}
		if need <= width {
			return columns, widths
		}
	}
	widths = []int{0}
	for _, sk := range journal.Skills {
		widths[0] = max(widths[0], len(sk.Label()))
	}
	return 1, widths
}

// scale draws a value on a 1..top scale as dots, or "not given".
func scale(s Styles, v, top int, low, high string) string {
	dots := s.Accent.Render(strings.Repeat("● ", v)) + s.Rule.Render(strings.Repeat("○ ", top-v))
	value := s.Muted.Render("not given")
	if v > 0 {
		value = s.Text.Render(fmt.Sprintf("%d of %d", v, top))
	}
	return fmt.Sprintf("%s %s  %s", s.Muted.Render(low), dots+s.Muted.Render(high), value)
}
