package cli

import (
	"context"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

// Every command's help fits 80 columns, broken only at spaces: the words
// are those of the help written whole, none of them cut in two, and in
// their order.
func TestHelpFitsTheWidthAtSpaces(t *testing.T) {
	help := func(columns string, args []string) string {
		var out strings.Builder
		a := &env{in: strings.NewReader(""), out: &out, errOut: io.Discard, now: time.Now,
			getenv: func(name string) string {
				if name == "COLUMNS" {
					return columns
				}
				return ""
			}}
		if code := a.run(context.Background(), args); code != 0 {
			t.Fatalf("failup %v: exit %d", args, code)
		}
		return out.String()
	}
	a := &env{getenv: func(string) string { return "" }}
	root := a.rootCmd()
	a.addAll(root)
	var paths [][]string
	var walk func(cmd *cobra.Command, path []string)
	walk = func(cmd *cobra.Command, path []string) {
		paths = append(paths, path)
		for _, sub := range cmd.Commands() {
			walk(sub, append(slices.Clip(path), sub.Name()))
		}
	}
	walk(root, nil)
	for _, path := range paths {
		args := append([]string{"help"}, path...)
		whole, fitted := help("", args), help("80", args)
		for line := range strings.SplitSeq(fitted, "\n") {
			if ansi.StringWidth(line) > 80 {
				t.Errorf("failup %v: a line of %d columns: %q", args, ansi.StringWidth(line), line)
			}
		}
		if !slices.Equal(strings.Fields(fitted), strings.Fields(whole)) {
			t.Errorf("failup %v at 80 columns has other words than its help written whole:\n%s", args, fitted)
		}
	}
	if got := help("80", []string{"help", "list"}); !strings.Contains(got, "(implies\n                          --json)") {
		t.Errorf("failup help list at 80 columns breaks --jq's description elsewhere than at a space:\n%s", got)
	}
}
