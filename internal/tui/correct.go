package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

// corrector is how the patterns screen and a pattern's page correct a
// theme: it asks what it needs at the top of the screen (a new name, words
// of the person's own, the theme to merge in, the dismissed theme to bring
// back), saves the correction through the core, says what it did and, until
// the next key, offers to take it back.
type corrector struct {
	c     *Common
	mode  correcting
	theme insight.Theme
	input textinput.Model
	// others are the themes a merge can fold in; dismissed, those a
	// restore can bring back; pick is the one chosen.
	others    []insight.Theme
	dismissed []app.DismissedTheme
	pick      int
	// top is the first of them on screen: the list scrolls to keep pick
	// in view.
	top int
	// restores is set where b brings back a dismissed theme: on the list
	// of patterns, which reads them.
	restores bool
	// said is what the last correction did, and offer what it says of u
	// after it ("" when u cannot take that correction back). undo holds the
	// changes made here that can be taken back, the latest last: u takes
	// them back one at a time, newest first.
	said  string
	offer string
	undo  []change
	err   error
}

// change is what u takes back of one correction: the corrections it
// saved (made) or those it took back (restored), never both; back says
// what taking it back did, given the theme's name as it is then (label,
// when the theme is no longer found).
type change struct {
	made, restored []journal.Correction
	label          string
	back           func(label string) string
}

func (c change) empty() bool { return len(c.made) == 0 && len(c.restored) == 0 }

type correcting int

const (
	notCorrecting correcting = iota
	renaming
	wording
	merging
	restoring
)

// correctedMsg says a correction was saved (or taken back): the screens
// read the patterns again, and the corrector that made it (by) says so.
type correctedMsg struct {
	by    *corrector
	said  string
	theme string // the key of the theme corrected
	// renamed is the theme's new name, when it was renamed.
	renamed string
	undo    change
	// tookBack is set when u took a change back.
	tookBack bool
	err      error
}

// othersMsg brings the themes a merge can fold in.
type othersMsg struct {
	themes []insight.Theme
	err    error
}

func newCorrector(c *Common) corrector {
	return corrector{c: c, input: newInput(c, "", journal.MaxLabelLen)}
}

// active reports whether keys go to the corrector: it is asking something.
func (k *corrector) active() bool { return k.mode != notCorrecting }

// Typing reports whether keys are going into its text field.
func (k *corrector) Typing() bool { return k.mode == renaming || k.mode == wording }

// start begins the correction key asks for on th (none when th is the zero
// Theme: only undo works); entry is the entry under the cursor of a
// pattern's page (0 elsewhere). ok is false when key is not a correction's.
func (k *corrector) start(msg tea.KeyPressMsg, th insight.Theme, entry int64) (cmd tea.Cmd, ok bool) {
	keys := k.c.Keys
	k.err = nil
	// What was said holds until the next key.
	k.said, k.offer = "", ""
	switch {
	case key.Matches(msg, keys.Undo):
		if len(k.undo) == 0 {
			k.said = "Nothing to undo."
			return nil, true
		}
		last := k.undo[len(k.undo)-1]
		k.undo = k.undo[:len(k.undo)-1]
		return k.takeBack(last), true
	case key.Matches(msg, keys.Restore) && k.restores:
		if len(k.dismissed) == 0 {
			k.said = "No theme is dismissed."
			return nil, true
		}
		k.mode, k.pick, k.top = restoring, 0, 0
		return nil, true
	case th.Key == "": // no theme to correct
	case key.Matches(msg, keys.Rename):
		k.ask(renaming, th, "new name › ", th.Label)
		return textinput.Blink, true
	case key.Matches(msg, keys.Words):
		k.ask(wording, th, "words › ", "")
		k.input.Placeholder = "words that mean this to you, with commas between"
		return textinput.Blink, true
	case key.Matches(msg, keys.Merge):
		k.mode, k.theme, k.others, k.pick, k.top = merging, th, nil, 0, 0
		c := k.c
		return func() tea.Msg {
			r, err := c.Journal.PatternsSummary(c.Ctx)
			return othersMsg{themes: slices.DeleteFunc(r.Themes, func(o insight.Theme) bool { return o.Key == th.Key }), err: err}
		}, true
	case key.Matches(msg, keys.Dismiss):
		return k.save(app.CorrectionInput{Kind: journal.CorrectDismiss, Theme: th.Key}, th,
			fmt.Sprintf("Dismissed “%s”: not a pattern for you.", th.Label),
			func(label string) string { return fmt.Sprintf("“%s” is back among your patterns.", label) }), true
	case key.Matches(msg, keys.RemoveEntry) && entry != 0:
		return k.save(app.CorrectionInput{Kind: journal.CorrectRemove, Theme: th.Key, EntryID: entry}, th,
			fmt.Sprintf("Took entry %d out of “%s”.", entry, th.Label),
			func(label string) string { return fmt.Sprintf("Put entry %d back into “%s”.", entry, label) }), true
	}
	return nil, false
}

