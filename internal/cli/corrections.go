package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

// correctionCmds are the subcommands of patterns that correct a theme. A
// theme is named by its key (failup patterns shows it) or its label.
func (a *env) correctionCmds() []*cobra.Command {
	type spec struct {
		use, short, long, example string
		args                      cobra.PositionalArgs
		input                     func(args []string) (app.CorrectionInput, error)
		complete                  []cobra.CompletionFunc // one per argument
	}
	theme := func(args []string) string { return args[0] }
	specs := []spec{
		{
			use: "rename THEME NAME", short: "Give a theme a name of your own",
			long:    "Gives the theme a name of your own; failup keeps using it as the theme grows.",
			example: "  failup patterns rename pattern:overcommitment \"saying yes before I check\"",
			args:    minArgs(2, "a theme and its new name"),
			input: func(args []string) (app.CorrectionInput, error) {
				return app.CorrectionInput{Kind: journal.CorrectRename, Theme: theme(args), Label: strings.Join(args[1:], " ")}, nil
			},
			complete: []cobra.CompletionFunc{a.completeThemes},
		},
		{
			use: "dismiss THEME", short: "Say a theme is not a pattern for you",
			long:    "Hides the theme from your patterns and lessons, however many entries show it\nlater. failup patterns restore THEME brings it back.",
			example: "  failup patterns dismiss name:monday",
			args:    exactArgs(1, "a theme"),
			input: func(args []string) (app.CorrectionInput, error) {
				return app.CorrectionInput{Kind: journal.CorrectDismiss, Theme: theme(args)}, nil
			},
			complete: []cobra.CompletionFunc{a.completeThemes},
		},
		{
			use: "restore THEME", short: "Bring back a theme you dismissed",
			long: "Brings back a theme you dismissed, named by its key or by the name failup\n" +
				"patterns corrections gives it.",
			example: "  failup patterns restore name:monday\n  failup patterns restore \"enquiries\"",
			args:    exactArgs(1, "a theme you dismissed"),
			input: func(args []string) (app.CorrectionInput, error) {
				return app.CorrectionInput{Kind: journal.CorrectDismiss, Theme: theme(args), Undo: true}, nil
			},
			complete: []cobra.CompletionFunc{a.completeDismissed},
		},
		{
			use: "merge THEME OTHER", short: "Fold another theme into a theme",
			long:    "Makes OTHER part of THEME: its entries and words join THEME, which keeps its\nname, and OTHER is no longer shown on its own.",
			example: "  failup patterns merge pattern:overcommitment \"said yes\"",
			args:    exactArgs(2, "two themes"),
			input: func(args []string) (app.CorrectionInput, error) {
				return app.CorrectionInput{Kind: journal.CorrectMerge, Theme: theme(args), From: args[1]}, nil
			},
			complete: []cobra.CompletionFunc{a.completeThemes, a.completeThemes},
		},
		{
			use: "add THEME ID", short: "Put an entry into a theme",
			long:    "Puts an entry not yet in the theme into it, and keeps it there whatever later\nruns find. An entry already in the theme is left as it is: failup says so, saves\nnothing and exits 0, so a later run may still leave it out.",
			example: "  failup patterns add pattern:overcommitment 12",
			args:    exactArgs(2, "a theme and an entry ID"),
			input: func(args []string) (app.CorrectionInput, error) {
				id, err := parseID(args[1])
				return app.CorrectionInput{Kind: journal.CorrectAdd, Theme: theme(args), EntryID: id}, err
			},
			complete: []cobra.CompletionFunc{a.completeThemes, a.completeEntryIDs},
		},
		{
			use: "remove THEME ID", short: "Take an entry out of a theme",
			example: "  failup patterns remove name:marcus 40",
			args:    exactArgs(2, "a theme and an entry ID"),
			input: func(args []string) (app.CorrectionInput, error) {
				id, err := parseID(args[1])
				return app.CorrectionInput{Kind: journal.CorrectRemove, Theme: theme(args), EntryID: id}, err
			},
			complete: []cobra.CompletionFunc{a.completeThemes, a.completeEntryIDs},
		},
	}
	var cmds []*cobra.Command
	for _, sp := range specs {
		var asJSON bool
		cmd := &cobra.Command{
			Use: sp.use, Short: sp.short, Long: longOr(sp.long, sp.short), Example: sp.example, Args: sp.args,
			RunE: func(cmd *cobra.Command, args []string) error {
				in, err := sp.input(args)
				if err != nil {
					return err
				}
				return a.correct(cmd, in, asJSON)
			},
			ValidArgsFunction: positional(sp.complete),
		}
		cmd.Flags().BoolVar(&asJSON, "json", false, "print the corrections saved as JSON")
		cmds = append(cmds, cmd)
	}
	return append(cmds, a.wordsCmd(), a.correctionsCmd(), a.undoCmd())
}

