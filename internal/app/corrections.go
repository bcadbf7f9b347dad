package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

// CorrectionInput is a change the person asks for to one theme of their
// patterns. Theme (and From, for a merge) is a theme's key or its label as
// the patterns show it.
type CorrectionInput struct {
	Kind  journal.CorrectionKind
	Theme string
	// Label is the new name (rename).
	Label string
	// From is the theme folded into Theme (merge).
	From string
	// EntryID is the entry put in or taken out (add, remove).
	EntryID int64
	// Words are words that mean Theme for the person (words); with Undo,
	// those to take back.
	Words []string
	// Undo takes back the correction instead of making it: restores a
	// dismissed theme, takes back words.
	Undo bool
}

// ThemeNotFoundError says no theme of the patterns has a key or label, or,
// when Dismissed, that none the person dismissed has.
type ThemeNotFoundError struct {
	Theme     string
	Dismissed bool
}

func (e *ThemeNotFoundError) Error() string {
	if e.Dismissed {
		return fmt.Sprintf("no theme you dismissed is called %q", e.Theme)
	}
	return fmt.Sprintf("no theme is called %q", e.Theme)
}

// AlreadyInError says an entry to be put into a theme is in it already:
// nothing is saved, and nothing needs to be.
type AlreadyInError struct {
	EntryID int64
	Theme   string
}

func (e *AlreadyInError) Error() string {
	return fmt.Sprintf("entry %d is already in “%s”", e.EntryID, termtext.Line(e.Theme))
}

// CorrectionNotFoundError says no correction has a uid.
type CorrectionNotFoundError struct{ UID string }

func (e *CorrectionNotFoundError) Error() string {
	return fmt.Sprintf("no correction has the id %q", e.UID)
}

// Corrections lists the person's corrections to the patterns, oldest first.
func (c *Core) Corrections(ctx context.Context) ([]journal.Correction, error) {
	return c.store.Corrections(ctx)
}

// Correct makes (or, with in.Undo, takes back) a correction to the
// patterns, checked against the themes the whole journal shows now, and
// returns what it saved.
func (c *Core) Correct(ctx context.Context, in CorrectionInput) ([]journal.Correction, error) {
	if in.Kind == journal.CorrectDismiss && in.Undo {
		_, err := c.bringBack(ctx, in.Theme, false)
		return nil, err
	}
	r, err := c.Patterns(ctx, Filter{})
	if err != nil {
		return nil, err
	}
	saved, drop := []journal.Correction{}, []string{}
	now := c.now()
	th, err := findTheme(r, in.Theme)
	if err != nil {
		return nil, err
	}
	add := func(kind journal.CorrectionKind, target string) {
		saved = append(saved, journal.NewCorrection(kind, th.Key, target, now))
	}
	switch in.Kind {
	case journal.CorrectRename:
		label := strings.TrimSpace(in.Label)
		if label == "" {
			return nil, inputErrorf("", "the new name is empty; give the theme a few words of your own")
		}
		add(journal.CorrectRename, label)
	case journal.CorrectDismiss:
		add(journal.CorrectDismiss, "")
	case journal.CorrectMerge:
		from, err := findTheme(r, in.From)
		if err != nil {
			return nil, err
		}
		if from.Key == th.Key {
			return nil, inputErrorf("", "a theme cannot be merged with itself; name two different themes")
		}
		add(journal.CorrectMerge, from.Key)
	case journal.CorrectAdd, journal.CorrectRemove:
		e, err := c.Entry(ctx, in.EntryID)
		if err != nil {
			return nil, err
		}
		switch inTheme := slices.Contains(th.Entries, e.ID); {
		case in.Kind == journal.CorrectAdd && inTheme:
			return nil, &AlreadyInError{EntryID: e.ID, Theme: th.Label}
		case in.Kind == journal.CorrectRemove && !inTheme:
			return nil, fmt.Errorf("entry %d is not in “%s”", e.ID, termtext.Line(th.Label))
		}
		add(in.Kind, e.UID)
		opposite := map[journal.CorrectionKind]journal.CorrectionKind{journal.CorrectAdd: journal.CorrectRemove, journal.CorrectRemove: journal.CorrectAdd}[in.Kind]
		drop = append(drop, journal.CorrectionUID(opposite, th.Key, e.UID))
	case journal.CorrectWords:
		if in.Undo {
			_, err := c.takeBackWords(ctx, th, in.Words)
			return nil, err
		}
		words := cleanWords(in.Words)
		if len(words) == 0 {
			return nil, inputErrorf("", "give one or more words that mean this theme to you")
		}
		for _, w := range words {
			if err := (insight.Corrections{Words: map[string][]string{th.Key: {w}}}).Validate(); err != nil {
				if inner := errors.Unwrap(err); inner != nil {
					err = fmt.Errorf("“%s” %w", w, inner)
				}
				return nil, &InputError{Err: err}
			}
			add(journal.CorrectWords, w)
		}
	default:
		return nil, fmt.Errorf("%q is not a kind of correction", in.Kind)
	}
	return saved, c.store.Correct(ctx, saved, drop)
}