// setDismissed is the themes b can bring back, read anew; the one chosen
// stays within them.
func (k *corrector) setDismissed(list []app.DismissedTheme) {
	k.dismissed = list
	k.pick = min(k.pick, max(len(list)-1, 0))
	if k.mode == restoring && len(list) == 0 {
		k.mode = notCorrecting
	}
}

func (k *corrector) ask(mode correcting, th insight.Theme, prompt, value string) {
	k.mode, k.theme = mode, th
	k.input.Prompt = prompt
	k.input.Placeholder = ""
	k.input.SetValue(value)
	k.input.CursorEnd()
	k.input.Focus()
}

// Update handles the keys while the corrector asks, and its messages.
func (k *corrector) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case othersMsg:
		if k.mode == merging {
			k.others, k.err = msg.themes, msg.err
			if len(k.others) == 0 && k.err == nil {
				k.mode, k.said = notCorrecting, "There is no other theme to merge with."
			}
		}
		return nil
	case correctedMsg:
		if msg.by != k { // said on another screen, and kept there
			return nil
		}
		k.err = msg.err
		// A correction made can be taken back; one that could not be taken
		// back stays to be tried again.
		if !msg.undo.empty() {
			k.undo = append(k.undo, msg.undo)
		}
		if msg.err == nil {
			k.said, k.offer = msg.said, ""
			switch {
			case !msg.undo.empty():
				k.offer = " u takes it back."
			case msg.tookBack && len(k.undo) > 0:
				k.offer = " u takes back the one before."
			}
		}
		return nil
	case tea.BackgroundColorMsg:
		restyle(k.c.Styles, []*textinput.Model{&k.input})
		return nil
	case tea.KeyPressMsg:
		return k.key(msg)
	}
	if k.Typing() {
		var cmd tea.Cmd
		k.input, cmd = k.input.Update(msg)
		return cmd
	}
	return nil
}

func (k *corrector) key(msg tea.KeyPressMsg) tea.Cmd {
	keys := k.c.Keys
	if key.Matches(msg, keys.Back) {
		k.mode = notCorrecting
		k.input.Blur()
		return nil
	}
	th := k.theme
	switch k.mode {
	case restoring:
		if key.Matches(msg, keys.Open) {
			d := k.dismissed[k.pick]
			k.mode = notCorrecting
			return k.restore(d)
		}
		k.movePick(msg)
		return nil
	case merging:
		switch {
		case !key.Matches(msg, keys.Open):
			k.movePick(msg)
		case len(k.others) > 0:
			other := k.others[k.pick]
			k.mode = notCorrecting
			return k.save(app.CorrectionInput{Kind: journal.CorrectMerge, Theme: th.Key, From: other.Key}, th,
				fmt.Sprintf("Merged “%s” into “%s”.", other.Label, th.Label),
				func(string) string { return fmt.Sprintf("“%s” is a theme of its own again.", other.Label) })
		}
		return nil
	case renaming, wording:
		if key.Matches(msg, keys.Open) {
			value := strings.TrimSpace(k.input.Value())
			mode := k.mode
			k.mode = notCorrecting
			k.input.Blur()
			switch {
			case value == "" && mode == renaming:
				k.said = fmt.Sprintf("An empty name is no name: it is still “%s”.", th.Label)
				return nil
			case value == "":
				k.said = "No words given, so nothing changed."
				return nil
			}
			if mode == renaming {
				return k.save(app.CorrectionInput{Kind: journal.CorrectRename, Theme: th.Key, Label: value}, th,
					fmt.Sprintf("“%s” is now “%s”; r renames it again.", th.Label, value), nil)
			}
			words := strings.Split(value, ",")
			return k.save(app.CorrectionInput{Kind: journal.CorrectWords, Theme: th.Key, Words: words}, th,
				fmt.Sprintf("Entries that use %s now join “%s”.", quoteList(words), th.Label),
				func(label string) string { return fmt.Sprintf("Took %s back from “%s”.", quoteList(words), label) })
		}
		var cmd tea.Cmd
		k.input, cmd = k.input.Update(msg)
		return cmd
	}
	return nil
}

