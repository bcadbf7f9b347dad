package insight

import (
	"iter"
	"runtime"
	"slices"
	"sync"

	"github.com/failup/failup/internal/journal"
)

// minChunk is the fewest entries worth scanning on a core of their own.
const minChunk = 4000

// scanned is a stretch of the journal read into a corpus, with the entries
// of each lexicon pattern found on the way.
type scanned struct {
	c      *corpus
	drafts []*draft
}

// scan reads entries into a corpus and finds the lexicon's patterns in
// them. A large journal is split across the machine's cores, each part
// with its own vocabulary, and the parts are joined after onto the first,
// which is made big enough to take them.
func scan(entries []journal.Entry, lex Lexicon) scanned {
	return scanIn(entries, lex, max(1, min(runtime.GOMAXPROCS(0), len(entries)/minChunk)))
}

// scanIn is scan in n parts.
func scanIn(entries []journal.Entry, lex Lexicon, n int) scanned {
	parts := make([]scanned, n)
	var wg sync.WaitGroup
	for i := range parts {
		lo, hi := i*len(entries)/len(parts), (i+1)*len(entries)/len(parts)
		roomFor := entries[lo:hi]
		if i == 0 {
			roomFor = entries
		}
		wg.Go(func() { parts[i] = scanPart(entries[lo:hi], roomFor, lex) })
	}
	wg.Wait()
	return joinParts(parts, entries)
}

// streamChunk is how many entries scanEach scans together.
const streamChunk = 25000

// scanEach is scan of the entries seq yields, read a chunk at a time and
// each chunk scanned on a core of its own as soon as it is read, so that
// reading a large journal from disk and scanning it overlap. The first
// chunks are small, each twice the one before, so that scanning starts soon
// after reading does and keeps up with it. The entries are read into room
// for size of them, made at once; more are read all the same, and a size of
// 0 says nothing of how many. It returns the entries with their scan.
func scanEach(seq iter.Seq2[journal.Entry, error], size int, lex Lexicon) ([]journal.Entry, scanned, error) {
	var (
		parts []*scanned
		wg    sync.WaitGroup
	)
	entries := make([]journal.Entry, 0, max(size, 0))
	// chunk is where the entries not yet being scanned start, and next how
	// many make the next chunk.
	chunk, next := 0, minChunk
	// start scans the entries from chunk on in n parts.
	start := func(n int) {
		read := entries[chunk:]
		for i := range n {
			lo, hi := i*len(read)/n, (i+1)*len(read)/n
			part, entries := &scanned{}, read[lo:hi:hi]
			parts = append(parts, part)
			wg.Go(func() { *part = scanPart(entries, entries, lex) })
		}
		chunk, next = len(entries), min(2*next, streamChunk)
	}
	for e, err := range seq {
		if err != nil {
			wg.Wait()
			return nil, scanned{}, err
		}
		// Past size the entries are copied as they grow; the chunks being
		// scanned are read where they were.
		entries = append(entries, e)
		// A chunk is left to the last when size says less than half
		// another is to come.
		last := len(entries) <= size && size-len(entries) < next/2
		if len(entries)-chunk >= next && !last {
			start(1)
		}
	}
	// Nothing is read while the last chunk is scanned: it is split across
	// the cores, so that none waits for the others.
	if rest := len(entries) - chunk; rest > 0 {
		start(max(1, min(runtime.GOMAXPROCS(0), rest/minChunk)))
	}
	wg.Wait()
	if len(parts) == 0 {
		return nil, scanned{}, nil
	}
	joined := make([]scanned, len(parts))
	for i, p := range parts {
		joined[i] = *p
	}
	return entries, joinParts(joined, entries), nil
}

// scanPart scans entries with a vocabulary of its own, making room in the
// corpus for roomFor.
func scanPart(entries, roomFor []journal.Entry, lex Lexicon) scanned {
	v := newVocab()
	lr := newLexiconReader(compileLexicon(lex, v))
	return scanned{newCorpus(entries, roomFor, v, lr.read), lr.drafts}
}

