package app

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"strconv"
	"sync"

	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
)

// The whole journal's patterns are kept in parts, so that each screen reads
// what it shows and no more: the report without its themes' entries and
// evidence (what the patterns screen lists, as JSON), every theme's
// entries (ids as varints), each theme's evidence on its own, the
// lessons page laid out by theme (see LessonPlan), and where each lesson
// falls by day (see LessonDays, kept as a plan of one group). Evidence, most of a
// report (hundreds of thousands of hits in a large journal), and the
// lessons' layout have compact forms of their own: they name each entry's
// uid, each field and term, each day once, and read back into a few large
// allocations.

var errKeptReport = errors.New("the kept report is damaged")

// The names the parts are kept under.
const (
	keptSummary = "patterns"
	keptEntries = "patterns.entries"
	keptLessons = "patterns.lessons"
	keptDays    = "patterns.lessondays"
	// The lexicon's pattern ids and labels, which finding a pattern by its
	// id needs: the lexicon itself takes longer to read than a search.
	keptLexicon = "patterns.lexicon"
)

// keptEvidence is the name theme i's evidence is kept under (i from 0).
func keptEvidence(i int) string { return "patterns.evidence." + strconv.Itoa(i+1) }

// encodeKept writes r in parts. Each theme's evidence is written on its
// own, side by side with the others'.
func encodeKept(r insight.Report) (map[string][]byte, error) {
	parts := map[string][]byte{}
	evidence := make([][]byte, len(r.Themes))
	var wg sync.WaitGroup
	for i, th := range r.Themes {
		wg.Go(func() { evidence[i] = encodeEvidence(th.Evidence) })
	}
	summary := r
	summary.Themes = make([]insight.Theme, len(r.Themes))
	var entries []byte
	entries = binary.AppendUvarint(entries, uint64(len(r.Themes)))
	for i, th := range r.Themes {
		entries = appendIDs(entries, th.Entries)
		th.Entries, th.Evidence = nil, nil
		summary.Themes[i] = th
	}
	parts[keptEntries] = entries
	wg.Wait()
	for i, body := range evidence {
		parts[keptEvidence(i)] = body
	}
	var err error
	if parts[keptSummary], err = json.Marshal(keptSummaryOf(summary)); err != nil {
		return nil, err
	}
	return parts, nil
}

// keptReport is a Report as the kept summary holds it: with what patterns
// --json leaves out and the screens need. JSON, not gob: encoding/gob's
// initialisers cost every start of failup nearly a millisecond.
type keptReport struct {
	insight.Report
	Months []string    `json:"months"`
	Themes []keptTheme `json:"themes"`
}

type keptTheme struct {
	insight.Theme
	PatternID string `json:"pattern_id"`
	Key       string `json:"key"`
	Monthly   []int  `json:"monthly"`
}

func keptSummaryOf(r insight.Report) keptReport {
	k := keptReport{Report: r, Months: r.Months, Themes: make([]keptTheme, len(r.Themes))}
	for i, th := range r.Themes {
		k.Themes[i] = keptTheme{Theme: th, PatternID: th.PatternID, Key: th.Key, Monthly: th.Monthly}
	}
	return k
}

// decodeSummary reads the report keptSummaryOf kept.
func decodeSummary(body []byte) (insight.Report, error) {
	var k keptReport
	if err := json.Unmarshal(body, &k); err != nil {
		return insight.Report{}, errKeptReport
	}
	r := k.Report
	r.Months = k.Months
	r.Themes = make([]insight.Theme, len(k.Themes))
	for i, kt := range k.Themes {
		th := kt.Theme
		th.PatternID, th.Key, th.Monthly = kt.PatternID, kt.Key, kt.Monthly
		r.Themes[i] = th
	}
	return r, nil
}

// decodeJSON reads a kept part written as JSON into v.
func decodeJSON(body []byte, v any) error {
	if err := json.Unmarshal(body, v); err != nil {
		return errKeptReport
	}
	return nil
}

