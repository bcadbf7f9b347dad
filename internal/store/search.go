package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"modernc.org/sqlite"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/searchquery"
	"github.com/failup/failup/internal/termtext"
	"github.com/failup/failup/internal/wordform"
)

// failup_words is what the full-text index holds for a text: the forms of
// its words (see wordform), which SQLite's own tokenizers cannot make.
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("failup_words", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		switch v := args[0].(type) {
		case string:
			return wordform.Text(v), nil
		case []byte:
			return wordform.Text(string(v)), nil
		}
		return "", nil
	})
}

// Hit is one search result.
type Hit struct {
	ID         int64        `json:"id"`
	UID        string       `json:"uid"`
	OccurredOn journal.Date `json:"occurred_on"`
	Title      string       `json:"title"`
	Snippet    string       `json:"snippet"`
}

// Snippet markers: the search terms inside Hit.Snippet are wrapped in these
// private-use characters, which survive termtext cleaning and are replaced
// before anything is shown.
const (
	MatchStart = "\ue000"
	MatchEnd   = "\ue001"
)

// Request is a search.
type Request struct {
	Query searchquery.Query
	// Limit is the most hits wanted; 0 or less is all.
	Limit int
	// Today reads before: and after: days such as "last month"; zero is
	// the day it is.
	Today journal.Date
	// Order reads a before: or after: day such as 3/4: day or month first.
	Order journal.Order
	// Pattern gives the ids of the entries showing the pattern named by
	// pattern:NAME; nil when patterns cannot be searched.
	Pattern func(name string) ([]int64, error)
	// Typing is set for a query searched again at each key press: while
	// its last word is too short to be read as the start of longer ones,
	// nothing is suggested, since more letters are on their way.
	Typing bool
}

// Results are what a search found.
type Results struct {
	Hits []Hit `json:"hits"`
	// Suggestion, when nothing matched, is the query with its words that
	// are not in the journal replaced by the closest that are, if that
	// finds something; "" otherwise.
	Suggestion string `json:"suggestion,omitempty"`
	// Widen, when nothing matched and nothing is suggested, is a sentence
	// on what may find more (see searchquery.Query.Widen).
	Widen string `json:"widen,omitempty"`
	// Unmatched, when nothing matched and nothing is suggested for the
	// whole query, are the words of a query of more than one word (or with
	// filters) that no entry has: which to take out or correct.
	Unmatched []Unmatched `json:"unmatched,omitempty"`
}

// Unmatched is a word or phrase of a search that no entry has, as typed,
// and the closest the journal has, if any.
type Unmatched struct {
	Text       string `json:"text"`
	Suggestion string `json:"suggestion,omitempty"`
}

// SayUnmatched says which words no entry has, and the word of the journal
// each is likely a slip for: No entry has "presription"; did you mean
// "prescription"? It is the one wording of the command line and the screens.
// When a word is offered, widen (Results.Widen) follows: the words offered
// find nothing either, or they would have been offered as a whole search.
func SayUnmatched(words []Unmatched, widen string) string {
	quote := func(s string) string { return `"` + termtext.Line(s) + `"` }
	offered := slices.ContainsFunc(words, func(u Unmatched) bool { return u.Suggestion != "" })
	then := ""
	if offered && widen != "" {
		then = " " + widen
	}
	if len(words) == 1 && words[0].Suggestion != "" {
		return fmt.Sprintf("No entry has %s; did you mean %s?", quote(words[0].Text), quote(words[0].Suggestion)) + then
	}
	var b strings.Builder
	b.WriteString("No entry has ")
	for i, w := range words {
		switch {
		case i == 0:
		case i == len(words)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(quote(w.Text))
		if w.Suggestion != "" {
			b.WriteString(" (did you mean " + quote(w.Suggestion) + "?)")
		}
	}
	return b.String() + "." + then
}

// QueryError is a search that cannot be run as asked, such as a day that is
// not one; its message is one sentence for the person who typed it.
type QueryError struct{ Msg string }

func (e *QueryError) Error() string { return e.Msg }

// Search finds the entries matching query (see searchquery), best match
// first. It is Find for callers without patterns or a day of their own.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]Hit, error) {
	r, err := s.Find(ctx, Request{Query: searchquery.Parse(query), Limit: limit})
	return r.Hits, err
}

// rankWeights weigh a match by the column it is in: the title and the
// lesson are what an entry is about, an answer says much besides.
const rankWeights = "10.0, 8.0, 1.0, 3.0, 6.0" // title, lesson, answers, followup, labels

