// Package importer reads journals kept with other tools (jrnl, Day One, a
// folder of Markdown notes) into failup entries. Every source is read whole
// and checked before anything is returned, so that the caller can save the
// entries all at once or not at all.
//
// Text that was not written to the four questions is kept whole as one
// answer, "What I wrote in jrnl" (or Day One, or the note's file), in an
// entry tagged "imported": the person reads it in show, and answers the
// questions later with failup edit, which keeps the imported answer.
package importer

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
)

// Format is a kind of file failup can import.
type Format string

// The formats import reads.
const (
	Failup   Format = "failup"
	Jrnl     Format = "jrnl"
	DayOne   Format = "dayone"
	Markdown Format = "markdown"
)

// Formats lists every format, in the order help shows them.
var Formats = []Format{Jrnl, DayOne, Markdown, Failup}

// ParseFormat reads the name given to --from.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == strings.ToLower(s) {
			return f, nil
		}
	}
	return "", fmt.Errorf("--from %q is not a format failup reads; use one of jrnl, dayone, markdown, failup", s)
}

// WrittenKey is the answer key of text imported as it was written.
const WrittenKey = "written"

// ImportedTag marks every entry made from text written elsewhere.
const ImportedTag = "imported"

// writtenPrefix starts the question of the imported answer, which names the
// source: "What I wrote in jrnl".
const writtenPrefix = "What I wrote in "

// Options are what reading needs from the rest of failup.
type Options struct {
	// Now is the time of the import: entries dated after its next day are
	// refused, and entries without a time of their own get it.
	Now time.Time
	// Questions finds the text of a prompt set's question.
	Questions journal.QuestionLookup
	// Sets are the prompt sets whose questions Markdown that failup export
	// wrote may answer.
	Sets []prompt.Set
}

// Result is what a source holds, ready to save.
type Result struct {
	Format  Format
	Entries []journal.Entry
	// Left lists what the source holds that failup does not keep (photos,
	// locations), one line for each entry concerned.
	Left []string
	// Corrections are the person's corrections to the patterns, which only
	// a failup export holds.
	Corrections []journal.Correction
}

// EntryError is a problem with one entry of a file, named so the person can
// find it: "journal.txt: entry 3 (2024-03-29 “Called in sick.”): …".
type EntryError struct {
	File  string
	Entry string
	Err   error
}

func (e *EntryError) Error() string {
	if e.Entry == "" {
		return e.File + ": " + e.Err.Error()
	}
	return e.File + ": " + e.Entry + ": " + e.Err.Error()
}

func (e *EntryError) Unwrap() error { return e.Err }

// namespace makes uids for imported entries: the same entry of the same
// source always gets the same uid, so importing it again adds nothing.
var namespace = uuid.MustParse("6f1c3c2e-9d0b-5b7e-a0c4-2f4a1e8d9b60")

// stableUID is a version 5 uuid of the source and what identifies the entry
// in it.
func stableUID(source Format, identity ...string) string {
	return uuid.NewSHA1(namespace, []byte(string(source)+"\x00"+strings.Join(identity, "\x00"))).String()
}

// draft is an entry as a source describes it, before it is checked.
type draft struct {
	uid     string
	at      time.Time // when it was written, in its own time zone
	title   string
	text    string // the whole text as written
	source  string // "jrnl", "Day One", a file name: who wrote the text
	tags    []string
	starred bool
}

// maxTextBytes is the most failup keeps in one answer.
const maxTextBytes = journal.MaxTextLen

// entry turns a draft into an entry, or says what keeps it from being one.
func (d draft) entry(opts Options) (journal.Entry, error) {
	for _, s := range append([]string{d.title, d.text}, d.tags...) {
		if !utf8.ValidString(s) {
			return journal.Entry{}, errors.New("its text is not valid UTF-8; save the file as UTF-8 and import it again")
		}
	}
	if err := checkSize(d.text); err != nil {
		return journal.Entry{}, err
	}
	if d.at.IsZero() {
		return journal.Entry{}, errors.New("it has no date")
	}
	title := titleOf(d.title, d.text)
	if title == "" {
		title = "Written on " + d.at.Format("2 January 2006")
	}
	tags := make([]string, 0, len(d.tags)+2)
	tags = append(tags, d.tags...)
	if d.starred {
		tags = append(tags, "starred")
	}
	tags = append(tags, ImportedTag)
	created := d.at.UTC().Truncate(time.Second)
	e := journal.Entry{
		UID:        d.uid,
		CreatedAt:  created,
		UpdatedAt:  created,
		OccurredOn: journal.DateOf(d.at),
		Title:      title,
		PromptSet:  journal.DefaultPromptSet,
		Answers:    []journal.Answer{{Key: WrittenKey, Question: writtenPrefix + d.source, Text: d.text}},
		Tags:       tags,
	}
	return e, complete(&e, opts)
}

// complete fills and checks an entry, in the words of the journal's rules.
func complete(e *journal.Entry, opts Options) error {
	if err := e.Complete(opts.Now, opts.Questions); err != nil {
		var fe *journal.FieldError
		if errors.As(err, &fe) && fe.Field == "occurred_on" && e.OccurredOn > journal.DateOf(opts.Now) {
			return fmt.Errorf("its date %s has not come yet", e.OccurredOn)
		}
		return err
	}
	return nil
}

// titleOf is the title a source gave, or the first line of the text,
// shortened to fit.
func titleOf(title, text string) string {
	title = strings.TrimSpace(title)
	if title == "" {
		for line := range strings.Lines(text) {
			if line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#")); line != "" {
				title = line
				break
			}
		}
	}
	return journal.Shorten(strings.Join(strings.Fields(title), " "), 120)
}

// checkSize refuses text longer than an answer may be, before anything
// else reads through it.
func checkSize(text string) error {
	if len(text) > maxTextBytes {
		return fmt.Errorf("its text is %s, more than the %s failup keeps in one entry; split it and import again",
			size(len(text)), size(maxTextBytes))
	}
	return nil
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%d MB", (n+1<<19)>>20)
	}
	return fmt.Sprintf("%d KB", max((n+1<<9)>>10, 1))
}

// finish checks what all sources share: no entry twice, each checked.
func finish(file string, format Format, drafts []draft, names []string, opts Options) (Result, error) {
	res := Result{Format: format, Entries: make([]journal.Entry, 0, len(drafts))}
	first := map[string]int{}
	for i, d := range drafts {
		e, err := d.entry(opts)
		if err != nil {
			return Result{}, &EntryError{file, names[i], err}
		}
		if j, ok := first[e.UID]; ok {
			return Result{}, &EntryError{file, names[i], fmt.Errorf("it is %s again; remove one of them and import again", names[j])}
		}
		first[e.UID] = i
		res.Entries = append(res.Entries, e)
	}
	return res, nil
}

// lazyRegexp compiles expr on first use, so that starting failup for any
// other command does not pay for the importers' expressions.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
