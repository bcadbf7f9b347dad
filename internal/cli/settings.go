package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/adrg/xdg"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/config"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
)

// configPath is the settings file: $XDG_CONFIG_HOME/failup/config.toml.
func configPath() string { return filepath.Join(xdg.ConfigHome, "failup", "config.toml") }

// loadSettings reads the settings file once, before any command runs; keys
// it does not know are a warning on stderr, and a bad value stops failup.
func (a *env) loadSettings() error {
	cfg, warnings, err := config.Load(configPath())
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintln(a.errOut, "failup: "+sentence(w))
	}
	a.cfg = cfg
	if a.cfg.Editor != "" {
		// The guided flow's ctrl+e reads $VISUAL first; the setting is the
		// person's choice for failup in particular, so it goes before it.
		os.Setenv("VISUAL", a.cfg.Editor)
	}
	return nil
}

// promptSet is the set named by --set (flag), else by prompt_set in
// config.toml; a set the settings name that is not there is the settings'
// mistake, said with the file and line.
func (a *env) promptSet(c *app.Core, flag string) (prompt.Set, error) {
	if flag != "" {
		return c.PromptSet(flag)
	}
	ps, err := c.PromptSet(a.cfg.PromptSet)
	if ie, ok := errors.AsType[*app.InputError](err); ok {
		return ps, fmt.Errorf("%s, line %d: prompt_set: %w", configPath(), config.Line(configPath(), "prompt_set"), ie.Err)
	}
	return ps, err
}

// day writes a day as date_format says, in human output; JSON keeps
// YYYY-MM-DD.
func (a *env) day(d journal.Date) string { return a.cfg.FormatDate(string(d)) }