// appendIDs writes ids: how many plus one (0 being none at all), then each
// as the difference from the one before.
func appendIDs(out []byte, ids []int64) []byte {
	if ids == nil {
		return binary.AppendUvarint(out, 0)
	}
	out = binary.AppendUvarint(out, uint64(len(ids))+1)
	var last int64
	for _, id := range ids {
		out = binary.AppendVarint(out, id-last)
		last = id
	}
	return out
}

// decodeEntries reads every theme's entries, as appendIDs wrote them.
func decodeEntries(body []byte) ([][]int64, error) { return decodeEntriesOf(body, -1) }

// decodeEntriesOf reads the entries of the theme numbered only (from 0),
// or of every theme when only is -1; the others are read past, and left
// nil. A large journal's themes hold hundreds of thousands of entries, of
// which a search by one pattern wants one theme's.
func decodeEntriesOf(body []byte, only int) ([][]int64, error) {
	d := &decoder{b: body}
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
	}
	all := make([][]int64, 0, min(n, uint64(len(d.b))))
	for i := range n {
		if d.err != nil {
			break
		}
		k := d.uint()
		if k == 0 {
			all = append(all, nil)
			continue
		}
		k--
		if k > uint64(len(d.b)) {
			d.fail()
			break
		}
		if only >= 0 && i != uint64(only) {
			for range k {
				d.int()
			}
			all = append(all, nil)
			continue
		}
		ids := make([]int64, k)
		var last int64
		for j := range ids {
			last += d.int()
			ids[j] = last
		}
		all = append(all, ids)
	}
	if d.err == nil && len(d.b) > 0 {
		d.err = errKeptReport
	}
	return all, d.err
}

// encodePlan writes the lessons' layout: its period and headings, the days
// it names, then each group's ids and the index of each one's day.
func encodePlan(plan LessonPlan) []byte {
	w := &evidenceWriter{words: map[string]uint64{}}
	var body []byte
	body = binary.AppendUvarint(body, uint64(len(plan.Groups)))
	for _, g := range plan.Groups {
		body = appendIDs(body, g.IDs)
		for _, day := range g.Days {
			body = binary.AppendUvarint(body, w.index(string(day), w.words, &w.wordList))
		}
	}
	headings := []string{string(plan.First), string(plan.Last)}
	for _, g := range plan.Groups {
		headings = append(headings, g.Heading)
	}
	out := appendStrings(nil, headings)
	out = appendStrings(out, w.wordList)
	return append(out, body...)
}

// decodePlan reads the lessons' layout encodePlan wrote.
func decodePlan(body []byte) (LessonPlan, error) {
	d := &decoder{b: body}
	headings, days := d.strings(), d.strings()
	n := d.uint()
	if d.err != nil || len(headings) < 2 || uint64(len(headings)-2) != n {
		return LessonPlan{}, errKeptReport
	}
	plan := LessonPlan{First: journal.Date(headings[0]), Last: journal.Date(headings[1]), Groups: make([]export.PlannedGroup, n)}
	for i := range plan.Groups {
		g := &plan.Groups[i]
		g.Heading = headings[i+2]
		k := max(d.uint(), 1) - 1
		if k > uint64(len(d.b)) {
			return LessonPlan{}, errKeptReport
		}
		g.IDs, g.Days = make([]int64, k), make([]journal.Date, k)
		var last int64
		for j := range g.IDs {
			last += d.int()
			g.IDs[j] = last
		}
		for j := range g.Days {
			g.Days[j] = journal.Date(d.pick(days))
		}
	}
	if d.err == nil && len(d.b) > 0 {
		d.err = errKeptReport
	}
	return plan, d.err
}

// decodeEvidence reads one theme's evidence.
func decodeEvidence(body []byte) ([]insight.Evidence, error) {
	d := &decoder{b: body}
	uids, words := d.strings(), d.strings()
	evidence := d.theme(uids, words)
	if d.err == nil && len(d.b) > 0 {
		d.err = errKeptReport
	}
	return evidence, d.err
}

type evidenceWriter struct {
	uids, words       map[string]uint64
	uidList, wordList []string
	body              []byte
}

