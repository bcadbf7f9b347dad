package cli

import (
	"slices"

	"github.com/spf13/cobra"
)

// commands are failup's commands under the root, each with the name args
// call it by.
var commands = []struct {
	name  string
	build func(*env) *cobra.Command
}{
	{"new", (*env).newCmd},
	{"list", (*env).listCmd},
	{"show", (*env).showCmd},
	{"search", (*env).searchCmd},
	{"edit", (*env).editCmd},
	{"delete", (*env).deleteCmd},
	{"import", (*env).importCmd},
	{"followups", (*env).followupsCmd},
	{"checkin", (*env).checkinCmd},
	{"stats", (*env).statsCmd},
	{"export", (*env).exportCmd},
	{"lessons", (*env).lessonsCmd},
	{"patterns", (*env).patternsCmd},
	{"backup", (*env).backupCmd},
	{"restore", (*env).restoreCmd},
	{"sync", (*env).syncCmd},
	{"doctor", (*env).doctorCmd},
	{"completion", (*env).completionCmd},
}

// nearestCommand is the command a mistyped name was most likely meant to
// be ("serch": search), or "" when none is close. The commands are not
// built for a name that is none of them, so cobra's own suggestions have
// nothing to go on: it is asked about their names alone.
func nearestCommand(typed string) string {
	probe := &cobra.Command{SuggestionsMinimumDistance: 2}
	for _, c := range commands {
		probe.AddCommand(&cobra.Command{Use: c.name, Run: func(*cobra.Command, []string) {}})
	}
	if near := probe.SuggestionsFor(typed); len(near) > 0 {
		return near[0]
	}
	return ""
}

// describers are the commands that need every other: failup's completion,
// cobra's help, and the shell's requests for completions.
var describers = []string{"completion", "help", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd}

// addCommands gives root the commands a run with args needs. Their flags
// are most of what building the tree allocates, and fresh memory costs a
// page fault, so a command builds only its own: failup alone (the home
// screen, --version) builds none until root's help lists them, and help
// and completion build all.
func (a *env) addCommands(root *cobra.Command, args []string) {
	switch name := commandName(root, args); {
	case name == "":
		help := root.HelpFunc()
		root.SetHelpFunc(func(cmd *cobra.Command, args []string) {
			a.addAll(root)
			root.InitDefaultHelpCmd()
			help(cmd, args)
		})
	case name == "help":
		a.addAll(root)
		root.InitDefaultHelpCmd()
		for _, c := range root.Commands() {
			if c.Name() == "help" {
				c.Args = helpTopic
			}
		}
	case slices.Contains(describers, name):
		a.addAll(root)
	default:
		for _, c := range commands {
			if c.name == name {
				a.add(root, c.build(a))
			}
		}
	}
}

// commandName is the command args name, found as cobra finds it (skipping
// root's flags and their values): one of commands or describers, or "".
func commandName(root *cobra.Command, args []string) string {
	names := make([]string, 0, len(commands)+len(describers))
	for _, c := range commands {
		names = append(names, c.name)
	}
	names = append(names, describers...)
	probe := &cobra.Command{Use: names[0], Aliases: names[1:]}
	root.AddCommand(probe)
	found, rest, _ := root.Find(args)
	root.RemoveCommand(probe)
	if found != probe {
		return ""
	}
	// Find took the name out of args and left the rest as it was.
	for i, arg := range args {
		if i == len(rest) || rest[i] != arg {
			return arg
		}
	}
	return ""
}

func (a *env) addAll(root *cobra.Command) {
	for _, c := range commands {
		a.add(root, c.build(a))
	}
}

func (a *env) add(root, cmd *cobra.Command) {
	root.AddCommand(cmd)
	a.registerCompletions(cmd)
	a.registerJQ(cmd)
}

// helpTopic makes failup help TOPIC say, as failup TOPIC does, that there is
// no such command, where cobra's help would show failup's own.
func helpTopic(cmd *cobra.Command, args []string) error {
	found, rest, err := cmd.Root().Find(args)
	if err == nil && len(rest) == 0 {
		return nil
	}
	if found == nil || !found.HasParent() {
		if near := nearestCommand(args[0]); near != "" {
			return usagef("there is no command %q; did you mean failup help %s?", args[0], near)
		}
		return usagef("there is no command %q; failup --help lists them", args[0])
	}
	return usagef("%s has no command %q; see %s --help", subject(found), rest[0], found.CommandPath())
}
