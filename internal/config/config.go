// Package config reads failup's settings from $XDG_CONFIG_HOME/failup/config.toml.
// Every key is optional; a key left out keeps its default. A value that
// cannot be used is an error naming the file, line and key; a key failup
// does not know is a warning, and is ignored.
package config

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/failup/failup/internal/strftime"
)

// Color says when failup draws in colour.
type Color string

// The colour settings.
const (
	ColorAuto   Color = "auto"   // in a terminal, unless NO_COLOR is set
	ColorAlways Color = "always" // even when piped
	ColorNever  Color = "never"
)

// Config is every setting, filled with defaults where the file is silent.
type Config struct {
	// PromptSet is the set failup new asks when --set is not given.
	PromptSet string
	// Editor is the command ctrl+e opens an answer in; "" means $VISUAL,
	// then $EDITOR, then vi.
	Editor string
	// Color is auto, always or never.
	Color Color
	// WeekStart is the first day of the week in calendars.
	WeekStart time.Weekday
	// DateFormat is how days are written in human output, as strftime
	// writes them ("%Y-%m-%d"); DateLayout is the same as a Go layout.
	DateFormat, DateLayout string
	// MonthFirst is set when DateFormat writes the month before the day
	// and the year not first ("%m/%d/%Y"): a typed 3/4 is then March 4.
	MonthFirst bool
	// Reminders lets failup speak of commitments that are due: the line
	// followups --due --quiet prints for a shell's rc file.
	Reminders bool
	// Pager is the command long output goes through in a terminal; "" means
	// $PAGER, then less -FRX.
	Pager string
	// SyncDir is the folder failup sync uses when none is given; SyncKey
	// the age key it encrypts with; SyncAfterSave syncs after every command
	// that changed the journal.
	SyncDir, SyncKey string
	SyncAfterSave    bool
	// Snapshots is how many daily snapshots of the journal are kept; 0
	// takes none. SnapshotDir is where; "" means failup's data folder.
	Snapshots   int
	SnapshotDir string
}

// Default is the configuration without a file.
func Default() Config {
	return Config{
		PromptSet:  "four-questions",
		Color:      ColorAuto,
		WeekStart:  time.Monday,
		DateFormat: "%Y-%m-%d",
		DateLayout: "2006-01-02",
		Reminders:  true,
		Snapshots:  7,
	}
}

// FormatDate writes a day (YYYY-MM-DD) as the configuration says; a value
// that is not a day is returned as it is.
func (c Config) FormatDate(day string) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil || c.DateLayout == "" {
		return day
	}
	return t.Format(c.DateLayout)
}

// Load reads the file at path. A file that does not exist gives the
// defaults. warnings name keys that were ignored.
func Load(path string) (cfg Config, warnings []string, err error) {
	cfg = Default()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return cfg, nil, nil
	}
	if err != nil {
		return cfg, nil, fmt.Errorf("cannot read the config file %s: %w", path, unwrapPath(err))
	}
	var raw map[string]any
	if _, err := toml.Decode(string(data), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			what := strings.TrimSuffix(pe.Message, ".")
			if pe.LastKey != "" {
				what = pe.LastKey + ": " + what
			}
			return cfg, nil, fmt.Errorf("%s, line %d: %s; see docs/config.md", path, pe.Position.Line, what)
		}
		return cfg, nil, fmt.Errorf("%s: %w", path, err)
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return lineOf(data, a) - lineOf(data, b) })
	for _, key := range keys {
		set, known := settings[key]
		if !known {
			warnings = append(warnings, fmt.Sprintf("%s, line %d: failup has no setting %q; it is ignored", path, lineOf(data, key), key))
			continue
		}
		if err := set(&cfg, raw[key]); err != nil {
			return Default(), nil, fmt.Errorf("%s, line %d: %s %s", path, lineOf(data, key), key, err)
		}
	}
	return cfg, warnings, nil
}