// TakeBackWords takes back words the person gave a theme (a key or label,
// as Correct takes), all of them or, when one is not among those given,
// none, and returns the corrections taken back. A word is matched whatever
// its case.
func (c *Core) TakeBackWords(ctx context.Context, theme string, words []string) ([]journal.Correction, error) {
	r, err := c.Patterns(ctx, Filter{})
	if err != nil {
		return nil, err
	}
	th, err := findTheme(r, theme)
	if err != nil {
		return nil, err
	}
	return c.takeBackWords(ctx, th, words)
}

func (c *Core) takeBackWords(ctx context.Context, th insight.Theme, words []string) ([]journal.Correction, error) {
	words = cleanWords(words)
	if len(words) == 0 {
		return nil, inputErrorf("", "give one or more of the words you gave this theme")
	}
	list, err := c.Corrections(ctx)
	if err != nil {
		return nil, err
	}
	var taken []journal.Correction
	var drop []string
	for _, w := range words {
		found := false
		for _, k := range list {
			if k.Kind != journal.CorrectWords || k.Theme != th.Key || !strings.EqualFold(k.Word, w) {
				continue
			}
			found = true
			if !slices.Contains(drop, k.UID) {
				taken, drop = append(taken, k), append(drop, k.UID)
			}
		}
		if !found {
			return nil, fmt.Errorf("“%s” is not one of the words you gave “%s”; failup patterns corrections lists those you gave",
				termtext.Line(w), termtext.Line(th.Label))
		}
	}
	return taken, c.store.Correct(ctx, nil, drop)
}

// Uncorrect takes back the correction whose uid is, or begins with, uid.
func (c *Core) Uncorrect(ctx context.Context, uid string) (journal.Correction, error) {
	list, err := c.Corrections(ctx)
	if err != nil {
		return journal.Correction{}, err
	}
	var found []journal.Correction
	for _, k := range list {
		if uid != "" && strings.HasPrefix(k.UID, strings.ToLower(uid)) {
			found = append(found, k)
		}
	}
	switch {
	case len(found) == 0:
		return journal.Correction{}, &CorrectionNotFoundError{uid}
	case len(found) > 1:
		return journal.Correction{}, inputErrorf("", "%d corrections have ids beginning %q; give more of the id", len(found), uid)
	}
	return found[0], c.store.Correct(ctx, nil, []string{found[0].UID})
}

// DismissedTheme is a theme the person dismissed, named as they last
// named it, with the dismissal that hides it.
type DismissedTheme struct {
	Key, Name string
	Dismissal journal.Correction
}

// Dismissed lists the themes the person dismissed, oldest first.
func (c *Core) Dismissed(ctx context.Context) ([]DismissedTheme, error) {
	list, err := c.Corrections(ctx)
	if err != nil {
		return nil, err
	}
	renames := corrections(list).Renames
	var dismissals []journal.Correction
	var unnamed []string
	for _, k := range list {
		if k.Kind == journal.CorrectDismiss {
			dismissals = append(dismissals, k)
			if _, ok := renames[k.Theme]; !ok {
				unnamed = append(unnamed, k.Theme)
			}
		}
	}
	names := c.ThemeNames(ctx, unnamed)
	var out []DismissedTheme
	for _, k := range dismissals {
		out = append(out, DismissedTheme{Key: k.Theme, Name: cmp.Or(renames[k.Theme], names[k.Theme]), Dismissal: k})
	}
	return out, nil
}

