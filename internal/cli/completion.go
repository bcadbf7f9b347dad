package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/importer"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/termtext"
)

// completionCmd writes the script that teaches a shell failup's commands,
// flags, and the ids, tags, skills and prompt sets of the journal.
func (a *env) completionCmd() *cobra.Command {
	shells := []string{"bash", "zsh", "fish", "powershell"}
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print the script that completes failup's commands, entry ids, tags and more",
		Long: "Prints a completion script for the shell. Loaded, it completes commands and flags, and\n" +
			"from your journal: entry ids (with their titles), tags, skills, prompt sets, the\n" +
			"themes the failup patterns subcommands take, and in search the tag:, skill: and\n" +
			"pattern: filters with your tags, skills and patterns.\n\n" +
			"  bash  add to ~/.bashrc:         source <(failup completion bash)\n" +
			"  zsh   add to ~/.zshrc:          source <(failup completion zsh)\n" +
			"  fish  once:                     failup completion fish > ~/.config/fish/completions/failup.fish\n" +
			"  powershell  add to $PROFILE:    failup completion powershell | Out-String | Invoke-Expression\n\n" +
			"The deb and rpm packages install the bash, zsh and fish scripts for you.",
		Example:   "  source <(failup completion bash)\n  failup completion fish > ~/.config/fish/completions/failup.fish",
		ValidArgs: shells,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 || !contains(shells, args[0]) {
				return usagef("completion needs one shell: bash, zsh, fish or powershell")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root, out := cmd.Root(), a.out
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(out, true)
			case "zsh":
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, true)
			default:
				return root.GenPowerShellCompletionWithDesc(out)
			}
		},
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// registerCompletions teaches cmd what its arguments and flags take, by
// the names they are known by.
func (a *env) registerCompletions(cmd *cobra.Command) {
	if strings.HasSuffix(cmd.Use, " ID") {
		cmd.ValidArgsFunction = a.completeEntryIDs
	}
	if cmd.Name() == "search" {
		cmd.ValidArgsFunction = a.completeSearch
	}
	for flag, fn := range map[string]cobra.CompletionFunc{
		"tag":   a.completeTags,
		"skill": completeSkills,
		"set":   a.completeSets,
	} {
		if cmd.Flags().Lookup(flag) != nil {
			cmd.RegisterFlagCompletionFunc(flag, fn)
		}
	}
	switch cmd.Name() {
	case "import":
		cmd.RegisterFlagCompletionFunc("from", fixed(formatNames()...))
	case "export":
		cmd.RegisterFlagCompletionFunc("format", fixed("md", "json"))
	case "checkin":
		cmd.RegisterFlagCompletionFunc("tried-again", fixed("yes", "no", "not-yet"))
	}
}

func fixed(values ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	}
}

func formatNames() []string {
	names := make([]string, len(importer.Formats))
	for i, f := range importer.Formats {
		names[i] = string(f)
	}
	return names
}

// completionLimit bounds how many entries a shell is offered: the most
// recent, which are the ones a person means.
const completionLimit = 200

// completeEntryIDs offers the most recent entries' ids, each described by
// its day and title. A journal that does not exist offers nothing.
func (a *env) completeEntryIDs(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	c, err := a.app()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	var out []cobra.Completion
	for e, err := range c.Headlines(ctxOf(cmd), app.Filter{Limit: completionLimit}) {
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
		}
		id := strconv.FormatInt(e.ID, 10)
		if strings.HasPrefix(id, toComplete) {
			out = append(out, cobra.CompletionWithDesc(id, describeEntry(e)))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

func describeEntry(e journal.Entry) string {
	return fmt.Sprintf("%s %s", e.OccurredOn, termtext.Line(e.Title))
}

func (a *env) completeTags(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	c, err := a.app()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	tags, err := c.Tags(ctxOf(cmd))
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	var out []cobra.Completion
	for _, t := range tags {
		if strings.HasPrefix(strings.ToLower(t.Tag), strings.ToLower(toComplete)) {
			out = append(out, cobra.CompletionWithDesc(termtext.Line(t.Tag), termtext.Count(t.Count, "entry", "entries")))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

func completeSkills(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	out := make([]cobra.Completion, len(journal.Skills))
	for i, s := range journal.Skills {
		out[i] = cobra.CompletionWithDesc(string(s), s.Label())
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

func (a *env) completeSets(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	// The sets are offered before there is a journal: they are files.
	lib, err := prompt.Load(userPrompts())
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	var out []cobra.Completion
	for _, s := range lib.Sets() {
		out = append(out, cobra.CompletionWithDesc(s.ID, termtext.Line(s.Description)))
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}

// completeSearch completes the filters of a search query: the filter names,
// and after tag:, skill: or pattern: the journal's tags, the skills, or the
// names of the journal's patterns.
func (a *env) completeSearch(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	key, value, isFilter := strings.Cut(toComplete, ":")
	if !isFilter {
		var out []cobra.Completion
		for _, f := range []string{"tag:", "skill:", "pattern:", "before:", "after:"} {
			if toComplete != "" && strings.HasPrefix(f, toComplete) {
				out = append(out, f)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
	var values []cobra.Completion
	var directive cobra.ShellCompDirective
	switch key {
	case "tag":
		values, directive = a.completeTags(cmd, args, value)
	case "skill":
		values, directive = completeSkills(cmd, args, value)
	case "pattern":
		values, directive = a.completePatterns(cmd, value)
	default:
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []cobra.Completion
	for _, v := range values {
		if strings.HasPrefix(v, value) {
			out = append(out, key+":"+v)
		}
	}
	return out, directive
}

// completePatterns offers the journal's patterns by their lexicon id, or
// their label with hyphens for spaces, each described by its label and how
// many entries show it.
func (a *env) completePatterns(cmd *cobra.Command, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	c, err := a.app()
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	report, err := c.PatternsSummary(ctxOf(cmd))
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveError
	}
	var out []cobra.Completion
	for _, th := range report.Themes {
		name := th.PatternID
		if name == "" {
			name = strings.Join(strings.Fields(strings.ToLower(termtext.Line(th.Label))), "-")
		}
		if strings.HasPrefix(name, toComplete) {
			out = append(out, cobra.CompletionWithDesc(name, termtext.Line(th.Label)+", "+termtext.Count(th.Count, "entry", "entries")))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveKeepOrder
}
