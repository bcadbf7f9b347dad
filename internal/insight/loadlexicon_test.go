package insight

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadLexiconBuiltIn(t *testing.T) {
	for _, dir := range []string{"", t.TempDir(), filepath.Join(t.TempDir(), "missing")} {
		lex, err := LoadLexicon(dir)
		if err != nil {
			t.Fatalf("LoadLexicon(%q): %v", dir, err)
		}
		if len(lex.Patterns) < 10 {
			t.Errorf("LoadLexicon(%q) has %d patterns; want the built-in ones", dir, len(lex.Patterns))
		}
	}
}

func TestLoadLexiconOverlaysTheUserFile(t *testing.T) {
	dir := t.TempDir()
	writeUserLexicon(t, filepath.Join(dir, "lexicon.toml"), `
[[pattern]]
id = "fatigue"
label = "tired"
terms = ["knackered"]

[[pattern]]
id = "standup"
label = "the Monday standup"
terms = ["standup", "stand-up"]
`)
	lex, err := LoadLexicon(dir)
	if err != nil {
		t.Fatal(err)
	}
	builtIn, err := LoadLexicon("")
	if err != nil {
		t.Fatal(err)
	}
	if len(lex.Patterns) != len(builtIn.Patterns)+1 {
		t.Errorf("%d patterns; want the %d built-in ones and one more", len(lex.Patterns), len(builtIn.Patterns))
	}
	for _, p := range lex.Patterns {
		if p.ID == "fatigue" && (p.Label != "tired" || len(p.Terms) != 1) {
			t.Errorf("fatigue = %+v; want the user's pattern in place of the built-in one", p)
		}
	}
	if last := lex.Patterns[len(lex.Patterns)-1]; last.ID != "standup" {
		t.Errorf("last pattern is %q; want the user's new one", last.ID)
	}
}

func TestLoadLexiconNamesTheBrokenFileAndLine(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"syntax", "[[pattern]]\nid = \"x\"\nlabel = \"y\nterms = [\"a\"]\n", "lexicon.toml:3: "},
		{"no terms", "\n\n[[pattern]]\nid = \"x\"\nlabel = \"y\"\n", "lexicon.toml:3: pattern \"x\" needs at least one term"},
		{"wrong type", "[[pattern]]\nid = 4\n", "lexicon.toml:2: pattern.id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "lexicon.toml")
			writeUserLexicon(t, path, tt.content)
			_, err := LoadLexicon(dir)
			if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, tt.want)) {
				t.Errorf("error = %v; want it to start %q", err, filepath.Join(dir, tt.want))
			}
		})
	}
}

func writeUserLexicon(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestLexiconVersionFollowsTheUserFile(t *testing.T) {
	dir := t.TempDir()
	version := func() string {
		t.Helper()
		v, err := LexiconVersion(dir)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	none := version()
	if builtIn, err := LexiconVersion(""); err != nil || builtIn != none {
		t.Errorf("with no file of the person's: %q, %v; want %q, as with no folder", builtIn, err, none)
	}
	path := filepath.Join(dir, "lexicon.toml")
	writeUserLexicon(t, path, "[[pattern]]\nid = \"standup\"\nlabel = \"the standup\"\nterms = [\"standup\"]\n")
	first := version()
	if first == none {
		t.Error("adding a lexicon file left the version as it was")
	}
	if again := version(); again != first {
		t.Errorf("the same file gave %q, then %q", first, again)
	}
	writeUserLexicon(t, path, "[[pattern]]\nid = \"standup\"\nlabel = \"the standup\"\nterms = [\"stand-up\"]\n")
	if changed := version(); changed == first || changed == none {
		t.Errorf("changing a term gave %q; want a version of its own (before: %q, none: %q)", changed, first, none)
	}
	os.Remove(path)
	if gone := version(); gone != none {
		t.Errorf("removing the file gave %q; want %q again", gone, none)
	}
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := LexiconVersion(dir); err == nil {
		t.Error("a lexicon.toml that cannot be read gave no error")
	}
}