// Find runs a search: entries matching every word (in any of its forms),
// phrase and filter of r.Query, best match first and, among equal matches,
// the most recent first. With filters alone, the newest entries first.
func (s *Store) Find(ctx context.Context, r Request) (Results, error) {
	var res Results
	conds, args, sets, err := s.searchFilters(r)
	if err != nil {
		return res, err
	}
	match, matched := matchExpr(r.Query.All)
	exclude := ""
	if len(r.Query.None) > 0 {
		exclude, _ = matchExpr([][]searchquery.Term{r.Query.None})
	}
	limit := r.Limit
	if limit <= 0 {
		limit = -1
	}
	switch {
	case match == "" && len(conds) == 0 && exclude == "" && sets == nil:
		return res, nil
	case match == "":
		if exclude != "" {
			conds = append(conds, "e.id NOT IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)")
			args = append(args, exclude)
		}
		res.Hits, err = s.newest(ctx, conds, args, sets, limit)
	default:
		if exclude != "" {
			match = "(" + match + ") NOT (" + exclude + ")"
		}
		conds, args, err = inSets(conds, args, sets)
		if err != nil {
			return res, err
		}
		if lonePhrase(r.Query) && exclude == "" {
			res.Hits, err = s.byPlace(ctx, match, conds, args, limit)
		} else {
			res.Hits, err = s.ranked(ctx, match, conds, args, limit)
		}
	}
	if err != nil {
		return res, err
	}
	if err := s.snippets(ctx, res.Hits, matched); err != nil {
		return res, err
	}
	closest := map[string]string{}
	if len(res.Hits) == 0 && match != "" && !(r.Typing && halfTyped(r.Query)) {
		if res.Suggestion, err = s.suggest(ctx, r, closest); err != nil {
			return res, err
		}
	}
	if len(res.Hits) == 0 && res.Suggestion == "" {
		res.Widen = r.Query.Widen()
		// While a query is typed, a word that matches nothing is often
		// one not finished.
		if match != "" && !r.Typing && !loneWord(r.Query) {
			res.Unmatched, err = s.unmatched(ctx, r.Query, closest)
		}
	}
	return res, err
}

// ranked finds the entries matching match and conds, best first. With
// filters, the most recent matches of the words are tried first: checking
// a filter reads the entry, and the most recent are where enough usually
// pass. Only when too few do is every match checked.
func (s *Store) ranked(ctx context.Context, match string, conds []string, args []any, limit int) ([]Hit, error) {
	if len(conds) == 0 && limit > 0 && limit < rankedAtMost {
		return s.newestRanked(ctx, match, limit)
	}
	where := ""
	if len(conds) > 0 {
		where = " AND " + strings.Join(conds, " AND ")
	}
	rank := func(from int64) ([]Hit, error) {
		all := append([]any{match, from}, args...)
		return s.hits(ctx, `SELECT e.id, e.uid, e.occurred_on, e.title
			FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid
			WHERE entries_fts MATCH ? AND entries_fts.rowid >= ? AND rank MATCH 'bm25(`+rankWeights+`)'`+where+`
			ORDER BY rank, e.occurred_on DESC, e.id DESC LIMIT ?`, append(all, limit)...)
	}
	from, err := s.rankFrom(ctx, match, "", nil, limit)
	if err != nil || from == 0 {
		return rank(0)
	}
	hits, err := rank(from)
	if err != nil || len(hits) == limit || where == "" {
		return hits, err
	}
	if from, err = s.rankFrom(ctx, match, where, args, limit); err != nil {
		return nil, err
	}
	return rank(from)
}

// rankedAtMost bounds the matches a search ranks. bm25 costs about a
// microsecond a match, so a word in most of a 100,000-entry journal would
// take a person-noticeable time; past this many matches, the most recently
// written are ranked, which is where what a person looks for usually is.
const rankedAtMost = 1000

// rankFrom is the lowest entry id to rank: 0 (all) unless a limited search
// matches more than rankedAtMost entries.
func (s *Store) rankFrom(ctx context.Context, match, where string, args []any, limit int) (int64, error) {
	if limit < 0 || limit >= rankedAtMost {
		return 0, nil
	}
	join := ""
	if where != "" {
		join = " JOIN entries e ON e.id = entries_fts.rowid"
	}
	var from int64
	err := s.db.QueryRowContext(ctx, `SELECT entries_fts.rowid FROM entries_fts`+join+`
		WHERE entries_fts MATCH ?`+where+` ORDER BY entries_fts.rowid DESC LIMIT 1 OFFSET ?`,
		append(append([]any{match}, args...), rankedAtMost-1)...).Scan(&from)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return from, err
}

