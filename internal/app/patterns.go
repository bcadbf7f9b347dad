package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/growth"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

// Patterns finds what recurs in the entries f keeps, as the person's
// corrections shape it. For the whole journal the report, evidence and
// monthly counts included, is kept in the journal and read back until an
// entry, a correction, the day, the lexicon or failup's build changes (a
// correction moves the journal's generation on, as a change to an entry
// does).
func (c *Core) Patterns(ctx context.Context, f Filter) (insight.Report, error) {
	if f.Narrows() {
		entries, err := c.store.List(ctx, f)
		if err != nil {
			return insight.Report{}, err
		}
		return c.findPatterns(ctx, entries)
	}
	at, err := c.patternsStamp(ctx)
	if err != nil {
		return insight.Report{}, err
	}
	if r, ok, err := c.readKept(ctx, at); ok || err != nil {
		return r, err
	}
	made, err := c.makeKept(ctx, at)
	return made.report, err
}

// findPatterns finds the patterns in entries.
func (c *Core) findPatterns(ctx context.Context, entries []journal.Entry) (insight.Report, error) {
	lex, opt, err := c.patternOptions(ctx)
	if err != nil {
		return insight.Report{}, err
	}
	return insight.Patterns(entries, lex, opt), nil
}

// patternOptions are the lexicon and the options patterns are found with:
// today, and the person's corrections.
func (c *Core) patternOptions(ctx context.Context) (insight.Lexicon, insight.Options, error) {
	lex, err := c.Lexicon()
	if err != nil {
		return insight.Lexicon{}, insight.Options{}, err
	}
	list, err := c.store.Corrections(ctx)
	if err != nil {
		return insight.Lexicon{}, insight.Options{}, err
	}
	return lex, insight.Options{Today: c.Today(), Corrections: corrections(list)}, nil
}

// PatternsSummary is the whole journal's patterns without each theme's
// entries and evidence: what a list of them shows, read from the kept report
// in a fraction of the time the whole of it takes.
func (c *Core) PatternsSummary(ctx context.Context) (insight.Report, error) {
	var r insight.Report
	err := c.readPart(ctx, keptSummary, func(body []byte) (err error) {
		r, err = decodeSummary(body)
		return err
	})
	nonNil(&r)
	return r, err
}

// ThemeEvidence is the evidence of a theme of the whole journal's patterns
// (as PatternsSummary or Patterns gave it): one per entry, oldest first.
func (c *Core) ThemeEvidence(ctx context.Context, th insight.Theme) ([]insight.Evidence, error) {
	at, err := c.patternsStamp(ctx)
	if err != nil {
		return nil, err
	}
	body, ok, err := c.store.Kept(ctx, keptSummary, at)
	if err != nil {
		return nil, err
	}
	if r, err := decodeSummary(body); ok && err == nil {
		if i := themeIndex(r.Themes, th); i >= 0 {
			body, ok, err := c.store.Kept(ctx, keptEvidence(i), at)
			if err != nil {
				return nil, err
			}
			if ev, err := decodeEvidence(body); ok && err == nil {
				return ev, nil
			}
		}
	}
	made, err := c.makeKept(ctx, at)
	if err != nil {
		return nil, err
	}
	if i := themeIndex(made.report.Themes, th); i >= 0 {
		return made.report.Themes[i].Evidence, nil
	}
	return nil, nil
}

// themeIndex is where th is among themes, found by its key (or, for a theme
// without one, its label), or -1.
func themeIndex(themes []insight.Theme, th insight.Theme) int {
	return slices.IndexFunc(themes, func(t insight.Theme) bool {
		if th.Key != "" {
			return t.Key == th.Key
		}
		return t.Label == th.Label
	})
}

// themeEntries is, for each theme of the whole journal's patterns in the
// report's order, nil but for the theme numbered only, whose entries it
// reads.
func (c *Core) themeEntries(ctx context.Context, only int) ([][]int64, error) {
	var ids [][]int64
	err := c.readPart(ctx, keptEntries, func(body []byte) (err error) {
		ids, err = decodeEntriesOf(body, only)
		return err
	})
	return ids, err
}

