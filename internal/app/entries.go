package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

// Entry is one entry.
func (c *Core) Entry(ctx context.Context, id int64) (journal.Entry, error) {
	e, err := c.store.Get(ctx, id)
	return e, notFound(id, err)
}

// Attempts is the chain of attempts the entry id is part of, oldest first:
// the reflections before it, itself, and those written after a check-in on
// it or them; none when it is in no chain.
func (c *Core) Attempts(ctx context.Context, id int64) ([]journal.Entry, error) {
	return c.store.Attempts(ctx, id)
}

// List reads the entries f keeps, newest first.
func (c *Core) List(ctx context.Context, f Filter) ([]journal.Entry, error) {
	return c.store.List(ctx, f)
}

// Entries streams the entries f keeps, newest first, so any number of them
// take little memory.
func (c *Core) Entries(ctx context.Context, f Filter) iter.Seq2[journal.Entry, error] {
	return c.store.Entries(ctx, f)
}

// Headlines streams what a listing shows of each entry f keeps: id, date,
// title, severity and tags.
func (c *Core) Headlines(ctx context.Context, f Filter) iter.Seq2[journal.Entry, error] {
	return c.store.Headlines(ctx, f)
}

// entriesPage is how many entries EntriesByID reads at first; each read
// after takes twice as many, up to the store's page: a preview that shows a
// few dozen reads a few dozen.
const entriesPage = 32

// EntriesByID yields the entries with the given ids that are in the
// journal, in the order of ids, reading them a page at a time.
func (c *Core) EntriesByID(ctx context.Context, ids []int64) iter.Seq2[journal.Entry, error] {
	return func(yield func(journal.Entry, error) bool) {
		for page := entriesPage; len(ids) > 0; page = min(page*2, 256) {
			entries, err := c.store.ByID(ctx, ids[:min(page, len(ids))])
			if err != nil {
				yield(journal.Entry{}, err)
				return
			}
			for _, e := range entries {
				if !yield(e, nil) {
					return
				}
			}
			ids = ids[min(page, len(ids)):]
		}
	}
}

// Count is how many entries f keeps, ignoring its Limit.
func (c *Core) Count(ctx context.Context, f Filter) (int, error) { return c.store.Count(ctx, f) }

// Tags lists every tag in use, most used first.
func (c *Core) Tags(ctx context.Context) ([]TagCount, error) { return c.store.Tags(ctx) }

// FilterInput is a listing's filter as typed: dates as a person writes them.
type FilterInput struct {
	Since, Until string
	Tags         []string
	Skill        string
	Limit        int
}

// ParseFilter reads a typed filter as of the core's today (see ParseFilter).
func (c *Core) ParseFilter(in FilterInput) (Filter, error) {
	return ParseFilter(in, c.Today(), c.order)
}

// ParseFilter reads a typed filter. Its dates lie back from today: "friday"
// is last Friday, "30 days ago", "last month". It needs no journal, so a
// front-end can check what was typed before opening one. order reads 3/4.
func ParseFilter(in FilterInput, today journal.Date, order journal.Order) (Filter, error) {
	f := Filter{Tags: in.Tags, Limit: in.Limit}
	for _, d := range []struct {
		field, typed string
		into         *journal.Date
	}{{"since", in.Since, &f.Since}, {"until", in.Until, &f.Until}} {
		if d.typed == "" {
			continue
		}
		day, err := journal.ParseDay(d.typed, today, order)
		if err != nil {
			return f, &InputError{Field: d.field, Err: err}
		}
		*d.into = day
	}
	if f.Since != "" && f.Until != "" && f.Since > f.Until {
		return f, inputErrorf("since", "%s is after the range's end, %s", f.Since, f.Until)
	}
	if in.Skill != "" {
		f.Skill = journal.Skill(in.Skill)
		if !f.Skill.Valid() {
			return f, inputErrorf("skill", "%q is not one of: %s", in.Skill, journal.SkillNames())
		}
	}
	if in.Limit < 0 {
		return f, inputErrorf("limit", "give 0 (no limit) or more, not %d", in.Limit)
	}
	return f, nil
}

// ReadEntry reads one entry given as JSON; its id is ignored. Saving it
// (Create or Replace) completes and checks it.
func ReadEntry(r io.Reader) (journal.Entry, error) {
	e, err := journal.DecodeEntry(r)
	e.ID = 0
	return e, err
}

// complete fills what an entry given as input may leave out and checks it,
// by the one rule for every way an entry comes in.
func (c *Core) complete(e *journal.Entry) error {
	lib, err := c.Prompts()
	if err != nil {
		return err
	}
	return e.Complete(c.now(), lib.Question)
}

// SaveError says an entry was not saved.
func saveError(err error) error {
	return fmt.Errorf("the entry could not be saved, and nothing was written: %w", err)
}