// lonePhrase reports whether q's words are one phrase of several words.
func lonePhrase(q searchquery.Query) bool {
	return len(q.All) == 1 && len(q.All[0]) == 1 && q.All[0][0].Phrase && len(wordform.Words(q.All[0][0].Text)) > 1
}

// byPlace finds the entries with the phrase match that meet conds, those
// with it in the title or lesson first, and the most recent first among
// them. A phrase's matches are not ranked by bm25: scoring needs how many
// entries of the whole journal have the phrase, and a phrase of common
// words ("first sign of slipping") is checked word by word in nearly every
// entry (most of its search's time on 100,000 entries), while the scores
// of one phrase's matches differ only by where and how often it comes. A
// limited search takes the rankedAtMost most recent matches, as ranked
// does.
func (s *Store) byPlace(ctx context.Context, match string, conds []string, args []any, limit int) ([]Hit, error) {
	join, where, window := "", "", -1
	if len(conds) > 0 {
		join, where = " JOIN entries e ON e.id = entries_fts.rowid", " AND "+strings.Join(conds, " AND ")
	}
	if limit > 0 && limit < rankedAtMost {
		window = rankedAtMost
	}
	all := append(append([]any{match}, args...), window, "{title lesson} : "+match, limit)
	return s.hits(ctx, `WITH m AS MATERIALIZED (
			SELECT entries_fts.rowid AS id FROM entries_fts`+join+`
			WHERE entries_fts MATCH ?`+where+` ORDER BY entries_fts.rowid DESC LIMIT ?),
		lead AS MATERIALIZED (
			SELECT rowid AS id FROM entries_fts WHERE entries_fts MATCH ? AND rowid >= (SELECT min(id) FROM m))
		SELECT e.id, e.uid, e.occurred_on, e.title FROM m JOIN entries e ON e.id = m.id
		ORDER BY m.id NOT IN lead, e.occurred_on DESC, e.id DESC LIMIT ?`, all...)
}

// newestRanked ranks the rankedAtMost most recent matches of match and
// reads the entries of the best limit of them. The matches are read newest
// first in one pass over the index, scored as they are read, and only the
// best (with any that score the same as the last of them, for the
// tie-break) are looked up among the entries: looking up every match cost
// more than scoring it.
func (s *Store) newestRanked(ctx context.Context, match string, limit int) ([]Hit, error) {
	return s.hits(ctx, `WITH m AS MATERIALIZED (
			SELECT rowid AS id, bm25(entries_fts, `+rankWeights+`) AS score FROM entries_fts
			WHERE entries_fts MATCH ? ORDER BY rowid DESC LIMIT ?),
		cut AS (SELECT max(score) AS score FROM (SELECT score FROM m ORDER BY score LIMIT ?))
		SELECT e.id, e.uid, e.occurred_on, e.title FROM m JOIN entries e ON e.id = m.id
		WHERE m.score <= (SELECT score FROM cut)
		ORDER BY m.score, e.occurred_on DESC, e.id DESC LIMIT ?`, match, rankedAtMost, limit, limit)
}