// A LessonPlan is the lessons page laid out: its period, and each group's
// heading and entries.
type LessonPlan = export.LessonPlan

// LessonPlan lays out the lessons of the whole journal by the recurring
// patterns they belong to, as the lessons page writes them. The layout is
// kept with the patterns, made as they are found.
func (c *Core) LessonPlan(ctx context.Context) (LessonPlan, error) {
	var plan LessonPlan
	err := c.readPart(ctx, keptLessons, func(body []byte) (err error) {
		plan, err = decodePlan(body)
		return err
	})
	return plan, err
}

// LessonDays are the ids and days of the entries with a lesson to show (one
// of more than white space), newest first as List orders them: where each
// lesson falls when they are listed by day, without reading them. They are
// kept with the patterns, found as they are.
func (c *Core) LessonDays(ctx context.Context) ([]int64, []journal.Date, error) {
	var g export.PlannedGroup
	err := c.readPart(ctx, keptDays, func(body []byte) error {
		plan, err := decodePlan(body)
		if err == nil && len(plan.Groups) != 1 {
			err = errKeptReport
		}
		if err == nil {
			g = plan.Groups[0]
		}
		return err
	})
	return g.IDs, g.Days, err
}

// lessonDays places the entries with a lesson to show, in their order.
func lessonDays(entries []journal.Entry) export.PlannedGroup {
	var g export.PlannedGroup
	for _, e := range entries {
		if strings.TrimSpace(e.LessonOrDifferently()) != "" {
			g.IDs, g.Days = append(g.IDs, e.ID), append(g.Days, e.OccurredOn)
		}
	}
	return g
}

// patternsStamp is the stamp the whole journal's patterns are kept under.
func (c *Core) patternsStamp(ctx context.Context) (store.Stamp, error) {
	version, err := c.keptVersion()
	if err != nil {
		return "", err
	}
	return c.store.Stamp(ctx, version)
}

// readPart reads the kept part name with decode, first finding and keeping
// the patterns anew when it is not kept or cannot be read.
func (c *Core) readPart(ctx context.Context, name string, decode func([]byte) error) error {
	at, err := c.patternsStamp(ctx)
	if err != nil {
		return err
	}
	body, ok, err := c.store.Kept(ctx, name, at)
	if err != nil {
		return err
	}
	if ok && decode(body) == nil {
		return nil
	}
	made, err := c.makeKept(ctx, at)
	if err != nil {
		return err
	}
	return decode(made.parts[name])
}

// readKept reads the whole report kept under at, and whether it was there
// to read whole.
func (c *Core) readKept(ctx context.Context, at store.Stamp) (insight.Report, bool, error) {
	read := func(name string) ([]byte, bool, error) { return c.store.Kept(ctx, name, at) }
	body, ok, err := read(keptSummary)
	if !ok || err != nil {
		return insight.Report{}, false, err
	}
	r, err := decodeSummary(body)
	if err != nil {
		return r, false, nil
	}
	body, ok, err = read(keptEntries)
	if !ok || err != nil {
		return r, false, err
	}
	ids, err := decodeEntries(body)
	if err != nil || len(ids) != len(r.Themes) {
		return r, false, nil
	}
	for i := range r.Themes {
		body, ok, err := read(keptEvidence(i))
		if !ok || err != nil {
			return r, false, err
		}
		if r.Themes[i].Evidence, err = decodeEvidence(body); err != nil {
			return r, false, nil
		}
		r.Themes[i].Entries = ids[i]
	}
	nonNil(&r)
	return r, true, nil
}

// madeKept is the whole journal's patterns as they were just found, and
// the parts they are kept in.
type madeKept struct {
	report insight.Report
	parts  map[string][]byte
}

