package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/failup/failup/internal/gojq"
	"github.com/failup/failup/internal/termtext"
)

// output is where a command's standard output goes on its way out: through
// a pager, or through a jq filter.
type output struct {
	noPager bool
	jq      string

	pager   *exec.Cmd
	pagerIn io.WriteCloser
	query   *gojq.Code
	json    *bytes.Buffer
	final   io.Writer // the output before either took it
}

// pagedCommands are those whose human output can run past a screen.
var pagedCommands = map[string]bool{
	"list": true, "show": true, "search": true, "lessons": true, "patterns": true,
	"stats": true, "followups": true, "export": true, "doctor": true,
}

// registerJQ adds --jq to cmd and each of its subcommands that prints JSON.
func (a *env) registerJQ(cmd *cobra.Command) {
	if cmd.Flags().Lookup("json") != nil {
		cmd.Flags().StringVar(&a.output.jq, "jq", "", "filter the JSON output with a jq expression (implies --json)")
	}
	for _, sub := range cmd.Commands() {
		a.registerJQ(sub)
	}
}

// startOutput sets up the command's output before it runs: --jq keeps the
// JSON to filter it afterwards; long human output in a terminal goes
// through a pager.
func (a *env) startOutput(cmd *cobra.Command) error {
	if a.output.jq != "" {
		q, err := gojq.Parse(a.output.jq)
		if err != nil {
			return usagef("--jq %q is not a jq expression: %v", a.output.jq, err)
		}
		code, err := gojq.Compile(q)
		if err != nil {
			return usagef("--jq %q cannot be run: %v", a.output.jq, err)
		}
		if err := cmd.Flags().Set("json", "true"); err != nil {
			return err
		}
		a.output.query, a.output.json, a.output.final = code, &bytes.Buffer{}, a.out
		a.out = a.output.json
		return nil
	}
	if !a.wantsPager(cmd) {
		return nil
	}
	words := pagerWords(a.pagerCommand())
	if len(words) == 0 {
		return nil
	}
	pager := exec.Command(words[0], words[1:]...)
	pager.Stdout, pager.Stderr = a.out, a.errOut
	pager.Env = os.Environ()
	if os.Getenv("LESS") == "" {
		// As git does: less quits when all fits on a screen, keeps colour,
		// and leaves the text on the screen.
		pager.Env = append(pager.Env, "LESS=FRX")
	}
	in, err := pager.StdinPipe()
	if err != nil {
		return nil
	}
	if err := pager.Start(); err != nil {
		// A pager that cannot start is no reason to withhold the output.
		return nil
	}
	a.output.pager, a.output.pagerIn, a.output.final = pager, in, a.out
	a.out = in
	return nil
}

// wantsPager reports whether cmd's output should go through a pager: human
// output of a command that can be long, to a terminal, without --no-pager.
func (a *env) wantsPager(cmd *cobra.Command) bool {
	if a.output.noPager || !pagedCommands[cmd.Name()] || !isTerminal(a.out) {
		return false
	}
	for _, flag := range []string{"json", "quiet", "output"} {
		if f := cmd.Flags().Lookup(flag); f != nil && f.Changed {
			return false
		}
	}
	return true
}

// pagerCommand is $FAILUP_PAGER, then pager in config.toml, then $PAGER,
// then less -FRX.
func (a *env) pagerCommand() string {
	for _, p := range []string{a.getenv("FAILUP_PAGER"), a.cfg.Pager, a.getenv("PAGER")} {
		if strings.TrimSpace(p) != "" {
			return p
		}
	}
	return "less -FRX"
}

// pagerWords is the pager command as a program and its arguments; "cat"
// (or nothing) means no pager.
func pagerWords(command string) []string {
	words := strings.Fields(command)
	if len(words) == 0 || words[0] == "cat" {
		return nil
	}
	if runtime.GOOS != "windows" && strings.ContainsAny(command, `'"$|;&<>`) {
		return []string{"sh", "-c", command}
	}
	return words
}

// finishOutput runs the jq filter over what the command printed, or waits
// for the pager to be closed. A pager quit before the end is no error.
func (a *env) finishOutput(err error) error {
	switch {
	case a.output.query != nil:
		a.out = a.output.final
		if err != nil {
			return err
		}
		return a.runJQ()
	case a.output.pager != nil:
		a.output.pagerIn.Close()
		a.output.pager.Wait()
		a.out = a.output.final
		if errors.Is(err, syscall.EPIPE) {
			return nil
		}
	}
	return err
}

// runJQ filters each JSON document the command printed, writing strings as
// they are and anything else as indented JSON, as gh does.
func (a *env) runJQ() error {
	dec := json.NewDecoder(a.output.json)
	enc := termtext.NewJSONEncoder(a.out)
	enc.SetIndent("", "  ")
	// A string is written as it is for a script, and without what could
	// drive the terminal when one shows it.
	toTerminal := isTerminal(a.out)
	for {
		var v any
		if err := dec.Decode(&v); errors.Is(err, io.EOF) {
			return nil
		} else if err != nil {
			return fmt.Errorf("--jq: the command's JSON could not be read: %w", err)
		}
		iter := a.output.query.Run(v)
		for {
			r, ok := iter.Next()
			if !ok {
				break
			}
			if err, isErr := r.(error); isErr {
				var halt *gojq.HaltError
				if errors.As(err, &halt) && halt.Value() == nil {
					return nil
				}
				return fmt.Errorf("--jq %q: %v", a.output.jq, err)
			}
			if s, isString := r.(string); isString {
				if toTerminal {
					s = termtext.Clean(s)
				}
				fmt.Fprintln(a.out, s)
				continue
			}
			if err := enc.Encode(r); err != nil {
				return err
			}
		}
	}
}
