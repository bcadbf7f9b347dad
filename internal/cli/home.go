package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/config"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/tui"
)

// runHome opens the home screen, or without a terminal prints the latest
// entries and how to begin.
func (a *env) runHome(cmd *cobra.Command, args []string) error {
	if a.interactive() && !a.wantsAccessible() {
		return a.runTUI(cmd, tui.StartHome, prompt.Set{}, 0)
	}
	c, err := a.app()
	if err != nil {
		return err
	}
	entries, err := c.List(ctxOf(cmd), app.Filter{Limit: 10})
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		fmt.Fprintln(a.out, "Your journal is empty. When something goes wrong, failup new walks you through it.")
		return nil
	}
	fmt.Fprintln(a.out, "Your latest reflections:")
	a.writeEntryTable(a.out, entries, a.termWidth())
	fmt.Fprintln(a.out, "\nfailup new starts a reflection; failup --help lists every command.")
	return nil
}

// runTUI runs the full-screen interface from the given screen.
func (a *env) runTUI(cmd *cobra.Command, start tui.Start, set prompt.Set, editID int64) error {
	c, err := a.app()
	if err != nil {
		return err
	}
	// A prompt set that cannot be read is said as itself, before the screen.
	if _, err := c.Prompts(); err != nil {
		return err
	}
	if _, err := a.promptSet(c, set.ID); err != nil {
		return err
	}
	farewell, err := tui.Run(ctxOf(cmd), tui.Options{
		Journal: c,
		Start:   start,
		SetID:   set.ID,
		EditID:  editID,
		NoColor: !a.wantsColor(),
		// The settings the screens follow; every day they show is written
		// as date_format says, when it says other than its default.
		PromptSet:  a.cfg.PromptSet,
		WeekStart:  &a.cfg.WeekStart,
		DateLayout: a.screenDates(),
	})
	if farewell != "" {
		fmt.Fprintln(a.out, farewell)
	}
	if err != nil && !errors.Is(err, tui.ErrInterrupted) {
		return fmt.Errorf("the screen could not be drawn: %w", err)
	}
	return err
}

// screenDates is the layout every screen writes a day in: date_format when
// it is set to other than its default, else "" for the screens' own ("28 Nov
// 2026").
func (a *env) screenDates() string {
	if a.cfg.DateFormat == config.Default().DateFormat {
		return ""
	}
	return a.cfg.DateLayout
}