// joinParts joins parts, which scanned entries in order, onto the first.
// The stems are joined in order; then, each part's place in the whole being
// known, the parts' columns are copied into it side by side.
func joinParts(parts []scanned, entries []journal.Entry) scanned {
	whole := parts[0]
	if len(parts) == 1 {
		return whole
	}
	c := whole.c
	stems := make(map[string]int32, len(c.stems))
	for i, text := range c.stems {
		stems[text] = int32(i)
	}
	places := make([]partPlace, len(parts))
	next := partPlace{entry: int32(len(c.entries)), field: int32(len(c.fields)), content: int32(len(c.contentStems)),
		role: len(c.roles), hits: make([]int32, len(whole.drafts)), members: make([]int32, len(whole.drafts))}
	for i, d := range whole.drafts {
		next.hits[i], next.members[i] = int32(len(d.hits)), int32(len(d.members))
	}
	for k, p := range parts[1:] {
		at := next
		at.remap = whole.joinStems(p, stems)
		at.hits, at.members = slices.Clone(next.hits), slices.Clone(next.members)
		places[k+1] = at
		next.entry += int32(len(p.c.entries))
		next.field += int32(len(p.c.fields))
		next.content += int32(len(p.c.contentStems))
		next.role += len(p.c.roles)
		for i, d := range p.drafts {
			next.hits[i] += int32(len(d.hits))
			next.members[i] += int32(len(d.members))
		}
	}
	c.fields = extend(c.fields, int(next.field))
	c.contentStems = extend(c.contentStems, int(next.content))
	c.contentStarts = extend(c.contentStarts, int(next.content))
	c.roles = extend(c.roles, next.role)
	for i, d := range whole.drafts {
		d.hits, d.members = extend(d.hits, int(next.hits[i])), extend(d.members, int(next.members[i]))
	}
	var wg sync.WaitGroup
	for k, p := range parts[1:] {
		wg.Go(func() { whole.copyIn(p, places[k+1]) })
	}
	wg.Wait()
	c.entries = entries[:next.entry]
	return whole
}

// partPlace is where a part goes in the whole: the index of its first
// entry, field, content word and role, and of its first hit and member of
// each draft; remap gives its stems' ids in the whole.
type partPlace struct {
	entry, field, content int32
	role                  int
	hits, members         []int32
	remap                 []int32
}

// extend is s made n long, its new elements to be written.
func extend[S ~[]E, E any](s S, n int) S {
	return slices.Grow(s, n-len(s))[:n]
}

// joinStems adds p's stems to s's, with their counts, and gives their ids
// in s; stems indexes s's stems by text.
func (s *scanned) joinStems(p scanned, stems map[string]int32) []int32 {
	c := s.c
	remap := make([]int32, len(p.c.stems))
	for i, text := range p.c.stems {
		id, ok := stems[text]
		if !ok {
			id = int32(len(c.stems))
			stems[text] = id
			c.stems = append(c.stems, text)
			c.midUses, c.capUses = append(c.midUses, 0), append(c.capUses, 0)
			c.zipfs = append(c.zipfs, 0)
			c.personUses = append(c.personUses, 0)
		}
		c.personUses[id] += p.c.personUses[i]
		remap[i] = id
		c.midUses[id] += p.c.midUses[i]
		c.capUses[id] += p.c.capUses[i]
		c.zipfs[id] = max(c.zipfs[id], p.c.zipfs[i])
	}
	c.tokens += p.c.tokens
	return remap
}

// copyIn copies p's columns into s at its place, which s has room for.
func (s *scanned) copyIn(p scanned, at partPlace) {
	c := s.c
	for i, r := range p.c.roles {
		r.entry += at.entry
		r.field += at.field
		c.roles[at.role+i] = r
	}
	for i, f := range p.c.fields {
		f.entry += at.entry
		f.contentFirst += at.content
		f.contentEnd += at.content
		c.fields[int(at.field)+i] = f
	}
	for i, stem := range p.c.contentStems {
		c.contentStems[int(at.content)+i] = at.remap[stem]
	}
	copy(c.contentStarts[at.content:], p.c.contentStarts)
	for i, d := range p.drafts {
		into := s.drafts[i]
		for j, h := range d.hits {
			h.field += at.field
			into.hits[int(at.hits[i])+j] = h
		}
		for j, m := range d.members {
			m.entry += at.entry
			m.first += at.hits[i]
			m.end += at.hits[i]
			into.members[int(at.members[i])+j] = m
		}
	}
}
