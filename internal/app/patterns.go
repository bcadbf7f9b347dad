package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"sync"

	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/growth"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

// Patterns finds what recurs in the entries f keeps, as the person's
// corrections shape it. For the whole journal the report, evidence and
// monthly counts included, is kept in the journal and read back until an
// entry, a correction, the day, the lexicon or failup's build changes (a
// correction moves the journal's generation on, as a change to an entry
// does).
func (c *Core) Patterns(ctx context.Context, f Filter) (insight.Report, error) {
	return c.patterns(ctx, f, nil)
}

// patterns is Patterns for callers that have already read the entries f
// keeps (nil when they have not), so they are not read twice.
func (c *Core) patterns(ctx context.Context, f Filter, entries []journal.Entry) (insight.Report, error) {
	lex, err := c.Lexicon()
	if err != nil {
		return insight.Report{}, err
	}
	compute := func() (insight.Report, error) {
		if entries == nil {
			var err error
			if entries, err = c.store.List(ctx, f); err != nil {
				return insight.Report{}, err
			}
		}
		list, err := c.store.Corrections(ctx)
		if err != nil {
			return insight.Report{}, err
		}
		return insight.Patterns(entries, lex, insight.Options{Today: c.Today(), Corrections: corrections(list)}), nil
	}
	if f.Narrows() {
		return compute()
	}
	version, err := c.keptVersion()
	if err != nil {
		return insight.Report{}, err
	}
	body, err := c.store.Cached(ctx, "patterns", version, func() ([]byte, error) {
		r, err := compute()
		if err != nil {
			return nil, err
		}
		return encodeReport(r)
	})
	if err != nil {
		return insight.Report{}, err
	}
	r, err := decodeReport(body)
	if err != nil {
		return compute() // a kept report that cannot be read is made anew
	}
	nonNil(&r)
	return r, nil
}

// statsPatterns is how many recurring patterns stats names.
const statsPatterns = 5

// topPatterns names the most recurring patterns, kept apart from the whole
// report so that stats reads a few labels, not every theme's evidence.
func (c *Core) topPatterns(ctx context.Context) ([]growth.PatternCount, error) {
	top := []growth.PatternCount{}
	err := c.kept(ctx, "top-patterns", &top, func() (any, error) {
		r, err := c.Patterns(ctx, Filter{})
		for _, th := range r.Themes[:min(len(r.Themes), statsPatterns)] {
			top = append(top, growth.PatternCount{Label: th.Label, Count: th.Count})
		}
		return top, err
	})
	return top, err
}

// kept fills v with what build makes for the whole journal, kept in the
// journal under name (gob-encoded) until an entry, the day, the lexicon or
// failup's build changes.
func (c *Core) kept(ctx context.Context, name string, v any, build func() (any, error)) error {
	version, err := c.keptVersion()
	if err != nil {
		return err
	}
	body, err := c.store.Cached(ctx, name, version, func() ([]byte, error) {
		made, err := build()
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		err = gob.NewEncoder(&b).Encode(made)
		return b.Bytes(), err
	})
	if err != nil {
		return err
	}
	if err := gob.NewDecoder(bytes.NewReader(body)).Decode(v); err != nil {
		return fmt.Errorf("the kept %s could not be read: %w", name, err)
	}
	return nil
}

// keptFormat numbers the form results are kept in (see keptreport.go).
const keptFormat = 2

// keptVersion is what a kept result depends on besides the journal: the day,
// the lexicon, the pattern engine's version and the build of failup that
// made it.
func (c *Core) keptVersion() (string, error) {
	lex, err := c.Lexicon()
	if err != nil {
		return "", err
	}
	lexicon, err := json.Marshal(lex)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(lexicon)
	return fmt.Sprintf("%s %x %s %d %s", c.Today(), sum[:8], insight.EngineVersion, keptFormat, build()), nil
}

// build names failup's build: its module version and, when it was built
// from a repository, the commit and whether it had changes. A rebuilt failup
// whose pattern engine changed computes its patterns anew.
var build = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	b := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" || s.Key == "vcs.modified" {
			b += " " + s.Value
		}
	}
	return b
})

// nonNil gives a decoded report the empty lists gob leaves nil, so that it
// encodes as JSON as the report it was made from.
func nonNil(r *insight.Report) {
	if r.Themes == nil {
		r.Themes = []insight.Theme{}
	}
	if r.Tags == nil {
		r.Tags = []insight.TagCount{}
	}
	if r.Skills == nil {
		r.Skills = []insight.SkillCount{}
	}
	for i := range r.Themes {
		th := &r.Themes[i]
		if th.Terms == nil {
			th.Terms = []string{}
		}
		if th.Entries == nil {
			th.Entries = []int64{}
		}
	}
}

// Lessons are the lessons of the entries f keeps, with the entries, grouped
// under the recurring patterns they belong to.
type Lessons struct {
	Entries []journal.Entry
	Groups  []export.Group
}

// Lessons reads the lessons of the entries f keeps.
func (c *Core) Lessons(ctx context.Context, f Filter) (Lessons, error) {
	entries, err := c.store.List(ctx, f)
	if err != nil {
		return Lessons{}, err
	}
	r, err := c.patterns(ctx, f, entries)
	if err != nil {
		return Lessons{}, err
	}
	return Lessons{Entries: entries, Groups: export.ByTheme(entries, r)}, nil
}
