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
