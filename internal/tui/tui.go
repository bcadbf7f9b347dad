// Package tui is failup's full-screen interface: a root model that routes
// keys and messages to one screen at a time, and the screens themselves.
package tui

import (
	"cmp"
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/failup/failup/internal/journal"
)

// Start says which screen the program opens on.
type Start int

const (
	StartHome Start = iota
	StartNew
	StartEdit
	StartCheckIn
)

// Options configure a run of the interface.
type Options struct {
	// Journal is the application core the screens work through.
	Journal Journal
	Start   Start
	SetID   string // for StartNew
	EditID  int64  // for StartEdit and StartCheckIn
	NoColor bool
	// PromptSet is the set a new reflection asks (default four-questions);
	// WeekStart the day the Patterns calendar's weeks begin (default Monday);
	// DateLayout how the screens write a day, as a Go layout (default 2 Jan
	// 2006, and 02 Jan 2006 in a column of days).
	PromptSet  string
	WeekStart  *time.Weekday
	DateLayout string
	// DraftEvery overrides how often drafts are saved (default half a second).
	DraftEvery time.Duration
	// Patience overrides how long a screen waits for the patterns before it
	// says why (default a second and a half).
	Patience time.Duration
}

// New builds the root model for opts; Run runs it. Tests drive it directly.
func New(ctx context.Context, opts Options) (*Model, error) {
	lib, err := opts.Journal.Prompts()
	if err != nil {
		return nil, err
	}
	c := &Common{
		Styles:     NewStyles(true),
		Keys:       DefaultKeyMap(),
		Journal:    opts.Journal,
		Prompts:    lib,
		Ctx:        ctx,
		DraftEvery: opts.DraftEvery,
		Patience:   cmp.Or(opts.Patience, 1500*time.Millisecond),
		PromptSet:  cmp.Or(opts.PromptSet, journal.DefaultPromptSet),
		WeekStart:  time.Monday,
		DateLayout: opts.DateLayout,
	}
	if opts.WeekStart != nil {
		c.WeekStart = *opts.WeekStart
	}
	if c.DraftEvery <= 0 {
		c.DraftEvery = 500 * time.Millisecond
	}
	var first screen
	switch opts.Start {
	case StartNew:
		first = newLoadingScreen(c, startReflection(c, cmp.Or(opts.SetID, c.PromptSet), false))
	case StartEdit:
		first = newLoadingScreen(c, startEdit(c, opts.EditID, false))
	case StartCheckIn:
		first = newCheckInScreen(c, opts.EditID)
	default:
		first = newHomeScreen(c)
	}
	return newModel(c, first), nil
}

// ErrInterrupted is Run's error when ctrl+c ended the program; the farewell
// is still returned.
var ErrInterrupted = errors.New("stopped by ctrl+c")

// Run shows the interface until the person leaves, and returns a line to
// print to the shell afterwards, if any.
func Run(ctx context.Context, opts Options) (string, error) {
	m, err := New(ctx, opts)
	if err != nil {
		return "", err
	}
	var progOpts []tea.ProgramOption
	if opts.NoColor {
		progOpts = append(progOpts, tea.WithColorProfile(colorprofile.Ascii))
	}
	if _, err := tea.NewProgram(m, progOpts...).Run(); err != nil {
		return "", err
	}
	if m.Interrupted() {
		return m.Farewell(), ErrInterrupted
	}
	return m.Farewell(), nil
}
