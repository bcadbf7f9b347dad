package tui

import (
	"context"
	"time"

	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/store"
)

// Journal is what the screens need from the store.
type Journal interface {
	List(ctx context.Context, f store.Filter) ([]journal.Entry, error)
	Count(ctx context.Context, f store.Filter) (int, error)
	Get(ctx context.Context, id int64) (journal.Entry, error)
	Tags(ctx context.Context) ([]store.TagCount, error)
	SaveReflection(ctx context.Context, e *journal.Entry, draftKey string, now time.Time) error
	SaveDraft(ctx context.Context, d journal.Draft, now time.Time) error
	Draft(ctx context.Context, key string) (journal.Draft, bool, error)
	DeleteDraft(ctx context.Context, key string) error
	Find(ctx context.Context, r store.Request) (store.Results, error)
	Delete(ctx context.Context, id int64) error
	Commitments(ctx context.Context, f store.CommitmentFilter) ([]store.Commitment, error)
	CountCommitments(ctx context.Context, f store.CommitmentFilter) (int, error)
	RecordCheckIn(ctx context.Context, id int64, c store.CheckIn, now time.Time) error
	Snooze(ctx context.Context, id int64, due journal.Date, now time.Time) error
	Drop(ctx context.Context, id int64, now time.Time) error
}

// Common is shared by every screen: the window, styles, keys and the journal.
type Common struct {
	Width, Height int
	Styles        Styles
	Keys          KeyMap
	Journal       Journal
	Prompts       *prompt.Library
	Lexicon       insight.Lexicon
	Now           func() time.Time
	Ctx           context.Context
	// DraftEvery is how often typed text is saved as a draft: nothing typed
	// is ever older than this in the journal.
	DraftEvery time.Duration
}

// chrome is the rows the frame takes: header, blank line, and the help line.
const chrome = 3

// BodyHeight is the rows a screen may use.
func (c *Common) BodyHeight() int { return max(c.Height-chrome, 6) }

// BodyWidth is the columns a screen may use: the window less its margins,
// capped so lines stay easy to read on wide terminals.
func (c *Common) BodyWidth() int { return min(max(c.Width-4, 20), 100) }

func (c *Common) today() journal.Date { return journal.DateOf(c.Now()) }

// report is what recurs across the whole journal.
func (c *Common) report() (insight.Report, error) {
	entries, err := c.Journal.List(c.Ctx, store.Filter{})
	if err != nil {
		return insight.Report{}, err
	}
	return insight.Patterns(entries, c.Lexicon, insight.Options{Today: c.today()}), nil
}
