package app

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"errors"

	"github.com/failup/failup/internal/insight"
)

// A kept report is its themes' evidence, which is most of it (hundreds of
// thousands of hits in a large journal), in a compact form of its own, after
// the rest of the report gob-encoded. The evidence form names each entry's
// uid and each field and term once, and reads back into a few large
// allocations, so a kept report is read in a fraction of the time gob takes
// for it.

var errKeptReport = errors.New("the kept report is damaged")

// encodeReport writes r for keeping.
func encodeReport(r insight.Report) ([]byte, error) {
	rest := r
	rest.Themes = make([]insight.Theme, len(r.Themes))
	for i, th := range r.Themes {
		th.Evidence = nil
		rest.Themes[i] = th
	}
	var head bytes.Buffer
	if err := gob.NewEncoder(&head).Encode(rest); err != nil {
		return nil, err
	}
	w := &evidenceWriter{uids: map[string]uint64{}, words: map[string]uint64{}}
	for _, th := range r.Themes {
		w.theme(th.Evidence)
	}
	out := binary.AppendUvarint(nil, uint64(head.Len()))
	out = append(out, head.Bytes()...)
	out = appendStrings(out, w.uidList)
	out = appendStrings(out, w.wordList)
	return append(out, w.body...), nil
}

type evidenceWriter struct {
	uids, words       map[string]uint64
	uidList, wordList []string
	body              []byte
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

// decodeReport reads what encodeReport wrote.
func decodeReport(body []byte) (insight.Report, error) {
	var r insight.Report
	d := &decoder{b: body}
	head := d.bytes(d.uint())
	if d.err != nil {
		return r, d.err
	}
	if err := gob.NewDecoder(bytes.NewReader(head)).Decode(&r); err != nil {
		return r, err
	}
	uids, words := d.strings(), d.strings()
	for i := range r.Themes {
		r.Themes[i].Evidence = d.theme(uids, words)
	}
	if d.err == nil && len(d.b) > 0 {
		d.err = errKeptReport
	}
	return r, d.err
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