func longOr(long, short string) string {
	if long != "" {
		return long
	}
	return short + "."
}

func (a *env) wordsCmd() *cobra.Command {
	var remove, asJSON bool
	cmd := &cobra.Command{
		Use:   "words THEME WORD...",
		Short: "Add words that mean a theme for you",
		Long: "Adds words or phrases that mean the theme to you: entries that use them join it,\n" +
			"now and as you write more. A word ending in * matches its beginning (\"overcommit*\").\n" +
			"--remove takes words back.",
		Example: "  failup patterns words pattern:overcommitment \"said yes\" overcommit*\n" +
			"  failup patterns words pattern:overcommitment --remove \"said yes\"",
		Args: minArgs(2, "a theme and one or more words"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if remove {
				return a.takeBackWords(cmd, args[0], args[1:], asJSON)
			}
			return a.correct(cmd, app.CorrectionInput{Kind: journal.CorrectWords, Theme: args[0], Words: args[1:]}, asJSON)
		},
		ValidArgsFunction: positional([]cobra.CompletionFunc{a.completeThemes}),
	}
	cmd.Flags().BoolVar(&remove, "remove", false, "take the words back")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the corrections saved as JSON")
	return cmd
}

// correct makes a correction and says what it did.
func (a *env) correct(cmd *cobra.Command, in app.CorrectionInput, asJSON bool) error {
	c, err := a.app()
	if err != nil {
		return err
	}
	if in.Kind == journal.CorrectDismiss && in.Undo {
		d, err := c.BringBack(ctxOf(cmd), in.Theme)
		switch {
		case err != nil:
			return err
		case asJSON:
			return a.printJSON([]journal.Correction{}) // a restore takes one back and saves none
		}
		fmt.Fprintf(a.out, "Restored “%s”: it shows again when your entries show it.\n", termtext.Line(d.Name))
		return nil
	}
	saved, err := c.Correct(ctxOf(cmd), in)
	if already, ok := errors.AsType[*app.AlreadyInError](err); ok {
		// What was asked for is so: done, with nothing saved.
		if asJSON {
			return a.printJSON([]journal.Correction{})
		}
		fmt.Fprintf(a.out, "Entry %d is already in “%s”; nothing to change.\n", already.EntryID, termtext.Line(already.Theme))
		return nil
	}
	if d, ok := dismissed(cmd, c, err); ok && in.Kind == journal.CorrectDismiss {
		if asJSON {
			return a.printJSON([]journal.Correction{})
		}
		fmt.Fprintf(a.out, "“%s” is dismissed already; nothing to change.\n", termtext.Line(d.Name))
		return nil
	} else if ok {
		return dismissedError(d, err)
	}
	if err != nil {
		return err
	}
	if asJSON {
		return a.printJSON(saved)
	}
	for i, said := range c.DescribeAll(ctxOf(cmd), saved) {
		fmt.Fprintf(a.out, "Saved %s: %s.\n", shortUID(saved[i].UID), said)
	}
	switch len(saved) {
	case 0:
	case 1:
		fmt.Fprintf(a.out, "failup patterns undo %s takes it back.\n", shortUID(saved[0].UID))
	default:
		fmt.Fprintf(a.out, "failup patterns undo %s takes the first back; each id above works the same way.\n", shortUID(saved[0].UID))
	}
	return nil
}

// takeBackWords takes back words given to theme and says how many were.
func (a *env) takeBackWords(cmd *cobra.Command, theme string, words []string, asJSON bool) error {
	c, err := a.app()
	if err != nil {
		return err
	}
	taken, err := c.TakeBackWords(ctxOf(cmd), theme, words)
	if d, ok := dismissed(cmd, c, err); ok {
		return dismissedError(d, err)
	}
	if err != nil {
		return err
	}
	if asJSON {
		return a.printJSON([]journal.Correction{}) // none saved
	}
	fmt.Fprintf(a.out, "Took back %s.\n", termtext.Count(len(taken), "word", "words"))
	return nil
}

// dismissed finds, when err says a theme is not among the patterns, the
// theme of that key or name the person dismissed.
func dismissed(cmd *cobra.Command, c *app.Core, err error) (app.DismissedTheme, bool) {
	tn, ok := errors.AsType[*app.ThemeNotFoundError](err)
	if !ok || tn.Dismissed {
		return app.DismissedTheme{}, false
	}
	list, lerr := c.Dismissed(ctxOf(cmd))
	if lerr != nil {
		return app.DismissedTheme{}, false
	}
	for _, d := range list {
		if d.Key == tn.Theme || strings.EqualFold(d.Name, tn.Theme) {
			return d, true
		}
	}
	return app.DismissedTheme{}, false
}