func (s *Store) hits(ctx context.Context, query string, args ...any) ([]Hit, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		var occurred string
		if err := rows.Scan(&h.ID, &h.UID, &occurred, &h.Title); err != nil {
			return nil, err
		}
		h.OccurredOn = journal.Date(occurred)
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// newest is the newest entries that meet conds and are in every one of
// sets, at most limit of them (all when limit is -1).
func (s *Store) newest(ctx context.Context, conds []string, args []any, sets [][]int64, limit int) ([]Hit, error) {
	if hits, done, err := s.newestWalked(ctx, conds, args, sets, limit); done || err != nil {
		return hits, err
	}
	conds, args, err := inSets(conds, args, sets)
	if err != nil {
		return nil, err
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ")
	}
	return s.hits(ctx, `SELECT e.id, e.uid, e.occurred_on, e.title FROM entries e `+where+`
		ORDER BY e.occurred_on DESC, e.created_at DESC, e.id DESC LIMIT ?`, append(args, limit)...)
}

// newestWalked finds the newest entries in sets as newest does, by reading
// the entries that meet conds newest first and keeping those in every set,
// for a limited search of large sets: SQLite makes a set of thousands of
// ids (a common pattern's) at about a microsecond each, and a few dozen
// entries usually have the limit's worth. When half the smallest set's
// size in entries has been read without finding enough, it gives up (done
// is false), leaving the search to SQLite.
func (s *Store) newestWalked(ctx context.Context, conds []string, args []any, sets [][]int64, limit int) (hits []Hit, done bool, err error) {
	if len(sets) == 0 || limit <= 0 {
		return nil, false, nil
	}
	budget := len(sets[0])
	sorted := make([][]int64, len(sets))
	for i, set := range sets {
		budget = min(budget, len(set))
		sorted[i] = slices.Clone(set)
		slices.Sort(sorted[i])
	}
	budget /= 2
	if budget < minWalk {
		return nil, false, nil
	}
	where := ""
	if len(conds) > 0 {
		where = "WHERE " + strings.Join(conds, " AND ")
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.id, e.uid, e.occurred_on, e.title FROM entries e `+where+`
		ORDER BY e.occurred_on DESC, e.created_at DESC, e.id DESC LIMIT ?`, append(slices.Clip(args), budget)...)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	read := 0
	for len(hits) < limit && rows.Next() {
		read++
		var h Hit
		var occurred string
		if err := rows.Scan(&h.ID, &h.UID, &occurred, &h.Title); err != nil {
			return nil, false, err
		}
		if slices.IndexFunc(sorted, func(set []int64) bool { _, in := slices.BinarySearch(set, h.ID); return !in }) < 0 {
			h.OccurredOn = journal.Date(occurred)
			hits = append(hits, h)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	return hits, len(hits) == limit || read < budget, nil
}

// minWalk is the fewest entries newestWalked reads before giving up: for
// smaller sets, SQLite's own is quick to make.
const minWalk = 32

// inSets adds to conds the condition that e is in each of sets.
func inSets(conds []string, args []any, sets [][]int64) ([]string, []any, error) {
	for _, set := range sets {
		list, err := json.Marshal(set)
		if err != nil {
			return nil, nil, err
		}
		// Not through the primary key: walking the entries newest first
		// and keeping a pattern's stops at the first page, where looking
		// each of its entries up would read thousands to sort them.
		conds = append(conds, "+e.id IN (SELECT value FROM json_each(?))")
		args = append(args, string(list))
	}
	return conds, args, nil
}

// searchFilters are the SQL conditions on e (entries) for the filters of r
// but pattern:, and the entries of each pattern named.
func (s *Store) searchFilters(r Request) ([]string, []any, [][]int64, error) {
	q := r.Query
	var conds []string
	var args []any
	today := r.Today
	if today.IsZero() {
		today = journal.Today()
	}
	for _, d := range []struct{ name, value, cond string }{
		{"after", q.After, "e.occurred_on >= ?"},
		{"before", q.Before, "e.occurred_on < ?"},
	} {
		if d.value == "" {
			continue
		}
		day, err := journal.ParseDay(d.value, today, r.Order)
		if err != nil {
			return nil, nil, nil, &QueryError{Msg: fmt.Sprintf("%s:%s is not a day; try %s:2026-05-01, %s:yesterday or %s:\"30 days ago\"",
				d.name, quoteIfSpaced(d.value), d.name, d.name, d.name)}
		}
		conds = append(conds, d.cond)
		args = append(args, string(day))
	}
	for _, t := range q.Tags {
		conds = append(conds, "EXISTS (SELECT 1 FROM tags t WHERE t.entry_id = e.id AND t.tag = ?)")
		args = append(args, t)
	}
	for _, name := range q.Skills {
		sk, err := skillNamed(name)
		if err != nil {
			return nil, nil, nil, err
		}
		conds = append(conds, "EXISTS (SELECT 1 FROM skills s WHERE s.entry_id = e.id AND s.skill = ?)")
		args = append(args, string(sk))
	}
	var sets [][]int64
	for _, name := range q.Patterns {
		if r.Pattern == nil {
			return nil, nil, nil, &QueryError{Msg: "pattern: cannot be searched here"}
		}
		ids, err := r.Pattern(name)
		if err != nil {
			return nil, nil, nil, err
		}
		sets = append(sets, ids)
	}
	return conds, args, sets, nil
}

func quoteIfSpaced(s string) string {
	if strings.ContainsRune(s, ' ') {
		return `"` + s + `"`
	}
	return s
}

// skillNamed reads a skill as typed: its name in any case, with spaces or
// hyphens, or the start of only one skill's name.
func skillNamed(name string) (journal.Skill, error) {
	want := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(name, "-", " "))), "-")
	var starts []journal.Skill
	for _, sk := range journal.Skills {
		if string(sk) == want {
			return sk, nil
		}
		if want != "" && strings.HasPrefix(string(sk), want) {
			starts = append(starts, sk)
		}
	}
	if len(starts) == 1 {
		return starts[0], nil
	}
	names := make([]string, len(journal.Skills))
	for i, sk := range journal.Skills {
		names[i] = string(sk)
	}
	return "", &QueryError{Msg: fmt.Sprintf("skill:%s is not a skill; the skills are %s", quoteIfSpaced(name), strings.Join(names, ", "))}
}

// matchExpr is the FTS5 expression for groups, which must each match, and
// the forms it looks for, for highlighting. Every form is a quoted string,
// so nothing typed is FTS5 syntax.
func matchExpr(groups [][]searchquery.Term) (string, *forms) {
	found := &forms{exact: map[string]bool{}}
	var all []string
	for _, group := range groups {
		var alts []string
		for _, t := range group {
			if e := termExpr(t, found); e != "" {
				alts = append(alts, e)
			}
		}
		switch len(alts) {
		case 0:
		case 1:
			all = append(all, alts[0])
		default:
			all = append(all, "("+strings.Join(alts, " OR ")+")")
		}
	}
	return strings.Join(all, " AND "), found
}

func termExpr(t searchquery.Term, found *forms) string {
	words := wordform.Words(t.Text)
	if len(words) == 0 {
		return ""
	}
	if t.Phrase {
		fs := make([]string, len(words))
		for i, w := range words {
			fs[i] = wordform.Form(w)
			found.exact[fs[i]] = true
		}
		return quoteFTS(strings.Join(fs, " "))
	}
	parts := make([]string, len(words))
	for i, w := range words {
		if i < len(words)-1 || !t.Prefix || len(w) < minPrefix {
			f := wordform.Form(w)
			found.exact[f] = true
			parts[i] = quoteFTS(f)
			continue
		}
		starts, exact := wordform.Prefix(w)
		// Each beginning and form is looked up once: "deadlin*" already
		// finds what "deadline*" and "deadlin" would.
		slices.SortFunc(starts, func(a, b string) int { return len(a) - len(b) })
		covered := func(f string) bool {
			return slices.ContainsFunc(found.starts, func(p string) bool { return strings.HasPrefix(f, p) })
		}
		var alts []string
		for _, f := range starts {
			if !covered(f) {
				found.starts = append(found.starts, f)
				alts = append(alts, quoteFTS(f)+"*")
			}
		}
		for _, f := range exact {
			if !covered(f) {
				found.exact[f] = true
				alts = append(alts, quoteFTS(f))
			}
		}
		parts[i] = "(" + strings.Join(alts, " OR ") + ")"
	}
	return strings.Join(parts, " AND ")
}

// halfTyped reports whether q ends in a word being typed that is too short
// to be read as the start of longer ones.
func halfTyped(q searchquery.Query) bool {
	for _, group := range q.All {
		for _, t := range group {
			if words := wordform.Words(t.Text); t.Prefix && len(words) > 0 && len(words[len(words)-1]) < minPrefix {
				return true
			}
		}
	}
	return false
}

// minPrefix is the fewest bytes of a last word read as the start of longer
// ones: one or two letters begin too many words to tell anything.
const minPrefix = 3

func quoteFTS(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// forms are the indexed forms a search looks for: whole, or as beginnings.
type forms struct {
	exact  map[string]bool
	starts []string
	// initials are the first bytes of exact and starts.
	initials map[byte]bool
}

func (f *forms) has(form string) bool {
	if f == nil {
		return false
	}
	if f.exact[form] {
		return true
	}
	return slices.ContainsFunc(f.starts, func(p string) bool { return strings.HasPrefix(form, p) })
}

// hasWord reports whether a word (as wordform.Each gives it) has one of the
// forms, stemming only words that may: a fresh process stems slowly.
func (f *forms) hasWord(word string) bool {
	if f == nil {
		return false
	}
	if f.initials == nil {
		f.initials = map[byte]bool{}
		for form := range f.exact {
			f.initials[form[0]] = true
		}
		for _, p := range f.starts {
			f.initials[p[0]] = true
		}
	}
	if wordform.KeepsInitial(word) && !f.initials[word[0]] {
		return false
	}
	return f.has(wordform.Form(word))
}
