package app

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/searchquery"
	"github.com/failup/failup/internal/store"
)

// The marks around the search terms in a Hit's Snippet, to be replaced
// before it is shown.
const (
	MatchStart = store.MatchStart
	MatchEnd   = store.MatchEnd
)

// Unmatched is a word of a search that no entry has.
type Unmatched = store.Unmatched

// QueryError is a search query that cannot be read.
type QueryError = store.QueryError

// Found is what a search found: hits, best first, and when nothing matched
// a suggestion of words that would.
type Found = store.Results

// Search finds entries by a query written whole (see searchquery: words,
// word*, phrases, OR, -word, tag:, skill:, after:, before:, pattern:), best match first;
// limit 0 is all. A pattern: is looked up in the whole journal's kept
// patterns. A query that cannot be read is a *store.QueryError.
func (c *Core) Search(ctx context.Context, query string, limit int) (Found, error) {
	return c.search(ctx, query, limit, false)
}

// SearchAsTyped is Search for a query searched again at each key press: the
// last word is the start of longer ones until a space ends it, and while it
// is too short to be read as one, nothing is suggested when nothing matches.
func (c *Core) SearchAsTyped(ctx context.Context, query string, limit int) (Found, error) {
	return c.search(ctx, query, limit, true)
}

func (c *Core) search(ctx context.Context, query string, limit int, typing bool) (Found, error) {
	if limit < 0 {
		return Found{}, inputErrorf("limit", "give 0 (no limit) or more, not %d", limit)
	}
	parse := searchquery.Parse
	if typing {
		parse = searchquery.ParseTyped
	}
	found, err := c.store.Find(ctx, store.Request{Query: parse(query), Limit: limit, Typing: typing,
		Today: c.Today(), Order: c.order, Pattern: func(name string) ([]int64, error) { return c.patternEntries(ctx, name) }})
	if found.Hits == nil {
		found.Hits = []Hit{}
	}
	return found, err
}

// patternEntries are the entries of the pattern a search names, read from
// the parts of the kept report that list the patterns and their entries, not
// every theme's evidence, nor the lexicon.
func (c *Core) patternEntries(ctx context.Context, name string) ([]int64, error) {
	r, err := c.PatternsSummary(ctx)
	if err != nil {
		return nil, err
	}
	var patterns []insight.Pattern
	if err := c.readPart(ctx, keptLexicon, func(body []byte) error { return decodeJSON(body, &patterns) }); err != nil {
		return nil, err
	}
	found, ok := FindTheme(r.Themes, patterns, name)
	n := slices.IndexFunc(r.Themes, func(th insight.Theme) bool { return ok && found.Label == th.Label })
	if n < 0 {
		return nil, &InputError{Err: errNoPattern(name)}
	}
	ids, err := c.themeEntries(ctx, n)
	if err != nil || n >= len(ids) {
		return []int64{}, err
	}
	return ids[n], nil
}

type errNoPattern string

func (e errNoPattern) Error() string {
	return "pattern:" + string(e) + " is not one of your patterns; failup patterns lists them"
}

// FindTheme is the theme name stands for: its number in the list, the id of
// its pattern in the lexicon (patterns, as lexiconNames gives them), or its
// label, in any case, with hyphens for spaces.
func FindTheme(themes []insight.Theme, patterns []insight.Pattern, name string) (insight.Theme, bool) {
	if n, err := strconv.Atoi(name); err == nil && n >= 1 && n <= len(themes) {
		return themes[n-1], true
	}
	key := func(s string) string {
		return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "-", " "))), " ")
	}
	want := key(name)
	label := want
	for _, p := range patterns {
		if key(p.ID) == want {
			label = key(p.Label)
		}
	}
	for _, th := range themes {
		if key(th.Label) == label || key(th.PatternID) == want {
			return th, true
		}
	}
	return insight.Theme{}, false
}

// lexiconNames are the lexicon's patterns, ids and labels only.
func lexiconNames(lex insight.Lexicon) []insight.Pattern {
	names := make([]insight.Pattern, len(lex.Patterns))
	for i, p := range lex.Patterns {
		names[i] = insight.Pattern{ID: p.ID, Label: p.Label}
	}
	return names
}
