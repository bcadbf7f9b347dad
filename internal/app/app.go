// Package app is failup's application core: the journal's use cases, which
// the command line and the full-screen interface both call. Front-ends
// collect input and present results; every rule (dates, validation, what is
// kept and when it is recomputed, when a file may be replaced) is applied
// here or in the domain, once.
package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/store"
)

// The store's value types, named here so that front-ends need only this
// package.
type (
	Filter           = store.Filter
	Hit              = store.Hit
	TagCount         = store.TagCount
	Commitment       = store.Commitment
	CommitmentFilter = store.CommitmentFilter
	Imported         = store.Imported
)

// Core is an open journal and what its use cases need besides: the prompt
// sets and the pattern lexicon (read on first use) and the clock.
type Core struct {
	store     *store.Store
	promptDir string
	now       func() time.Time
	order     journal.Order

	prompts *prompt.Library
	lex     *insight.Lexicon
}

// Options configure a Core.
type Options struct {
	// PromptDir holds the person's own prompt sets and lexicon additions; ""
	// uses only the built-in ones.
	PromptDir string
	// Now is the clock (default time.Now).
	Now func() time.Time
	// Order reads a typed 3/4 as day first (the default) or month first.
	Order journal.Order
}

// New returns the core over an open journal. The journal stays the caller's
// to close.
func New(s *store.Store, opts Options) *Core {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Core{store: s, promptDir: opts.PromptDir, now: opts.Now, order: opts.Order}
}

// Now is the core's clock.
func (c *Core) Now() time.Time { return c.now() }

// Today is the local calendar day by the core's clock.
func (c *Core) Today() journal.Date { return journal.DateOf(c.now()) }

// Path is the journal file's path.
func (c *Core) Path() string { return c.store.Path() }

// Prompts are the prompt sets, built-in and the person's own.
func (c *Core) Prompts() (*prompt.Library, error) {
	if c.prompts == nil {
		lib, err := prompt.Load(c.promptDir)
		if err != nil {
			return nil, err
		}
		c.prompts = lib
	}
	return c.prompts, nil
}

// PromptSet is the prompt set named id ("" for the default one).
func (c *Core) PromptSet(id string) (prompt.Set, error) {
	lib, err := c.Prompts()
	if err != nil {
		return prompt.Set{}, err
	}
	if id == "" {
		id = journal.DefaultPromptSet
	}
	set, ok := lib.Set(id)
	if !ok {
		return prompt.Set{}, &InputError{Field: "set", Err: fmt.Errorf("there is no prompt set %q; choose one of: %s", id, strings.Join(lib.IDs(), ", "))}
	}
	return set, nil
}

// Lexicon is the pattern lexicon with the person's additions.
func (c *Core) Lexicon() (insight.Lexicon, error) {
	if c.lex == nil {
		lex, err := insight.LoadLexicon(c.promptDir)
		if err != nil {
			return insight.Lexicon{}, err
		}
		c.lex = &lex
	}
	return *c.lex, nil
}

// NotFoundError says there is no entry with an id.
type NotFoundError struct{ ID int64 }

func (e *NotFoundError) Error() string { return fmt.Sprintf("there is no entry %d", e.ID) }

// Is makes errors.Is(err, store.ErrNotFound) hold.
func (e *NotFoundError) Is(target error) bool { return target == store.ErrNotFound }

// InputError is something typed that cannot be used as it is: a date that
// cannot be read, a confidence out of range, a choice that does not go with
// another. Field names what was typed, as the front-ends name it ("since",
// "snooze", "confidence"), or is "" when the error says it; a command line
// shows it as --since.
type InputError struct {
	Field string
	Err   error
}

func (e *InputError) Error() string {
	if e.Field == "" {
		return e.Err.Error()
	}
	return e.Field + ": " + e.Err.Error()
}
func (e *InputError) Unwrap() error { return e.Err }

func inputErrorf(field, format string, args ...any) error {
	return &InputError{Field: field, Err: fmt.Errorf(format, args...)}
}

// notFound turns the store's "not found" into a NotFoundError for id.
func notFound(id int64, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return &NotFoundError{ID: id}
	}
	return err
}
