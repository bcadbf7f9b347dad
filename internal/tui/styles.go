package tui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles is every style failup draws with, built once the terminal has said
// whether its background is dark.
type Styles struct {
	Brand      lipgloss.Style
	Screen     lipgloss.Style
	Heading    lipgloss.Style
	Question   lipgloss.Style
	Hint       lipgloss.Style
	Text       lipgloss.Style
	Muted      lipgloss.Style
	Accent     lipgloss.Style
	Label      lipgloss.Style
	Selected   lipgloss.Style
	Notice     lipgloss.Style // gentle: something needs attention, never an alarm
	Good       lipgloss.Style
	Match      lipgloss.Style // search terms inside text
	Rule       lipgloss.Style
	DotDone    lipgloss.Style
	DotCurrent lipgloss.Style
	DotTodo    lipgloss.Style

	Help      help.Styles
	TextArea  textarea.Styles
	TextInput textinput.Styles
}

// NewStyles builds the calm palette for a dark or light background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#2F6F73"), lipgloss.Color("#8CC7C9"))
	muted := ld(lipgloss.Color("#6C6C6C"), lipgloss.Color("#9A9A9A"))
	faint := ld(lipgloss.Color("#B8B8B8"), lipgloss.Color("#4A4A4A"))
	text := ld(lipgloss.Color("#262626"), lipgloss.Color("#E4E4E4"))
	warm := ld(lipgloss.Color("#9A5B13"), lipgloss.Color("#E6B070"))
	good := ld(lipgloss.Color("#2E6B34"), lipgloss.Color("#9CCB95"))

	s := Styles{
		Brand:      lipgloss.NewStyle().Foreground(accent).Bold(true),
		Screen:     lipgloss.NewStyle().Foreground(muted),
		Heading:    lipgloss.NewStyle().Foreground(text).Bold(true),
		Question:   lipgloss.NewStyle().Foreground(accent).Bold(true),
		Hint:       lipgloss.NewStyle().Foreground(muted).Italic(true),
		Text:       lipgloss.NewStyle().Foreground(text),
		Muted:      lipgloss.NewStyle().Foreground(muted),
		Accent:     lipgloss.NewStyle().Foreground(accent),
		Label:      lipgloss.NewStyle().Foreground(muted),
		Selected:   lipgloss.NewStyle().Foreground(accent).Bold(true),
		Notice:     lipgloss.NewStyle().Foreground(warm),
		Good:       lipgloss.NewStyle().Foreground(good),
		Match:      lipgloss.NewStyle().Foreground(accent).Bold(true).Underline(true),
		Rule:       lipgloss.NewStyle().Foreground(faint),
		DotDone:    lipgloss.NewStyle().Foreground(accent),
		DotCurrent: lipgloss.NewStyle().Foreground(accent).Bold(true),
		DotTodo:    lipgloss.NewStyle().Foreground(faint),
	}
	s.Help = help.DefaultStyles(isDark)
	s.Help.ShortKey = s.Help.ShortKey.Foreground(muted)
	s.Help.ShortDesc = s.Help.ShortDesc.Foreground(faintText(isDark))
	s.Help.FullKey = s.Help.FullKey.Foreground(accent)

	s.TextArea = textarea.DefaultStyles(isDark)
	s.TextArea.Focused.CursorLine = lipgloss.NewStyle().Foreground(text)
	s.TextArea.Focused.Prompt = lipgloss.NewStyle().Foreground(accent)
	s.TextArea.Focused.Text = lipgloss.NewStyle().Foreground(text)
	s.TextArea.Focused.Placeholder = lipgloss.NewStyle().Foreground(faint)
	s.TextArea.Blurred.Prompt = lipgloss.NewStyle().Foreground(faint)
	s.TextArea.Focused.EndOfBuffer = lipgloss.NewStyle()
	s.TextArea.Blurred.EndOfBuffer = lipgloss.NewStyle()
	s.TextArea.Cursor.Blink = false
	s.TextArea.Cursor.Color = accent

	s.TextInput = textinput.DefaultStyles(isDark)
	s.TextInput.Focused.Prompt = lipgloss.NewStyle().Foreground(accent)
	s.TextInput.Focused.Text = lipgloss.NewStyle().Foreground(text)
	s.TextInput.Focused.Placeholder = lipgloss.NewStyle().Foreground(faint)
	s.TextInput.Focused.Suggestion = lipgloss.NewStyle().Foreground(faint)
	s.TextInput.Blurred.Prompt = lipgloss.NewStyle().Foreground(faint)
	s.TextInput.Cursor.Blink = false
	s.TextInput.Cursor.Color = accent
	return s
}

func faintText(isDark bool) color.Color {
	return lipgloss.LightDark(isDark)(lipgloss.Color("#8A8A8A"), lipgloss.Color("#707070"))
}
