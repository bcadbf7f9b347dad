package cli

import (
	"bytes"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/termtext"
)

// wrapHelp makes root's help, and so every command's, fit the width human
// output is fitted to, breaking lines only at spaces: a terminal folding a
// long line would cut a word or a flag in two.
func (a *env) wrapHelp(root *cobra.Command) {
	help := root.HelpFunc()
	root.SetHelpFunc(func(cmd *cobra.Command, args []string) {
		width := a.termWidth()
		if width <= 0 {
			help(cmd, args)
			return
		}
		out := cmd.OutOrStdout()
		var buf bytes.Buffer
		cmd.SetOut(&buf)
		help(cmd, args)
		cmd.SetOut(out)
		io.WriteString(out, fitHelp(buf.String(), width))
	})
}

// helpColumn is the part of an indented help line before its description
// (a flag's, a command's, the last column of a table): up to the last run
// of two spaces or more.
var helpColumn = regexp.MustCompile(`^ +\S(?:.*\S)?  +`)

// fitHelp wraps help text to width. A paragraph of prose (lines that start
// at the margin) with a line too wide is reflowed; an indented line too
// wide goes on under its description (a flag's, a command's), or under
// itself a little further in (an example).
func fitHelp(help string, width int) string {
	lines := strings.Split(help, "\n")
	tooWide := func(line string) bool { return ansi.StringWidth(line) > width }
	var out []string
	for i := 0; i < len(lines); {
		if lines[i] == "" || strings.HasPrefix(lines[i], " ") {
			line := lines[i]
			if tooWide(line) {
				if col := helpColumn.FindString(line); col != "" {
					line = termtext.Hang(line[len(col):], width, col)
				} else {
					text := strings.TrimLeft(line, " ")
					indent := line[:len(line)-len(text)]
					line = termtext.Wrap(text, width, indent, indent+"  ")
				}
			}
			out = append(out, line)
			i++
			continue
		}
		j := i
		for j < len(lines) && lines[j] != "" && !strings.HasPrefix(lines[j], " ") {
			j++
		}
		if para := lines[i:j]; slices.ContainsFunc(para, tooWide) {
			out = append(out, termtext.Wrap(strings.Join(para, " "), width, "", ""))
		} else {
			out = append(out, para...)
		}
		i = j
	}
	return strings.Join(out, "\n")
}
