package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key failup's screens answer to. Screens enable the bindings
// that work in their current state, so help only shows what works now.
type KeyMap struct {
	Next    key.Binding
	Prev    key.Binding
	Save    key.Binding
	Back    key.Binding
	Help    key.Binding
	Quit    key.Binding
	Editor  key.Binding
	Up      key.Binding
	Down    key.Binding
	Left    key.Binding
	Right   key.Binding
	Toggle  key.Binding
	Open    key.Binding
	New     key.Binding
	Resume  key.Binding
	Discard key.Binding
	Home    key.Binding
}

// DefaultKeyMap follows CONTRACT.md's keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next")),
		Prev:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Save:    key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Back:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Help:    key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?", "help")),
		Quit:    key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Editor:  key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "editor")),
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Left:    key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "less")),
		Right:   key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "more")),
		Toggle:  key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "tick")),
		Open:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		New:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new reflection")),
		Resume:  key.NewBinding(key.WithKeys("r", "enter"), key.WithHelp("r", "resume")),
		Discard: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "discard it")),
		Home:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "home")),
	}
}

// helpKeys is a key.Map for the help view built from a screen's bindings.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }
