package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func load(t *testing.T, text string) (Config, []string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return Load(path)
}

func TestMissingFileIsTheDefaults(t *testing.T) {
	cfg, warnings, err := Load(filepath.Join(t.TempDir(), "none.toml"))
	if err != nil || warnings != nil || cfg != Default() {
		t.Fatalf("got %+v, %v, %v", cfg, warnings, err)
	}
}

func TestEveryKey(t *testing.T) {
	cfg, warnings, err := load(t, `# mine
prompt_set = "quick"
editor = "nano -w"
color = "Always"
week_start = "sunday"
date_format = "%d %B %Y"
reminders = false
pager = "most"
snapshots = 3
snapshot_dir = "/safe/snapshots"
`)
	if err != nil || len(warnings) != 0 {
		t.Fatal(err, warnings)
	}
	want := Config{PromptSet: "quick", Editor: "nano -w", Color: ColorAlways, WeekStart: time.Sunday,
		DateFormat: "%d %B %Y", DateLayout: "02 January 2006", Reminders: false, Pager: "most",
		Snapshots: 3, SnapshotDir: "/safe/snapshots"}
	if cfg != want {
		t.Errorf("got %+v\nwant %+v", cfg, want)
	}
	if got := cfg.FormatDate("2026-03-14"); got != "14 March 2026" {
		t.Errorf("FormatDate: %q", got)
	}
	if len(Keys()) != 12 {
		t.Errorf("Keys() = %v; a key added here needs its line in docs/config.md", Keys())
	}
}

func TestUnknownKeysWarn(t *testing.T) {
	cfg, warnings, err := load(t, "colour = \"never\"\nreminders = false\n[theme]\nname = \"x\"\n")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Reminders || cfg.Color != ColorAuto {
		t.Errorf("known keys not applied, or unknown ones applied: %+v", cfg)
	}
	if len(warnings) != 2 || !strings.HasSuffix(warnings[0], `config.toml, line 1: failup has no setting "colour"; it is ignored`) ||
		!strings.HasSuffix(warnings[1], `line 3: failup has no setting "theme"; it is ignored`) {
		t.Errorf("warnings: %q", warnings)
	}
}

func TestBadValues(t *testing.T) {
	for text, want := range map[string]string{
		"color = \"blue\"\n":                 `config.toml, line 1: color is "blue"; use "auto", "always" or "never"`,
		"\n\nreminders = \"no\"\n":           `config.toml, line 3: reminders is "no"; use true or false, without quotes`,
		"week_start = \"someday\"\n":         `line 1: week_start is "someday"; use the name of a day`,
		"date_format = \"%Q\"\n":             `line 1: date_format is "%Q": "%Q" uses %Q, which failup cannot read`,
		"prompt_set = 3\n":                   `line 1: prompt_set is 3; write it in double quotes`,
		"snapshots = -1\n":                   `line 1: snapshots is -1; use how many daily snapshots to keep, from 0 (none) to 366`,
		"snapshots = \"7\"\n":                `line 1: snapshots is "7"; use how many daily snapshots to keep`,
		"prompt_set = \"\"\n":                `line 1: prompt_set is empty`,
		"editor = \"vim\"\ncolor = never\n":  `config.toml, line 2: color: expected value but found "never" instead; see docs/config.md`,
		"pager = \"less\"\npager = \"more\"": `config.toml, line 2: pager: Key 'pager' has already been defined; see docs/config.md`,
	} {
		cfg, _, err := load(t, text)
		if err == nil || !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: got %v, want %q", text, err, want)
		}
		if cfg != Default() {
			t.Errorf("%q: a bad file gave settings %+v", text, cfg)
		}
	}
}

// TestTheDocumentedFileIsTheDefaults: the file docs/config.md shows, with
// every default written out, loads as no file at all, and sets every key
// failup has; its table has a row for each.
func TestTheDocumentedFileIsTheDefaults(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "config.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(doc), "```toml\n")
	file, _, found := strings.Cut(rest, "```")
	if !found {
		t.Fatal("docs/config.md has no ```toml block")
	}
	cfg, warnings, err := load(t, file)
	if err != nil || len(warnings) > 0 || cfg != Default() {
		t.Errorf("the documented file loads as %+v, %v, %v; want the defaults", cfg, warnings, err)
	}
	for _, key := range Keys() {
		if lineOf([]byte(file), key) == 0 {
			t.Errorf("the documented file does not set %s", key)
		}
		if !strings.Contains(string(doc), "| `"+key+"` |") {
			t.Errorf("docs/config.md's table has no row for %s", key)
		}
	}
}