// dismissedError says the theme a correction names is one the person
// dismissed, and how to bring it back.
func dismissedError(d app.DismissedTheme, err error) error {
	tn, _ := errors.AsType[*app.ThemeNotFoundError](err)
	return fmt.Errorf("“%s” is a theme you dismissed; failup patterns restore %s brings it back",
		termtext.Line(d.Name), shellQuote(tn.Theme))
}

// shortUID is enough of a correction's uid to name it.
func shortUID(uid string) string { return uid[:min(len(uid), 8)] }

func (a *env) correctionsCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "corrections",
		Short: "List the corrections you made to your patterns",
		Long: "Lists your corrections, oldest first, each with the id that failup patterns\n" +
			"undo takes to take it back. A theme is named as you last named it, or else in\n" +
			"the words your entries use for it, even once it is no longer among your\n" +
			"patterns (dismissed, merged into another).",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := a.app()
			if err != nil {
				return err
			}
			list, err := c.Corrections(ctxOf(cmd))
			if err != nil {
				return err
			}
			if asJSON {
				return a.printJSON(list)
			}
			if len(list) == 0 {
				fmt.Fprintln(a.out, "No corrections yet: your patterns are as failup found them.")
				return nil
			}
			width := a.termWidth()
			for i, said := range c.DescribeAll(ctxOf(cmd), list) {
				first := shortUID(list[i].UID) + "  " + list[i].UpdatedAt.Local().Format("2006-01-02") + "  "
				fmt.Fprintln(a.out, termtext.Hang(said, width, first))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the corrections as JSON")
	return cmd
}

func (a *env) undoCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "undo ID",
		Short:   "Take back one of your corrections",
		Long:    "Takes back the correction with this id (failup patterns corrections lists them;\nthe first few characters are enough).",
		Example: "  failup patterns undo 713650b0",
		Args:    exactArgs(1, "a correction's id"),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := a.app()
			if err != nil {
				return err
			}
			k, err := c.Uncorrect(ctxOf(cmd), args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(a.out, "Took back: %s.\n", c.Describe(ctxOf(cmd), k))
			return nil
		},
		ValidArgsFunction: positional([]cobra.CompletionFunc{a.completeCorrections}),
	}
}

func minArgs(n int, names string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef("%s needs %s; see %s --help", subject(cmd), names, cmd.CommandPath())
		}
		return nil
	}
}

// positional completes each argument with its own function; arguments past
// the last complete nothing.
func positional(fns []cobra.CompletionFunc) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) >= len(fns) {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return fns[len(args)](cmd, nil, toComplete)
	}
}

// completeThemes offers the keys of the themes the whole journal shows,
// each described by its label and how many entries show it, as search's
// pattern: completion describes them.
func (a *env) completeThemes(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	c, err := a.app()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	r, err := c.PatternsSummary(ctxOf(cmd))
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	var out []cobra.Completion
	for _, th := range r.Themes {
		if strings.HasPrefix(th.Key, toComplete) {
			// Not "Label (N)": a label may end in brackets of its own.
			out = append(out, cobra.CompletionWithDesc(termtext.Line(th.Key), termtext.Line(th.Label)+", "+termtext.Count(th.Count, "entry", "entries")))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

// completeDismissed offers the keys of the themes the person dismissed.
func (a *env) completeDismissed(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return a.completeCorrected(cmd, toComplete, func(k journal.Correction) (string, bool) {
		return k.Theme, k.Kind == journal.CorrectDismiss
	})
}

// completeCorrections offers the ids of the person's corrections.
func (a *env) completeCorrections(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return a.completeCorrected(cmd, toComplete, func(k journal.Correction) (string, bool) { return shortUID(k.UID), true })
}

func (a *env) completeCorrected(cmd *cobra.Command, toComplete string, pick func(journal.Correction) (string, bool)) ([]cobra.Completion, cobra.ShellCompDirective) {
	c, err := a.app()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	list, err := c.Corrections(ctxOf(cmd))
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	var values []string
	var chosen []journal.Correction
	for _, k := range list {
		if v, ok := pick(k); ok && strings.HasPrefix(v, toComplete) {
			values, chosen = append(values, v), append(chosen, k)
		}
	}
	var out []cobra.Completion
	for i, said := range c.DescribeAll(ctxOf(cmd), chosen) {
		out = append(out, cobra.CompletionWithDesc(termtext.Line(values[i]), said))
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}