// BringBack restores a theme the person dismissed, named by its key, or
// by the name Dismissed gives it or failup's name for it (as ThemeNames
// gives it) whatever its case, and returns it as Dismissed names it.
func (c *Core) BringBack(ctx context.Context, theme string) (DismissedTheme, error) {
	return c.bringBack(ctx, theme, true)
}

// bringBack is BringBack; unless named, a theme brought back by its key
// is not named, which spares reading the journal.
func (c *Core) bringBack(ctx context.Context, theme string, named bool) (DismissedTheme, error) {
	list, err := c.Corrections(ctx)
	if err != nil {
		return DismissedTheme{}, err
	}
	theme = strings.TrimSpace(theme)
	renames := corrections(list).Renames
	var keys []string
	for _, k := range list {
		if k.Kind == journal.CorrectDismiss {
			keys = append(keys, k.Theme)
		}
	}
	byKey := slices.Contains(keys, theme)
	switch {
	case byKey && (renames[theme] != "" || !named):
		keys = nil
	case byKey:
		keys = []string{theme}
	}
	names := c.ThemeNames(ctx, keys)
	var found []DismissedTheme
	for _, k := range list {
		if k.Kind != journal.CorrectDismiss {
			continue
		}
		name := cmp.Or(renames[k.Theme], names[k.Theme])
		if k.Theme == theme || !byKey && (strings.EqualFold(name, theme) || strings.EqualFold(names[k.Theme], theme)) {
			found = append(found, DismissedTheme{Key: k.Theme, Name: name, Dismissal: k})
		}
	}
	if len(found) == 0 {
		return DismissedTheme{}, &ThemeNotFoundError{Theme: theme, Dismissed: true}
	}
	drop := make([]string, len(found))
	for i, d := range found {
		drop[i] = d.Dismissal.UID
	}
	return found[0], c.store.Correct(ctx, nil, drop)
}

// PutBack keeps again corrections that were taken back, as they were made:
// how a restore, or any taking back, is itself taken back.
func (c *Core) PutBack(ctx context.Context, list []journal.Correction) error {
	now := c.now().UTC().Truncate(time.Second)
	again := slices.Clone(list)
	for i := range again {
		again[i].UpdatedAt = now
	}
	return c.store.Correct(ctx, again, nil)
}

// findTheme finds the theme of r whose key is name, or else whose label is
// name, whatever its case.
func findTheme(r insight.Report, name string) (insight.Theme, error) {
	name = strings.TrimSpace(name)
	for _, match := range []func(insight.Theme) bool{
		func(th insight.Theme) bool { return th.Key == name },
		func(th insight.Theme) bool { return strings.EqualFold(th.Label, name) },
	} {
		if i := slices.IndexFunc(r.Themes, match); i >= 0 {
			return r.Themes[i], nil
		}
	}
	return insight.Theme{}, &ThemeNotFoundError{Theme: name}
}

