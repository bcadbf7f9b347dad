// Command gendocs writes failup's command reference, as Markdown into
// docs/commands and as manual pages into docs/man, from the command tree
// itself, so that the two cannot drift apart:
//
//	go generate ./internal/cli
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/failup/failup/internal/cli"
)

// manDate is the date the manual pages carry. It is fixed, not today's, so
// that generating the pages again changes nothing unless a command did.
var manDate = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

func main() {
	out := flag.String("o", "docs", "the docs folder to write into")
	flag.Parse()
	if err := write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}

// write replaces dir/commands and dir/man with the reference of the tree.
func write(dir string) error {
	root := cli.Command()
	noDates(root)
	commands, man := filepath.Join(dir, "commands"), filepath.Join(dir, "man")
	for _, d := range []string{commands, man} {
		if err := os.RemoveAll(d); err != nil {
			return err
		}
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	link := func(name string) string { return strings.TrimSuffix(name, ".md") + ".md" }
	if err := doc.GenMarkdownTreeCustom(root, commands, func(string) string { return "" }, link); err != nil {
		return err
	}
	header := &doc.GenManHeader{Title: "FAILUP", Section: "1", Source: "failup", Manual: "failup manual", Date: &manDate}
	return doc.GenManTree(root, header, man)
}

// noDates leaves out the "generated on" line cobra adds to every page.
func noDates(cmd *cobra.Command) {
	cmd.DisableAutoGenTag = true
	for _, c := range cmd.Commands() {
		noDates(c)
	}
}
