package journal

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Correction is one change the person made to the recurring patterns failup
// found in their journal. Themes are named by their key ("pattern:…",
// "name:…", "phrase:…"), which stays the same from one run to the next
// whatever the theme's label.
type Correction struct {
	UID  string         `json:"uid"`
	Kind CorrectionKind `json:"kind"`
	// Theme is the key of the theme corrected; for a merge, the theme that
	// stays.
	Theme string `json:"theme"`
	// Label is the theme's new name (rename).
	Label string `json:"label,omitempty"`
	// From is the key of the theme folded into Theme (merge).
	From string `json:"from,omitempty"`
	// Entry is the uid of the entry put into or taken out of Theme (add,
	// remove).
	Entry string `json:"entry,omitempty"`
	// Word is a word or phrase that means Theme for the person (words).
	Word      string    `json:"word,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// CorrectionKind says what a correction does.
type CorrectionKind string

// The kinds of correction.
const (
	CorrectRename  CorrectionKind = "rename"
	CorrectDismiss CorrectionKind = "dismiss"
	CorrectMerge   CorrectionKind = "merge"
	CorrectAdd     CorrectionKind = "add"
	CorrectRemove  CorrectionKind = "remove"
	CorrectWords   CorrectionKind = "words"
)

// CorrectionKinds lists every kind, in the order they are described.
var CorrectionKinds = []CorrectionKind{CorrectRename, CorrectDismiss, CorrectMerge, CorrectAdd, CorrectRemove, CorrectWords}

// MaxLabelLen bounds a theme's new name.
const MaxLabelLen = 200

// Target is what the correction is about besides its theme: the label, the
// theme merged in, the entry or the word.
func (c Correction) Target() string {
	switch c.Kind {
	case CorrectRename:
		return c.Label
	case CorrectMerge:
		return c.From
	case CorrectAdd, CorrectRemove:
		return c.Entry
	case CorrectWords:
		return c.Word
	}
	return ""
}

// SetTarget sets the field Target reads.
func (c *Correction) SetTarget(v string) {
	switch c.Kind {
	case CorrectRename:
		c.Label = v
	case CorrectMerge:
		c.From = v
	case CorrectAdd, CorrectRemove:
		c.Entry = v
	case CorrectWords:
		c.Word = v
	}
}

// correctionSpace makes the uids of corrections: the same correction of the
// same theme gets the same uid on every device, so that it is one
// correction however many times it is made, imported or synced. A rename
// is one per theme, whatever the name.
var correctionSpace = uuid.MustParse("3b0f6a52-8c1e-5d47-9e2a-7c4d1f8b2e90")

// CorrectionUID is the uid of the correction of kind to theme about target
// ("" for a rename or a dismissal).
func CorrectionUID(kind CorrectionKind, theme, target string) string {
	if kind == CorrectRename {
		target = ""
	}
	return uuid.NewSHA1(correctionSpace, []byte(string(kind)+"\x00"+theme+"\x00"+target)).String()
}

// NewCorrection is a correction of kind to theme about target, made at now.
func NewCorrection(kind CorrectionKind, theme, target string, now time.Time) Correction {
	now = now.UTC().Truncate(time.Second)
	c := Correction{UID: CorrectionUID(kind, theme, target), Kind: kind, Theme: theme, CreatedAt: now, UpdatedAt: now}
	c.SetTarget(target)
	return c
}

// Validate reports the first thing wrong with c, as a *FieldError.
func (c Correction) Validate() error {
	if _, err := uuid.Parse(c.UID); err != nil {
		return &FieldError{"uid", "is not a UUID"}
	}
	known := false
	for _, k := range CorrectionKinds {
		known = known || c.Kind == k
	}
	if !known {
		return &FieldError{"kind", fmt.Sprintf("is %q; it is one of rename, dismiss, merge, add, remove, words", c.Kind)}
	}
	if !IsThemeKey(c.Theme) {
		return &FieldError{"theme", fmt.Sprintf("is %q, which is not a theme's key (pattern:…, name:… or phrase:…)", c.Theme)}
	}
	want := map[CorrectionKind]string{CorrectRename: "label", CorrectMerge: "from", CorrectAdd: "entry", CorrectRemove: "entry", CorrectWords: "word"}[c.Kind]
	for field, v := range map[string]string{"label": c.Label, "from": c.From, "entry": c.Entry, "word": c.Word} {
		if field != want && v != "" {
			return &FieldError{field, fmt.Sprintf("does not go with a %s correction", c.Kind)}
		}
	}
	switch c.Kind {
	case CorrectRename:
		if strings.TrimSpace(c.Label) == "" {
			return &FieldError{"label", "is empty; a renamed theme needs a name"}
		}
		if utf8.RuneCountInString(c.Label) > MaxLabelLen {
			return &FieldError{"label", fmt.Sprintf("is longer than %d characters", MaxLabelLen)}
		}
	case CorrectMerge:
		if !IsThemeKey(c.From) {
			return &FieldError{"from", fmt.Sprintf("is %q, which is not a theme's key", c.From)}
		}
		if c.From == c.Theme {
			return &FieldError{"from", "is the theme itself; a theme cannot be merged into itself"}
		}
	case CorrectAdd, CorrectRemove:
		if _, err := uuid.Parse(c.Entry); err != nil {
			return &FieldError{"entry", "is not an entry's uid"}
		}
	case CorrectWords:
		if strings.TrimSpace(c.Word) == "" {
			return &FieldError{"word", "is empty"}
		}
		if utf8.RuneCountInString(c.Word) > MaxTagLen {
			return &FieldError{"word", fmt.Sprintf("is longer than %d characters", MaxTagLen)}
		}
	}
	if c.CreatedAt.IsZero() || c.UpdatedAt.IsZero() {
		return &FieldError{"created_at", "and updated_at are both needed"}
	}
	return nil
}

// IsThemeKey reports whether key names a theme as Theme keys do.
func IsThemeKey(key string) bool {
	kind, rest, ok := strings.Cut(key, ":")
	if !ok || strings.TrimSpace(rest) == "" || len(key) > MaxTagLen {
		return false
	}
	switch kind {
	case "pattern", "name", "phrase":
		return true
	}
	return false
}

// checkCorrections reports the first correction of a document that is not
// valid, or that repeats another's uid, naming it by its place (from 1) and
// uid.
func checkCorrections(list []Correction) error {
	seen := make(map[string]int, len(list))
	for i, c := range list {
		name := fmt.Sprintf("pattern correction %d", i+1)
		if c.UID != "" {
			name += " (" + c.UID + ")"
		}
		if err := c.Validate(); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if j, ok := seen[c.UID]; ok {
			return fmt.Errorf("%s: the same correction as pattern correction %d", name, j+1)
		}
		seen[c.UID] = i
	}
	return nil
}