// cleanWords trims words, leaving out empty ones and repeats.
func cleanWords(words []string) []string {
	var out []string
	for _, w := range words {
		w = strings.Join(strings.Fields(w), " ")
		if w != "" && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// ThemeNames names themes by their keys when they may not be among those
// shown (dismissed, merged away): a lexicon pattern by its label; a name
// or a phrase in the words the journal writes it with (see
// insight.WrittenNames), the journal read at most once for all of keys.
// A key no entry has any more is named by its own text: a name
// capitalised, a phrase's stems.
func (c *Core) ThemeNames(ctx context.Context, keys []string) map[string]string {
	names := map[string]string{}
	var written []string
	for _, key := range keys {
		kind, rest, _ := strings.Cut(key, ":")
		switch kind {
		case "pattern":
			names[key] = rest
			if lex, err := c.Lexicon(); err == nil {
				if i := slices.IndexFunc(lex.Patterns, func(p insight.Pattern) bool { return p.ID == rest }); i >= 0 {
					names[key] = lex.Patterns[i].Label
				}
			}
		case "name":
			words := strings.Fields(rest)
			for i, w := range words {
				r, n := utf8.DecodeRuneInString(w)
				words[i] = string(unicode.ToUpper(r)) + w[n:]
			}
			names[key] = strings.Join(words, " ")
			written = append(written, key)
		default:
			names[key] = rest
			written = append(written, key)
		}
	}
	if len(written) > 0 {
		// Unread, a theme goes by its key's text.
		found, _ := insight.WrittenNames(c.store.Writings(ctx, Filter{}), written)
		maps.Copy(names, found)
	}
	return names
}

// corrections are the person's corrections as the pattern engine applies
// them; a later rename of a theme wins over an earlier one.
func corrections(list []journal.Correction) insight.Corrections {
	var k insight.Corrections
	for _, c := range list {
		switch c.Kind {
		case journal.CorrectRename:
			if k.Renames == nil {
				k.Renames = map[string]string{}
			}
			k.Renames[c.Theme] = c.Label
		case journal.CorrectDismiss:
			k.Dismissed = append(k.Dismissed, c.Theme)
		case journal.CorrectMerge:
			k.Merges = append(k.Merges, insight.Merge{Into: c.Theme, From: c.From})
		case journal.CorrectAdd:
			k.Added = append(k.Added, insight.Membership{Theme: c.Theme, UID: c.Entry})
		case journal.CorrectRemove:
			k.Removed = append(k.Removed, insight.Membership{Theme: c.Theme, UID: c.Entry})
		case journal.CorrectWords:
			if k.Words == nil {
				k.Words = map[string][]string{}
			}
			k.Words[c.Theme] = append(k.Words[c.Theme], c.Word)
		}
	}
	return k
}

// Describe says in a few words what a correction did, naming themes by
// the name the person last gave them, or what ThemeNames says; entries by
// id when this journal holds them.
func (c *Core) Describe(ctx context.Context, k journal.Correction) string {
	return c.DescribeAll(ctx, []journal.Correction{k})[0]
}

// DescribeAll is Describe of each of list, the journal's corrections read
// once for all of them.
func (c *Core) DescribeAll(ctx context.Context, list []journal.Correction) []string {
	all, _ := c.store.Corrections(ctx) // unread, themes go by failup's names
	renames := corrections(all).Renames
	var keys []string
	for _, k := range list {
		if _, ok := renames[k.Theme]; !ok || k.Kind == journal.CorrectRename {
			keys = append(keys, k.Theme)
		}
		if k.Kind == journal.CorrectMerge {
			keys = append(keys, k.From)
		}
	}
	names := c.ThemeNames(ctx, keys)
	out := make([]string, len(list))
	for i, k := range list {
		out[i] = c.describe(ctx, k, renames, names)
	}
	return out
}

// describe is Describe with the themes' names given in renames, or else
// in names.
func (c *Core) describe(ctx context.Context, k journal.Correction, renames, names map[string]string) string {
	theme := "“" + termtext.Line(cmp.Or(renames[k.Theme], names[k.Theme])) + "”"
	switch k.Kind {
	case journal.CorrectRename:
		return fmt.Sprintf("“%s” renamed “%s”", termtext.Line(names[k.Theme]), termtext.Line(k.Label))
	case journal.CorrectDismiss:
		return theme + " dismissed: not a pattern for you"
	case journal.CorrectMerge:
		return fmt.Sprintf("“%s” merged into %s", termtext.Line(names[k.From]), theme)
	case journal.CorrectAdd, journal.CorrectRemove:
		entry := "an entry not in this journal"
		if ids, err := c.store.IDsOf(ctx, []string{k.Entry}); err == nil && ids[k.Entry] != 0 {
			entry = fmt.Sprintf("entry %d", ids[k.Entry])
		}
		if k.Kind == journal.CorrectAdd {
			return fmt.Sprintf("%s put into %s", entry, theme)
		}
		return fmt.Sprintf("%s taken out of %s", entry, theme)
	case journal.CorrectWords:
		return fmt.Sprintf("“%s” means %s", termtext.Line(k.Word), theme)
	}
	return string(k.Kind) + " " + theme
}