// save makes the correction in, saying said once it is saved; back says
// what u did in taking it back (nil for a rename, which u does not take
// back).
func (k *corrector) save(in app.CorrectionInput, th insight.Theme, said string, back func(label string) string) tea.Cmd {
	c := k.c
	return func() tea.Msg {
		saved, err := c.Journal.Correct(c.Ctx, in)
		if back == nil {
			saved = nil // renaming again is how a name is changed back
		}
		msg := correctedMsg{by: k, said: said, theme: th.Key, undo: change{made: saved, label: th.Label, back: back}, err: err}
		if in.Kind == journal.CorrectRename && err == nil {
			msg.renamed = in.Label
		}
		return msg
	}
}

// restore brings back the dismissed theme d, as failup patterns restore
// does.
func (k *corrector) restore(d app.DismissedTheme) tea.Cmd {
	c := k.c
	return func() tea.Msg {
		_, err := c.Journal.Correct(c.Ctx, app.CorrectionInput{Kind: journal.CorrectDismiss, Theme: d.Key, Undo: true})
		msg := correctedMsg{by: k, said: fmt.Sprintf("Brought back “%s”.", d.Name), theme: d.Key, err: err}
		if err == nil {
			msg.undo = change{restored: []journal.Correction{d.Dismissal},
				back: func(string) string { return fmt.Sprintf("“%s” is dismissed again.", d.Name) }}
		}
		return msg
	}
}

// takeBack takes back the change undo names, and says what it did with
// the theme's name as it is now (renamed since, perhaps).
func (k *corrector) takeBack(undo change) tea.Cmd {
	c := k.c
	return func() tea.Msg {
		if len(undo.restored) > 0 {
			if err := c.Journal.PutBack(c.Ctx, undo.restored); err != nil {
				return correctedMsg{by: k, err: err, undo: undo}
			}
			return correctedMsg{by: k, said: undo.back(""), theme: undo.restored[0].Theme, tookBack: true}
		}
		for i, u := range undo.made {
			if _, err := c.Journal.Uncorrect(c.Ctx, u.UID); err != nil {
				return correctedMsg{by: k, err: err, undo: change{made: undo.made[i:], label: undo.label, back: undo.back}}
			}
		}
		theme := undo.made[0].Theme
		label := undo.label
		if r, err := c.Journal.PatternsSummary(c.Ctx); err == nil {
			for _, th := range r.Themes {
				if th.Key == theme {
					label = th.Label
				}
			}
		}
		return correctedMsg{by: k, said: undo.back(label), theme: theme, tookBack: true}
	}
}

// View is what the corrector asks or says, or "" when it has nothing to.
func (k *corrector) View(w int) string {
	s := k.c.Styles
	switch {
	case k.err != nil:
		return wrap(s.Notice, sentence(k.err), w) + "\n"
	case k.Typing():
		// Without a width the field shows only its placeholder's first letter.
		k.input.SetWidth(max(1, w-lipgloss.Width(k.input.Prompt)-1))
		return k.input.View() + "\n" // the help line says enter saves and esc keeps it
	case k.picking():
		b := k.pickHeading(w)
		if k.mode == merging && k.others == nil {
			return b + waiting(s, "…") + "\n"
		}
		names := k.pickNames()
		shown := k.pickShown(len(names))
		first := min(max(min(k.top, len(names)-shown), k.pick-shown+1, 0), k.pick)
		for i := first; i < min(len(names), first+shown); i++ {
			mark, style := "  ", s.Text
			if i == k.pick {
				mark, style = s.Selected.Render("› "), s.Selected
			}
			b += mark + style.Render(oneLine(names[i], w-2)) + "\n"
		}
		if n := len(names); n > shown {
			more := " · ↓ for more"
			if first+shown >= n {
				more = ""
			}
			b += s.Muted.Render(oneLine(fmt.Sprintf("  %d–%d of %d themes%s", first+1, min(first+shown, n), n, more), w)) + "\n"
		}
		if k.mode == merging {
			return b + s.Muted.Render("enter merges · esc keeps them apart") + "\n"
		}
		return b + s.Muted.Render("enter brings it back · esc leaves them dismissed") + "\n"
	case k.said != "":
		return wrap(s.Good, k.said+k.offer, w) + "\n"
	}
	return ""
}

