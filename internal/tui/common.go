package tui

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
)

// Journal is what the screens ask of failup's application core, *app.Core:
// every rule (dates, what may be saved, what is kept and when it is found
// anew, when a file may be replaced) is the core's, and the screens only
// collect what is typed and draw what comes back.
type Journal interface {
	Now() time.Time
	Today() journal.Date
	Prompts() (*prompt.Library, error)

	Entry(ctx context.Context, id int64) (journal.Entry, error)
	Attempts(ctx context.Context, id int64) ([]journal.Entry, error)
	List(ctx context.Context, f app.Filter) ([]journal.Entry, error)
	Headlines(ctx context.Context, f app.Filter) iter.Seq2[journal.Entry, error]
	Count(ctx context.Context, f app.Filter) (int, error)
	Tags(ctx context.Context) ([]app.TagCount, error)
	SearchAsTyped(ctx context.Context, query string, limit int) (app.Found, error)
	Search(ctx context.Context, query string, limit int) (app.Found, error)

	ParseHappened(typed string) (journal.Date, error)
	ParseDue(typed string) (journal.Date, error)
	ParseFilter(in app.FilterInput) (app.Filter, error)

	SaveReflection(ctx context.Context, e *journal.Entry, draftKey string) error
	Delete(ctx context.Context, id int64) error
	Draft(ctx context.Context, key string) (journal.Draft, bool, error)
	Drafts(ctx context.Context, base string) ([]journal.Draft, error)
	PrivateFolder() (dir string, release func(), err error)
	SaveDraft(ctx context.Context, d journal.Draft) error
	ResumeDraft(ctx context.Context, d journal.Draft) (journal.Draft, error)
	DeleteDraft(ctx context.Context, key string) error

	CheckIn(ctx context.Context, id int64, in app.CheckInInput) (app.CheckInResult, error)
	Waiting(ctx context.Context) (latest app.Commitment, n int, ok bool, err error)
	Commitments(ctx context.Context, cf app.CommitmentFilter) ([]app.Commitment, error)

	PatternsSummary(ctx context.Context) (insight.Report, error)
	ThemeEvidence(ctx context.Context, th insight.Theme) ([]insight.Evidence, error)
	Correct(ctx context.Context, in app.CorrectionInput) ([]journal.Correction, error)
	Uncorrect(ctx context.Context, uid string) (journal.Correction, error)
	Dismissed(ctx context.Context) ([]app.DismissedTheme, error)
	PutBack(ctx context.Context, list []journal.Correction) error
	LessonPlan(ctx context.Context) (app.LessonPlan, error)
	LessonDays(ctx context.Context) ([]int64, []journal.Date, error)
	EntriesByID(ctx context.Context, ids []int64) iter.Seq2[journal.Entry, error]
	Growth(ctx context.Context, recent int) (app.Growth, error)
	Calendar(ctx context.Context, since journal.Date, recent int) (map[journal.Date]int, []int, error)
	Similar(ctx context.Context, e journal.Entry, n int) ([]app.Alike, error)

	Conflicts(ctx context.Context) ([]app.Conflict, error)
	ConflictCount(ctx context.Context) (int, error)
	ResolveConflict(ctx context.Context, uid, keep string) error

	WriteExport(ctx context.Context, w io.Writer, req app.ExportRequest) (int, error)
	ExportFile(ctx context.Context, path string, replace bool, req app.ExportRequest) (int, error)
}

var _ Journal = (*app.Core)(nil)

// Common is shared by every screen: the window, styles, keys and the journal.
type Common struct {
	Width, Height int
	Styles        Styles
	Keys          KeyMap
	Journal       Journal
	Prompts       *prompt.Library
	Ctx           context.Context
	// DraftEvery is how often typed text is saved as a draft: nothing typed
	// is ever older than this in the journal.
	DraftEvery time.Duration
	// Patience is how long a screen waits for the patterns before it says
	// why the wait is long.
	Patience time.Duration
	// saved and updated are the entries written since the program started,
	// for the line said on leaving.
	saved, updated []int64
	// PromptSet is the set new reflections ask; WeekStart, the first row of
	// the calendar; DateLayout, how the screens write a day ("": 28 Nov 2026):
	// the person's settings.
	PromptSet  string
	WeekStart  time.Weekday
	DateLayout string
}

// noteSaved records that entry id was saved, new or (edited) updated.
func (c *Common) noteSaved(id int64, edited bool) {
	if edited {
		c.updated = append(c.updated, id)
	} else {
		c.saved = append(c.saved, id)
	}
}

// savedSummary names the entries saved since the program started:
// "Saved as entries 1, 2 and 3. Updated entry 7."
func (c *Common) savedSummary() string {
	var said []string
	if len(c.saved) > 0 {
		said = append(said, "Saved as "+entriesNamed(c.saved)+".")
	}
	if len(c.updated) > 0 {
		said = append(said, "Updated "+entriesNamed(c.updated)+".")
	}
	return strings.Join(said, " ")
}

// entriesNamed is "entry 4" or "entries 1, 2 and 3".
func entriesNamed(ids []int64) string {
	if len(ids) == 1 {
		return fmt.Sprintf("entry %d", ids[0])
	}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = strconv.FormatInt(id, 10)
	}
	return "entries " + strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// chrome is the rows the frame takes: header, blank line, and the help line.
const chrome = 3

// BodyHeight is the rows a screen may use.
func (c *Common) BodyHeight() int { return max(c.Height-chrome, 6) }

// BodyWidth is the columns a screen may use: the window less its margins,
// capped so lines stay easy to read on wide terminals.
func (c *Common) BodyWidth() int { return min(max(c.Width-4, 20), 100) }

// ListWidth is the columns a list's rows may use: the whole window less its
// margins, so a long title has the room a wide window gives.
func (c *Common) ListWidth() int { return max(c.Width-4, 20) }

func (c *Common) today() journal.Date { return c.Journal.Today() }

// day writes a day as every screen does, on the review, in a sentence and
// in a list alike: as the settings say, else as "28 Nov 2026". Only a day
// typed is said back in words, with its weekday, for the person to check
// it.
func (c *Common) day(d journal.Date) string {
	return d.Time().Format(cmp.Or(c.DateLayout, "2 Jan 2006"))
}

// dayOfWeek is day with the name of its weekday before it ("Saturday 14
// Mar 2026"), unless date_format says how to write a day.
func (c *Common) dayOfWeek(d journal.Date) string {
	if c.DateLayout != "" {
		return c.day(d)
	}
	return d.Time().Format("Monday ") + c.day(d)
}

// dayInColumn is day for a column of days, which keeps its width: "05 Nov
// 2026" over "28 Nov 2026".
func (c *Common) dayInColumn(d journal.Date) string {
	return d.Time().Format(cmp.Or(c.DateLayout, "02 Jan 2006"))
}

// Now is the core's clock.
func (c *Common) Now() time.Time { return c.Journal.Now() }