// settings applies each key's value, or says what is wrong with it in words
// that follow the key's name.
var settings = map[string]func(*Config, any) error{
	"prompt_set": func(c *Config, v any) error { return text(v, &c.PromptSet, false) },
	"editor":     func(c *Config, v any) error { return text(v, &c.Editor, true) },
	"pager":      func(c *Config, v any) error { return text(v, &c.Pager, true) },
	"color": func(c *Config, v any) error {
		var s string
		if err := text(v, &s, false); err != nil {
			return err
		}
		switch Color(strings.ToLower(s)) {
		case ColorAuto, ColorAlways, ColorNever:
			c.Color = Color(strings.ToLower(s))
			return nil
		}
		return fmt.Errorf("is %q; use \"auto\", \"always\" or \"never\"", s)
	},
	"week_start": func(c *Config, v any) error {
		var s string
		if err := text(v, &s, false); err != nil {
			return err
		}
		for d := time.Sunday; d <= time.Saturday; d++ {
			if strings.EqualFold(s, d.String()) {
				c.WeekStart = d
				return nil
			}
		}
		return fmt.Errorf("is %q; use the name of a day, like \"monday\" or \"sunday\"", s)
	},
	"date_format": func(c *Config, v any) error {
		var s string
		if err := text(v, &s, false); err != nil {
			return err
		}
		layout, err := strftime.Layout(s)
		if err != nil {
			return fmt.Errorf("is %q: %v", s, err)
		}
		c.DateFormat, c.DateLayout, c.MonthFirst = s, layout, strftime.MonthFirst(s)
		return nil
	},
	"sync_dir": func(c *Config, v any) error { return path(v, &c.SyncDir) },
	"sync_key": func(c *Config, v any) error { return path(v, &c.SyncKey) },
	"sync_after_save": func(c *Config, v any) error {
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("is %s; use true or false, without quotes", describe(v))
		}
		c.SyncAfterSave = b
		return nil
	},
	"snapshots": func(c *Config, v any) error {
		n, ok := v.(int64)
		if !ok || n < 0 || n > 366 {
			return fmt.Errorf("is %s; use how many daily snapshots to keep, from 0 (none) to 366, without quotes", describe(v))
		}
		c.Snapshots = int(n)
		return nil
	},
	"snapshot_dir": func(c *Config, v any) error { return path(v, &c.SnapshotDir) },
	"reminders": func(c *Config, v any) error {
		b, ok := v.(bool)
		if !ok {
			return fmt.Errorf("is %s; use true or false, without quotes", describe(v))
		}
		c.Reminders = b
		return nil
	},
}

// Keys lists every setting, for completion and documentation tests.
func Keys() []string {
	keys := make([]string, 0, len(settings))
	for k := range settings {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func text(v any, dst *string, emptyOK bool) error {
	s, ok := v.(string)
	switch {
	case !ok:
		return fmt.Errorf("is %s; write it in double quotes", describe(v))
	case strings.TrimSpace(s) == "" && !emptyOK:
		return errors.New("is empty; leave it out to keep the default")
	}
	*dst = strings.TrimSpace(s)
	return nil
}

// path reads a file or folder name, where a leading ~/ is the home folder.
func path(v any, dst *string) error {
	if err := text(v, dst, true); err != nil {
		return err
	}
	if rest, ok := strings.CutPrefix(*dst, "~/"); ok {
		home, err := os.UserHomeDir()
		if err != nil {
			return errors.New("starts with ~/, but the home folder is not known")
		}
		*dst = home + "/" + rest
	}
	return nil
}

func describe(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case map[string]any:
		return "a table"
	case []any:
		return "a list"
	default:
		return fmt.Sprintf("%v", v)
	}
}

// Line is the line of the file at path that sets key, 0 when none does: for
// a message about a value that is checked after loading (prompt_set names a
// set that may be among the person's own files).
func Line(path, key string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	return lineOf(data, key)
}

// lineOf finds the line where a top-level key is set, for messages: the
// TOML decoder does not say.
func lineOf(data []byte, key string) int {
	k := regexp.QuoteMeta(key)
	re := regexp.MustCompile(`(?m)^[ \t]*(?:(?:` + k + `|"` + k + `")[ \t]*=|\[+[ \t]*` + k + `[ \t]*\])`)
	if loc := re.FindIndex(data); loc != nil {
		return strings.Count(string(data[:loc[0]]), "\n") + 1
	}
	return 0
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