// encodeEvidence writes a theme's evidence: the uids and the words it names,
// then the evidence naming them by number.
func encodeEvidence(evidence []insight.Evidence) []byte {
	w := &evidenceWriter{uids: map[string]uint64{}, words: map[string]uint64{}}
	w.theme(evidence)
	out := appendStrings(nil, w.uidList)
	out = appendStrings(out, w.wordList)
	return append(out, w.body...)
}

func (w *evidenceWriter) index(s string, seen map[string]uint64, list *[]string) uint64 {
	i, ok := seen[s]
	if !ok {
		i = uint64(len(*list))
		seen[s] = i
		*list = append(*list, s)
	}
	return i
}

// theme writes a theme's evidence: how many (plus one, 0 being none at
// all), the hits in all, then each piece of evidence and its hits.
func (w *evidenceWriter) theme(evidence []insight.Evidence) {
	if evidence == nil {
		w.body = binary.AppendUvarint(w.body, 0)
		return
	}
	hits := 0
	for _, ev := range evidence {
		hits += len(ev.Hits)
	}
	w.body = binary.AppendUvarint(w.body, uint64(len(evidence))+1)
	w.body = binary.AppendUvarint(w.body, uint64(hits))
	for _, ev := range evidence {
		w.body = binary.AppendVarint(w.body, ev.EntryID)
		w.body = binary.AppendUvarint(w.body, w.index(ev.UID, w.uids, &w.uidList))
		if ev.Hits == nil {
			w.body = binary.AppendUvarint(w.body, 0)
			continue
		}
		w.body = binary.AppendUvarint(w.body, uint64(len(ev.Hits))+1)
		for _, h := range ev.Hits {
			w.body = binary.AppendUvarint(w.body, w.index(h.Field, w.words, &w.wordList))
			w.body = binary.AppendUvarint(w.body, uint64(h.Start))
			w.body = binary.AppendUvarint(w.body, uint64(h.End))
			w.body = binary.AppendUvarint(w.body, w.index(h.Term, w.words, &w.wordList))
		}
	}
}

func appendStrings(out []byte, list []string) []byte {
	out = binary.AppendUvarint(out, uint64(len(list)))
	for _, s := range list {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	return out
}

// decoder reads varints and strings from b, keeping the first error.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) int() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) bytes(n uint64) []byte {
	if d.err != nil || n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errKeptReport
	}
	d.b = nil
}

// strings reads a list of strings, all backed by one allocation.
func (d *decoder) strings() []string {
	n := d.uint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	raw := make([][]byte, n)
	size := 0
	for i := range raw {
		raw[i] = d.bytes(d.uint())
		size += len(raw[i])
	}
	all := make([]byte, 0, size)
	for _, b := range raw {
		all = append(all, b...)
	}
	text := string(all)
	list := make([]string, n)
	at := 0
	for i, b := range raw {
		list[i] = text[at : at+len(b)]
		at += len(b)
	}
	return list
}

func (d *decoder) pick(list []string) string {
	i := d.uint()
	if i >= uint64(len(list)) {
		d.fail()
		return ""
	}
	return list[i]
}

func (d *decoder) theme(uids, words []string) []insight.Evidence {
	n := d.uint()
	if n == 0 || d.err != nil {
		return nil
	}
	n--
	total := d.uint()
	if n > uint64(len(d.b)) || total > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	evidence := make([]insight.Evidence, n)
	hits := make([]insight.Hit, 0, total)
	for i := range evidence {
		ev := &evidence[i]
		ev.EntryID = d.int()
		ev.UID = d.pick(uids)
		k := d.uint()
		if k == 0 {
			continue
		}
		k--
		if k > uint64(cap(hits)-len(hits)) {
			d.fail()
			return nil
		}
		start := len(hits)
		for range k {
			hits = append(hits, insight.Hit{Field: d.pick(words), Start: int(d.uint()), End: int(d.uint()), Term: d.pick(words)})
		}
		ev.Hits = hits[start:len(hits):len(hits)]
	}
	return evidence
}