// makeKept finds the whole journal's patterns, lays out its lessons by them
// and keeps both under at. The entries are scanned as they are read; their
// lessons are read while the patterns are found, and laid out while the
// report is encoded.
func (c *Core) makeKept(ctx context.Context, at store.Stamp) (madeKept, error) {
	lex, opt, err := c.patternOptions(ctx)
	if err != nil {
		return madeKept{}, err
	}
	size, err := c.store.Count(ctx, Filter{})
	if err != nil {
		return madeKept{}, err
	}
	scan, err := insight.ScanOf(c.store.Writings(ctx, Filter{}), size, lex, opt)
	if err != nil {
		return madeKept{}, err
	}
	var (
		lessons *export.LessonReading
		readErr error
		plan    LessonPlan
		byDay   export.PlannedGroup
		wg      sync.WaitGroup
	)
	wg.Go(func() { lessons, readErr = export.ReadLessons(journal.Each(scan.Entries())) })
	wg.Go(func() { byDay = lessonDays(scan.Entries()) })
	r := scan.Patterns()
	wg.Wait()
	if readErr != nil {
		return madeKept{}, readErr
	}
	wg.Go(func() { plan = lessons.Plan(r.Themes) })
	parts, err := encodeKept(r)
	wg.Wait()
	if err != nil {
		return madeKept{}, err
	}
	parts[keptLessons] = encodePlan(plan)
	parts[keptDays] = encodePlan(LessonPlan{Groups: []export.PlannedGroup{byDay}})
	if parts[keptLexicon], err = json.Marshal(lexiconNames(lex)); err != nil {
		return madeKept{}, err
	}
	// A report that cannot be kept (a read-only journal) is only slower.
	_ = c.store.Keep(ctx, at, keptSummary, parts)
	return madeKept{report: r, parts: parts}, nil
}

// statsPatterns is how many recurring patterns stats names.
const statsPatterns = 5

// topPatterns names the most recurring patterns.
func (c *Core) topPatterns(ctx context.Context) ([]growth.PatternCount, error) {
	r, err := c.PatternsSummary(ctx)
	top := []growth.PatternCount{}
	for _, th := range r.Themes[:min(len(r.Themes), statsPatterns)] {
		top = append(top, growth.PatternCount{Label: th.Label, Count: th.Count})
	}
	return top, err
}

// keptFormat numbers the form results are kept in (see keptreport.go).
const keptFormat = 5

// keptVersion is what a kept result depends on besides the journal: the day,
// the lexicon, the pattern engine's version and the build of failup that
// made it.
func (c *Core) keptVersion() (string, error) {
	lexicon, err := insight.LexiconVersion(c.promptDir)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s %s %s %d %s", c.Today(), lexicon, insight.EngineVersion, keptFormat, build()), nil
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

// nonNil gives a decoded report the empty lists it may hold as nil, so that it
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

// Lessons lays out the lessons of the entries f keeps as LessonPlan does
// the whole journal's, under the whole journal's recurring patterns: read
// from the kept layout, with only the entries f keeps.
func (c *Core) Lessons(ctx context.Context, f Filter) (LessonPlan, error) {
	plan, err := c.LessonPlan(ctx)
	if err != nil || !f.Narrows() {
		return plan, err
	}
	var keep func(int64) bool
	if len(f.Tags) > 0 || f.Skill != "" || f.Text != "" {
		ids, err := c.store.IDs(ctx, f)
		if err != nil {
			return LessonPlan{}, err
		}
		kept := make(map[int64]bool, len(ids))
		for _, id := range ids {
			kept[id] = true
		}
		keep = func(id int64) bool { return kept[id] }
	}
	return plan.Within(f.Since, f.Until, keep), nil
}

// WriteLessonList writes what the entries f keeps taught as a JSON list,
// newest first, as failup lessons --json prints it: lesson by lesson as the
// entries are read, so a whole journal's lessons are never held at once.
func (c *Core) WriteLessonList(ctx context.Context, w io.Writer, f Filter) error {
	return termtext.WriteJSONList(w, func(yield func(insight.Lesson, error) bool) {
		for e, err := range c.store.Entries(ctx, f) {
			if err != nil {
				yield(insight.Lesson{}, err)
				return
			}
			if l, ok := insight.LessonOf(e); ok && !yield(l, nil) {
				return
			}
		}
	})
}
