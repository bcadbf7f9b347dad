package cli

import (
	"io"
	"testing"
)

func TestEachCommandIsCalledByItsName(t *testing.T) {
	a := &env{out: io.Discard, errOut: io.Discard}
	for _, c := range commands {
		if got := c.build(a).Name(); got != c.name {
			t.Errorf("%s builds the command %s", c.name, got)
		}
	}
}

func TestCommandNameIsTheOneCobraRuns(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"--version"}, ""},
		{[]string{"list"}, "list"},
		{[]string{"--db", "list", "show", "3"}, "show"},
		{[]string{"--db=x", "--no-pager", "patterns", "corrections"}, "patterns"},
		{[]string{"--", "list"}, ""},
		{[]string{"frobnicate", "list"}, ""},
		{[]string{"help", "list"}, "help"},
		{[]string{"__complete", "list", ""}, "__complete"},
	} {
		a := &env{out: io.Discard, errOut: io.Discard}
		if got := commandName(a.rootCmd(), c.args); got != c.want {
			t.Errorf("%q: got %q, want %q", c.args, got, c.want)
		}
	}
}