// Help is the keys that work now: while the corrector asks, only its own
// (asking is true); otherwise every correction key (full), enabled as they
// apply to a theme (th) and an entry under the cursor (entry), and the few
// the short help has room for.
func (k *corrector) Help(keys KeyMap, th, entry bool) (short, full []key.Binding, asking bool) {
	switch {
	case k.Typing():
		save := keys.Open
		save.SetHelp("enter", "save")
		cancel := keys.Back
		cancel.SetHelp("esc", "keep it")
		return []key.Binding{save, cancel}, []key.Binding{save, cancel}, true
	case k.mode == merging:
		short, full := pickHelp(keys, "merge", "keep apart")
		return short, full, true
	case k.mode == restoring:
		short, full := pickHelp(keys, "bring it back", "leave them")
		return short, full, true
	}
	rename, dismiss, merge, words, remove, restore, undo := keys.Rename, keys.Dismiss, keys.Merge, keys.Words, keys.RemoveEntry, keys.Restore, keys.Undo
	for _, b := range []*key.Binding{&rename, &dismiss, &merge, &words} {
		b.SetEnabled(th)
	}
	remove.SetEnabled(th && entry)
	// b and u always answer where they work, if only to say there is nothing
	// to bring back or take back: the full help lists them; the short one
	// offers u only when it has something to take back.
	restore.SetEnabled(k.restores)
	offer := undo
	offer.SetEnabled(len(k.undo) > 0)
	short = []key.Binding{rename, dismiss, offer}
	if entry {
		short = []key.Binding{remove, rename, offer}
	}
	return short, []key.Binding{rename, dismiss, merge, words, remove, restore, undo}, false
}

// quoteList is words as a person would list them: “a”, “b” and “c”.
func quoteList(words []string) string {
	var q []string
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			q = append(q, "“"+w+"”")
		}
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// pickHelp is the help of a list to pick a theme from: up, down, enter to
// do what is picked for, esc to leave it; the full help adds the pages and
// the ends of the list.
func pickHelp(keys KeyMap, pick, leave string) (short, full []key.Binding) {
	enter, esc := keys.Open, keys.Back
	enter.SetHelp("enter", pick)
	esc.SetHelp("esc", leave)
	return []key.Binding{keys.Up, keys.Down, enter, esc}, []key.Binding{keys.Up, keys.Down, pagesKey, endsKey, enter, esc}
}

// picking reports whether the corrector lists themes to pick one from:
// the themes to merge in, or those to bring back.
func (k *corrector) picking() bool { return k.mode == merging || k.mode == restoring }

// pickHeading is what a picker asks, over its list.
func (k *corrector) pickHeading(w int) string {
	s := k.c.Styles
	if k.mode == restoring {
		return s.Question.Render("Bring back which theme?") + "\n" +
			wrap(s.Hint, "You dismissed these: they are not among your patterns. Brought back, a theme shows again when your entries show it.", w) + "\n"
	}
	return s.Question.Render(oneLine(fmt.Sprintf("Merge which theme into “%s”?", k.theme.Label), w)) + "\n"
}

// pickNames is what a picker lists.
func (k *corrector) pickNames() []string {
	var names []string
	if k.mode == restoring {
		for _, d := range k.dismissed {
			names = append(names, d.Name)
		}
		return names
	}
	for _, o := range k.others {
		names = append(names, o.Label)
	}
	return names
}

// pickShown is how many of a picker's n themes show at once: those that
// fit under its heading and over its keys (and the line after them), less a
// row that says which show when they do not all fit.
func (k *corrector) pickShown(n int) int {
	room := k.c.BodyHeight() - strings.Count(k.pickHeading(k.c.BodyWidth()), "\n") - 2
	if n > room {
		room--
	}
	return max(room, 1)
}

// movePick moves the one chosen in a picker as msg asks, the way the other
// lists move: ↑/↓ by one, pgup/pgdn by a page (the list too), home/end to
// the first or the last, keeping it in view.
func (k *corrector) movePick(msg tea.KeyPressMsg) {
	keys := k.c.Keys
	n := len(k.pickNames())
	page := k.pickShown(n)
	switch {
	case key.Matches(msg, keys.Up):
		k.pick--
	case key.Matches(msg, keys.Down):
		k.pick++
	case key.Matches(msg, keys.PageUp):
		k.pick, k.top = k.pick-page, k.top-page
	case key.Matches(msg, keys.PageDown):
		k.pick, k.top = k.pick+page, k.top+page
	case key.Matches(msg, keys.First):
		k.pick = 0
	case key.Matches(msg, keys.Last):
		k.pick = n - 1
	}
	k.pick = min(max(k.pick, 0), max(n-1, 0))
	k.top = min(max(k.top, k.pick-page+1, 0), k.pick, max(n-page, 0))
}
