package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key failup's screens answer to. Screens enable the bindings
// that work in their current state, so help only shows what works now.
type KeyMap struct {
	Next    key.Binding
	Prev    key.Binding
	Save    key.Binding
	Back    key.Binding
	Close   key.Binding // q, beside esc, on screens that take no typing
	Help    key.Binding
	HelpKey key.Binding // the help key that still works while typing
	Quit    key.Binding
	Editor  key.Binding
	Up      key.Binding
	Down    key.Binding
	// ArrowUp and ArrowDown move where k and j are letters being typed.
	ArrowUp   key.Binding
	ArrowDown key.Binding
	PageUp    key.Binding
	PageDown  key.Binding
	First     key.Binding
	Last      key.Binding
	Left      key.Binding
	Right     key.Binding
	Toggle    key.Binding
	Clear     key.Binding // empties a scale: "not given"
	Open      key.Binding
	New       key.Binding
	Resume    key.Binding
	Discard   key.Binding
	Home      key.Binding
	Yes       key.Binding // confirms what a screen asked; any other key keeps things as they are
	No        key.Binding // declines, where a screen asks and other keys are ignored
	Edit      key.Binding
	Delete    key.Binding
	Search    key.Binding
	Export    key.Binding
	Followups key.Binding
	CheckIn   key.Binding
	Snooze    key.Binding
	SetAside  key.Binding
	Again     key.Binding
	// Corrections to a theme of the patterns.
	Rename      key.Binding
	Dismiss     key.Binding
	Merge       key.Binding
	Words       key.Binding
	RemoveEntry key.Binding
	Restore     key.Binding // brings back a dismissed theme
	Undo        key.Binding
}

// DefaultKeyMap is the keys the README lists for each screen.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Next:      key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next")),
		Prev:      key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Save:      key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Close:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "back")),
		Help:      key.NewBinding(key.WithKeys("?", "f1"), key.WithHelp("?", "help")),
		HelpKey:   key.NewBinding(key.WithKeys("f1"), key.WithHelp("f1", "help")),
		Quit:      key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Editor:    key.NewBinding(key.WithKeys("ctrl+e"), key.WithHelp("ctrl+e", "editor")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		ArrowUp:   key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "up")),
		ArrowDown: key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		First:     key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "first")),
		Last:      key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "last")),
		Left:      key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "less")),
		Right:     key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "more")),
		Toggle:    key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "tick")),
		Clear:     key.NewBinding(key.WithKeys("backspace", "delete"), key.WithHelp("backspace", "not given")),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		New:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new reflection")),
		Resume:    key.NewBinding(key.WithKeys("r", "enter"), key.WithHelp("r", "resume")),
		Discard:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "discard it")),
		Home:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "home")),
		Yes:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "no")),
		Edit:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Delete:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		Search:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search words")),
		Export:    key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "export")),
		Followups: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "things to try")),
		CheckIn:   key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "check in")),
		Snooze:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "ask me later")),
		SetAside:  key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "set it aside")),
		Again:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reflect on this attempt")),

		Rename:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "rename")),
		Dismiss:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "dismiss")),
		Merge:       key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "merge another in")),
		Words:       key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "add words")),
		RemoveEntry: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "take entry out")),
		Restore:     key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "bring back a dismissed theme")),
		Undo:        key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
	}
}

// pagesKey and endsKey name PageUp and PageDown, and First and Last, as one
// line each of a list's full help.
var (
	pagesKey = key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", "page"))
	endsKey  = key.NewBinding(key.WithKeys("home", "end"), key.WithHelp("home/end", "first/last"))
)

// helpKeys is a key.Map for the help view built from a screen's bindings.
type helpKeys struct {
	short []key.Binding
	full  [][]key.Binding
}

func (h helpKeys) ShortHelp() []key.Binding  { return h.short }
func (h helpKeys) FullHelp() [][]key.Binding { return h.full }

// confirmKeys is the help while a screen asks a yes-or-no question: y does
// what, any other key keeps things as they are.
func confirmKeys(k KeyMap, what string) helpKeys {
	yes := k.Yes
	yes.SetHelp("y", what)
	no := key.NewBinding(key.WithKeys("n"), key.WithHelp("any other key", "keep it"))
	return helpKeys{short: []key.Binding{yes, no}, full: [][]key.Binding{{yes, no}}}
}
