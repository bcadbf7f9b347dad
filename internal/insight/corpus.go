package insight

import "github.com/failup/failup/internal/journal"

// corpus is a set of entries scanned once. It keeps only what the phrase
// passes need, column by column so each pass is a plain array walk: the
// stem and position of every content word. Everything else about a word is
// read while its entry is scanned (see entryWords) and then let go, which
// keeps a 100,000-entry journal within tens of megabytes.
type corpus struct {
	entries []journal.Entry
	fields  []field
	// stems are the stems' texts, by stem id; midUses and capUses count,
	// by stem, uses in mid-sentence and how many of those were capitalised.
	stems            []string
	midUses, capUses []int32
	// personUses counts, by stem, uses that show a person (see notePerson).
	personUses []int32
	// roles are where the person wrote "my manager", "my sister" and the
	// like, in the order of the entries.
	roles []roleHit
	// zipfs say, by stem, how common its commonest word is in everyday
	// English; tokens counts every word of the journal's text.
	zipfs  []float32
	tokens int64
	// contentStems and contentStarts are the content words: their stems,
	// and their byte offsets in their field's text, with sentenceBreak set
	// on the first content word of a sentence.
	contentStems  []int32
	contentStarts []uint32
}

const sentenceBreak = 1 << 31

// field is one piece of an entry's text: its title, an answer, its lesson,
// its commitment. part says which: an answer's index, or partTitle and co.
type field struct {
	part int16
	// support marks the answers that look forward or to what went well
	// (what to do differently, strengths, the lesson, the commitment): they
	// may back a theme that the title, the cause and the patterns answers
	// show, but never make one on their own.
	support bool
	// cause marks the answers about the cause and the patterns behind it.
	cause  bool
	weight float32
	entry  int32
	// contentFirst and contentEnd delimit the field's content words.
	contentFirst, contentEnd int32
}

// Where the words were written says how much they say about the cause: the
// answers about cause and patterns most, what went well least. An answer to
// a question of the person's own counts as much as the title.
const (
	weightCause     = 1.0
	weightTitle     = 0.8
	weightOwn       = 0.8
	weightRemedy    = 0.7
	weightStrengths = 0.4
)

// Parts of an entry that are not answers.
const (
	partTitle int16 = -1 - iota
	partLesson
	partFollowup
)

// answerField is the field for an answer to the question key.
func answerField(part int, key string) field {
	switch key {
	case journal.KeyCause, journal.KeyPatterns:
		return field{part: int16(part), weight: weightCause, cause: true}
	case journal.KeyDifferently:
		return field{part: int16(part), weight: weightRemedy, support: true}
	case journal.KeyStrengths:
		return field{part: int16(part), weight: weightStrengths, support: true}
	}
	return field{part: int16(part), weight: weightOwn}
}

// entryWords are all the words of the entry being scanned, where the corpus
// keeps only content words: what the lexicon reads.
type entryWords struct {
	entry int32
	// fields are the corpus indexes of the entry's fields; ends says where
	// each one's words end.
	fields []int32
	ends   []int32
	words  []int32
	// stems are the words' stems, read here so that matching terms does
	// not look each word up again.
	stems  []int32
	starts []uint32
	flags  []uint8
}

// newCorpus scans entries, looking words up in v, and calling read (if not
// nil) with the words of each entry. Its columns have room for the text of
// roomFor, which holds entries and maybe the entries that will be joined on.
func newCorpus(entries, roomFor []journal.Entry, v *vocab, read func(*corpus, *entryWords)) *corpus {
	c := &corpus{entries: entries}
	c.reserve(roomFor)
	sc := scanner{c: c, v: v}
	for i := range entries {
		e := &entries[i]
		ew := &sc.words
		*ew = entryWords{entry: int32(i), fields: ew.fields[:0], ends: ew.ends[:0],
			words: ew.words[:0], stems: ew.stems[:0], starts: ew.starts[:0], flags: ew.flags[:0]}
		sc.add(field{part: partTitle, weight: weightTitle}, e.Title)
		for k, a := range e.Answers {
			sc.add(answerField(k, a.Key), a.Text)
		}
		sc.add(field{part: partLesson, weight: weightRemedy, support: true}, e.Lesson)
		if e.Followup != nil {
			sc.add(field{part: partFollowup, weight: weightRemedy, support: true}, e.Followup.Commitment)
		}
		if read != nil {
			read(c, ew)
		}
	}
	c.stems = v.stems
	c.midUses, c.capUses = make([]int32, len(v.stems)), make([]int32, len(v.stems))
	c.zipfs = make([]float32, len(v.stems))
	c.personUses = make([]int32, len(v.stems))
	for _, w := range v.words {
		c.personUses[w.stem] += w.personUses
		c.midUses[w.stem] += w.midUses
		c.capUses[w.stem] += w.capUses
		c.zipfs[w.stem] = max(c.zipfs[w.stem], zipfOf(w.text))
	}
	return c
}

// scanner fills a corpus, keeping the words of the entry being read.
type scanner struct {
	c     *corpus
	v     *vocab
	words entryWords
	buf   []byte
}

