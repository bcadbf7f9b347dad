package insight

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/failup/failup/internal/journal"
)

// How Theme.Key begins for each kind of theme.
const (
	keyPattern = "pattern:"
	keyName    = "name:"
	keyPhrase  = "phrase:"
	// keyOwn begins the lexicon id of the words a person gave a theme that
	// is not a lexicon pattern.
	keyOwn = "own:"
)

// Corrections are what the person changed about the themes found in their
// journal. Patterns applies them on every run, so they hold as the journal
// grows: a dismissed theme stays dismissed, and words added to a theme find
// the new entries that use them. Themes are named by Theme.Key.
type Corrections struct {
	// Words are more words (lexicon terms) that mean a theme for this person.
	Words map[string][]string
	// Merges fold one theme into another.
	Merges []Merge
	// Added and Removed put entries into a theme and take them out.
	Added, Removed []Membership
	// Dismissed themes are not a pattern for this person.
	Dismissed []string
	// Renames give themes the person's own labels.
	Renames map[string]string
}

// Merge folds the theme From into the theme Into, which keeps its key.
type Merge struct{ Into, From string }

// Membership is an entry, by uid, in a theme.
type Membership struct{ Theme, UID string }

// IsZero reports whether there is nothing to correct.
func (k Corrections) IsZero() bool {
	return len(k.Words) == 0 && len(k.Merges) == 0 && len(k.Added) == 0 && len(k.Removed) == 0 &&
		len(k.Dismissed) == 0 && len(k.Renames) == 0
}

// Validate reports the first correction that cannot be applied as written:
// a word that is not a lexicon term, an empty label, a theme merged into
// itself.
func (k Corrections) Validate() error {
	for key, words := range k.Words {
		for _, w := range words {
			if err := checkTerm(w, kindTerm); err != nil {
				return fmt.Errorf("the words for %s: %q %w", key, w, err)
			}
		}
	}
	for key, label := range k.Renames {
		if strings.TrimSpace(label) == "" {
			return fmt.Errorf("the new name for %s is empty", key)
		}
	}
	for _, m := range k.Merges {
		if m.Into == m.From {
			return errors.New("a theme cannot be merged into itself")
		}
	}
	return nil
}

// withWords is lex with the person's words for each theme: added to a
// lexicon pattern's terms, or a pattern of their own for any other theme,
// which is merged into that theme once it is found.
func (k Corrections) withWords(lex Lexicon) Lexicon {
	if len(k.Words) == 0 {
		return lex
	}
	out := Lexicon{Patterns: slices.Clone(lex.Patterns)}
	for _, key := range slices.Sorted(mapKeys(k.Words)) {
		words := slices.DeleteFunc(slices.Clone(k.Words[key]), func(w string) bool { return checkTerm(w, kindTerm) != nil })
		if len(words) == 0 {
			continue
		}
		id, own := strings.CutPrefix(key, keyPattern)
		if i := slices.IndexFunc(out.Patterns, func(p Pattern) bool { return p.ID == id }); own && i >= 0 {
			p := out.Patterns[i]
			p.Terms = append(slices.Clone(p.Terms), words...)
			out.Patterns[i] = p
			continue
		}
		out.Patterns = append(out.Patterns, Pattern{ID: keyOwn + key, Label: ownLabel(key), Terms: words})
	}
	return out
}

// ownLabel labels the theme the person's words found, until it is merged
// with the theme they were given for or renamed.
func ownLabel(key string) string {
	_, rest, _ := strings.Cut(key, ":")
	return rest
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// apply changes the drafts as the person asked, in the order that makes
// each step see the others' results: the person's own words join their
// theme, merges, entries added and removed, dismissals, then labels.
func (k Corrections) apply(entries []journal.Entry, drafts []*draft) []*draft {
	if k.IsZero() {
		return drafts
	}
	for key := range k.Words {
		if !strings.HasPrefix(key, keyPattern) {
			k.Merges = append([]Merge{{Into: key, From: keyPattern + keyOwn + key}}, k.Merges...)
		}
	}
	for _, m := range k.Merges {
		into, from := findDraft(drafts, m.Into), findDraft(drafts, m.From)
		switch {
		case from == nil:
		case into == nil && strings.HasPrefix(m.From, keyPattern+keyOwn):
			from.key = m.Into // the person's words found the theme on their own
		case into != nil:
			sortMembers(into)
			sortMembers(from)
			*into = *joinDrafts(into, from)
			drafts = slices.DeleteFunc(drafts, func(d *draft) bool { return d == from })
		}
	}
	at := make(map[string]int32, len(entries))
	for i, e := range entries {
		at[e.UID] = int32(i)
	}
	for _, m := range k.Removed {
		if d, i, ok := findMember(drafts, m, at); ok {
			d.members = slices.DeleteFunc(d.members, func(mb member) bool {
				if mb.entry == i {
					d.takenOut = append(d.takenOut, i)
				}
				return mb.entry == i
			})
		}
	}
	for _, m := range k.Added {
		if d, i, ok := findMember(drafts, m, at); ok && !slices.ContainsFunc(d.members, func(mb member) bool { return mb.entry == i }) {
			d.add(i, 1, int32(len(d.hits)))
		}
	}
	drafts = slices.DeleteFunc(drafts, func(d *draft) bool {
		return len(d.members) == 0 || slices.Contains(k.Dismissed, d.key)
	})
	for _, d := range drafts {
		if label, ok := k.Renames[d.key]; ok {
			d.label = strings.TrimSpace(label)
		}
	}
	return drafts
}

// themesCorrected are the keys of the themes the person renamed, gave
// words, merged another into, or put an entry into or took one out of: the
// themes they have made their own.
func (k Corrections) themesCorrected() map[string]bool {
	keys := map[string]bool{}
	for key := range k.Words {
		keys[key] = true
	}
	for key := range k.Renames {
		keys[key] = true
	}
	for _, m := range k.Merges {
		keys[m.Into] = true
	}
	for _, m := range slices.Concat(k.Added, k.Removed) {
		keys[m.Theme] = true
	}
	return keys
}

func findDraft(drafts []*draft, key string) *draft {
	if i := slices.IndexFunc(drafts, func(d *draft) bool { return d.key == key }); i >= 0 {
		return drafts[i]
	}
	return nil
}

// findMember finds the theme and the entry that m names.
func findMember(drafts []*draft, m Membership, at map[string]int32) (*draft, int32, bool) {
	d := findDraft(drafts, m.Theme)
	i, ok := at[m.UID]
	return d, i, ok && d != nil
}

// sortMembers puts d's members in the order of the entries, as joinDrafts
// needs them.
func sortMembers(d *draft) {
	slices.SortStableFunc(d.members, func(a, b member) int { return cmp.Compare(a.entry, b.entry) })
}