// Create saves a new entry given whole (as JSON), without a draft.
func (c *Core) Create(ctx context.Context, e *journal.Entry) error {
	e.ID = 0
	if err := c.complete(e); err != nil {
		return err
	}
	if err := c.store.Create(ctx, e); err != nil {
		return saveError(err)
	}
	return nil
}

// Replace replaces entry id with e, keeping its uid and created_at.
func (c *Core) Replace(ctx context.Context, id int64, e *journal.Entry) error {
	if err := c.complete(e); err != nil {
		return err
	}
	e.ID = id
	err := c.store.Update(ctx, e, c.now())
	if errors.Is(err, store.ErrNotFound) {
		return &NotFoundError{ID: id}
	}
	if err != nil {
		return saveError(err)
	}
	return nil
}

// SaveReflection saves a reflection written in a guided flow, new (ID 0) or
// edited, and removes its draft, in one transaction. Its day must have come;
// a commitment's day must not have passed, unless it is the day the entry
// already had.
func (c *Core) SaveReflection(ctx context.Context, e *journal.Entry, draftKey string) error {
	today := c.Today()
	if err := journal.CheckHappened(e.OccurredOn, today); err != nil {
		return &InputError{Field: "occurred_on", Err: err}
	}
	if f := e.Followup; f != nil && f.DueOn != "" {
		kept := journal.Date("")
		if e.ID != 0 {
			if old, err := c.store.Get(ctx, e.ID); err == nil && old.Followup != nil {
				kept = old.Followup.DueOn
			}
		}
		if f.DueOn != kept {
			if err := journal.CheckDue(f.DueOn, today); err != nil {
				return &InputError{Field: "due_on", Err: err}
			}
		}
	}
	if err := c.complete(e); err != nil {
		return err
	}
	if err := c.store.SaveReflection(ctx, e, draftKey, c.now()); err != nil {
		return saveError(notFound(e.ID, err))
	}
	return nil
}

// Delete removes entry id for good.
func (c *Core) Delete(ctx context.Context, id int64) error {
	return notFound(id, c.store.Delete(ctx, id))
}

// Draft is the draft saved under key, if there is one.
func (c *Core) Draft(ctx context.Context, key string) (journal.Draft, bool, error) {
	return c.store.Draft(ctx, key)
}

// Drafts are the drafts of what base names (journal.NewDraftKey for new
// reflections, journal.EditKey(id) for edits of entry id), the most recent
// first: one for each left unfinished, however many were written at once.
func (c *Core) Drafts(ctx context.Context, base string) ([]journal.Draft, error) {
	return c.store.Drafts(ctx, base)
}

// PrivateFolder is a folder of failup's own, readable by the person alone,
// for a copy of an answer open in their editor; release removes it, and a
// failup stopped before then leaves it for the next one to remove.
func (c *Core) PrivateFolder() (dir string, release func(), err error) {
	return c.store.PrivateFolder()
}

// SaveDraft keeps a reflection in progress.
func (c *Core) SaveDraft(ctx context.Context, d journal.Draft) error {
	return c.store.SaveDraft(ctx, d, c.now())
}

// ResumeDraft picks up a saved draft. The draft of a new reflection or of an
// edit is taken over under a key of this session's own, copied before the old
// key is let go: another failup may still be writing it, and then both keep
// their words.
func (c *Core) ResumeDraft(ctx context.Context, d journal.Draft) (journal.Draft, error) {
	base := journal.DraftBase(d.Key)
	if _, edit := journal.EditedEntry(d.Key); !edit && base != journal.NewDraftKey {
		return d, nil
	}
	old := d.Key
	d.Key = journal.SessionKey(base)
	if err := c.SaveDraft(ctx, d); err != nil {
		return journal.Draft{}, err
	}
	return d, c.DeleteDraft(ctx, old)
}

// ErrUnfinished says why a reflection whose input ended early became a draft.
var ErrUnfinished = errors.New("the input ended before the questions were answered, so nothing was saved; your answers so far are kept as a draft for next time")

// KeepUnfinished keeps e, a reflection whose input ended before its questions
// were answered, as the draft under key rather than as an entry: a title
// alone is not a reflection, and the rest may still come. It returns
// ErrUnfinished once the draft is kept.
func (c *Core) KeepUnfinished(ctx context.Context, e journal.Entry, key string) error {
	if err := c.SaveDraft(ctx, journal.Draft{Key: key, Entry: e}); err != nil {
		return err
	}
	return ErrUnfinished
}

// DeleteDraft drops the draft saved under key.
func (c *Core) DeleteDraft(ctx context.Context, key string) error {
	return c.store.DeleteDraft(ctx, key)
}