// reserve sizes the columns from the length of the text, so that they are
// not copied over and over as they grow: a content word and the words and
// spaces around it take up more than twelve bytes of English prose.
func (c *corpus) reserve(entries []journal.Entry) {
	size, fields := 0, 0
	for i := range entries {
		e := &entries[i]
		size += len(e.Title) + len(e.Lesson)
		fields += 3 + len(e.Answers)
		for _, a := range e.Answers {
			size += len(a.Text)
		}
		if e.Followup != nil {
			size += len(e.Followup.Commitment)
		}
	}
	c.fields = make([]field, 0, fields)
	c.contentStems = make([]int32, 0, size/12+16)
	c.contentStarts = make([]uint32, 0, size/12+16)
}

// add scans the text of field f of the entry being read.
func (sc *scanner) add(f field, text string) {
	if text == "" {
		return
	}
	c, ew := sc.c, &sc.words
	f.entry, f.contentFirst = ew.entry, int32(len(c.contentStems))
	newSentence := false
	prev, prevCapital := int32(-1), false
	sc.buf = scanWords(text, sc.buf, func(lower []byte, start, _ int, flags uint8) {
		word := sc.v.word(lower)
		c.tokens++
		sc.notePerson(prev, prevCapital, word, flags)
		if r := sc.v.words[word].role; r >= 0 && prev >= 0 && sc.v.words[prev].cue&cueMy != 0 && !quoted(text, start) {
			c.roles = append(c.roles, roleHit{role: r, entry: ew.entry,
				hit: hit{field: int32(len(c.fields)), first: int32(ew.starts[len(ew.starts)-1]), last: int32(start)}})
		}
		prev, prevCapital = word, flags&(capitalised|allCaps) == capitalised
		w := &sc.v.words[word]
		if w.function || flags&capitalised != 0 && !w.notName {
			flags |= skippable
		}
		// A word in mid-sentence, outside the title, that is not a day or a
		// month: written with a capital, it is likely a name.
		mid := flags&startsSentence == 0 && f.part != partTitle && !w.notName
		if mid && flags&(capitalised|allCaps) == capitalised {
			flags |= nameLike
		}
		ew.words = append(ew.words, word)
		ew.stems = append(ew.stems, w.stem)
		ew.starts = append(ew.starts, uint32(start))
		ew.flags = append(ew.flags, flags)
		newSentence = newSentence || flags&startsSentence != 0
		if w.contentStem < 0 {
			return
		}
		at := uint32(start)
		if newSentence {
			at |= sentenceBreak
			newSentence = false
		}
		c.contentStems = append(c.contentStems, w.contentStem)
		c.contentStarts = append(c.contentStarts, at)
		if mid {
			w.midUses++
			if flags&nameLike != 0 {
				w.capUses++
			}
		}
	})
	f.contentEnd = int32(len(c.contentStems))
	ew.fields = append(ew.fields, int32(len(c.fields)))
	ew.ends = append(ew.ends, int32(len(ew.words)))
	c.fields = append(c.fields, f)
}

// notePerson counts the signs that a capitalised word names a person: a
// verb of saying or doing after it ("Deb said"), a word that takes a person
// before it ("told Deb", "with Deb"), or a possessive ("Deb's").
func (sc *scanner) notePerson(prev int32, prevCapital bool, word int32, flags uint8) {
	w := &sc.v.words[word]
	if prevCapital && w.cue&cuePersonAfter != 0 {
		sc.v.words[prev].personUses++
	}
	if flags&(capitalised|allCaps) != capitalised {
		return
	}
	var before uint8
	if prev >= 0 {
		before = sc.v.words[prev].cue
	}
	if before&cueSaint == 0 && (flags&possessive != 0 || before&cuePersonBefore != 0) {
		w.personUses++ // "St Luke's" is a place
	}
}

// dropWords lets the content words go once the phrase passes are done:
// the report is built from fields and entries alone, and a large journal's
// words would otherwise be held for nothing while it is.
func (c *corpus) dropWords() {
	c.contentStems, c.contentStarts = nil, nil
}

// start is the byte offset of content word p in its field's text.
func (c *corpus) start(p int32) int32 { return int32(c.contentStarts[p] &^ sentenceBreak) }

// fieldText is the text of field f.
func (c *corpus) fieldText(f int32) string {
	fl := &c.fields[f]
	e := &c.entries[fl.entry]
	switch fl.part {
	case partTitle:
		return e.Title
	case partLesson:
		return e.Lesson
	case partFollowup:
		return e.Followup.Commitment
	}
	return e.Answers[fl.part].Text
}

// fieldName is what Hit.Field calls field f.
func (c *corpus) fieldName(f int32) string {
	fl := &c.fields[f]
	switch fl.part {
	case partTitle:
		return FieldTitle
	case partLesson:
		return FieldLesson
	case partFollowup:
		return FieldFollowup
	}
	return c.entries[fl.entry].Answers[fl.part].Key
}

// text is what a hit matched, as written.
func (c *corpus) text(h hit) string {
	text := c.fieldText(h.field)
	return withoutPossessive(text[h.first:wordEnd(text, int(h.last))])
}
