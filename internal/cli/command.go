package cli

import (
	"os"
	"time"

	"github.com/spf13/cobra"
)

// Command is failup's command tree, for the tools that describe it: the
// reference in docs/commands and the manual pages in docs/man are made from
// it (go generate ./internal/cli).
func Command() *cobra.Command {
	a := &env{in: os.Stdin, out: os.Stdout, errOut: os.Stderr, getenv: os.Getenv, now: time.Now}
	root := a.rootCmd()
	a.addAll(root)
	return root
}
