package prompt

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/failup/failup/internal/journal"
)

func TestBuiltInSetsParse(t *testing.T) {
	lib, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	four, ok := lib.Set(journal.DefaultPromptSet)
	if !ok || len(four.Questions) != 4 {
		t.Fatalf("four-questions = %+v", four)
	}
	want := []string{
		"What caused this setback?",
		"What patterns contributed to this situation?",
		"What should I do differently next time?",
		"What strengths can I build from this?",
	}
	for i, q := range four.Questions {
		if q.Text != want[i] || q.Hint == "" {
			t.Errorf("question %d = %+v", i, q)
		}
	}
	quick, ok := lib.Set("quick")
	if !ok || len(quick.Questions) >= len(four.Questions) {
		t.Fatalf("quick = %+v", quick)
	}
	if ids := lib.IDs(); ids[0] != journal.DefaultPromptSet {
		t.Errorf("the default set is not first: %v", ids)
	}
	if q, ok := lib.Question(journal.DefaultPromptSet, journal.KeyDifferently); !ok || q != want[2] {
		t.Errorf("Question = %q %v", q, ok)
	}
	if lib.Tip(0) == "" || lib.Tip(-7) == "" {
		t.Error("no tips")
	}
}

func TestUserSetsOverlay(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("quick.toml", "name = \"Mine\"\n[[questions]]\nkey = \"cause\"\ntext = \"Why?\"\n")
	write("extra.toml", "[[questions]]\nkey = \"a\"\ntext = \"A?\"\n")
	lib, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if q, _ := lib.Set("quick"); q.Name != "Mine" || q.Questions[0].Text != "Why?" {
		t.Errorf("quick was not replaced: %+v", q)
	}
	if _, ok := lib.Set("extra"); !ok {
		t.Error("extra was not added")
	}
	if _, ok := lib.Set(journal.DefaultPromptSet); !ok {
		t.Error("the built-in default disappeared")
	}
}

func TestBrokenUserSetsNameTheFile(t *testing.T) {
	cases := map[string]struct{ body, want string }{
		"syntax":        {"name = \"x\"\n[[questions]]\nkey = = 1\n", "bad.toml:3: "},
		"unknown":       {"[[questions]]\nkey = \"a\"\ntext = \"A?\"\nhnit = \"typo\"\n", `unknown setting "questions.hnit"`},
		"no questions":  {"name = \"x\"\n", "at least one [[questions]]"},
		"missing text":  {"[[questions]]\nkey = \"a\"\n", "question 1 needs both key and text"},
		"duplicate key": {"[[questions]]\nkey = \"a\"\ntext = \"A\"\n[[questions]]\nkey = \"a\"\ntext = \"B\"\n", `"a" appears twice`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "bad.toml"), []byte(c.body), 0o600)
			_, err := Load(dir)
			if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "bad.toml")) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Load = %v, want an error naming bad.toml and %q", err, c.want)
			}
		})
	}
}

// TestNoWordsMakeLightOfAHardDay: the tip shown after saving, and the hints,
// follow whatever the day was (a near miss at work, snapping at a grandchild):
// none may read as brushing it off.
func TestNoWordsMakeLightOfAHardDay(t *testing.T) {
	lib, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	said := append([]string{}, lib.tips...)
	for _, id := range lib.IDs() {
		set, _ := lib.Set(id)
		for _, q := range set.Questions {
			said = append(said, q.Hint)
		}
	}
	for _, s := range said {
		for _, light := range []string{"disaster", "data", "no big deal", "move on", "get over", "only a ", "just a "} {
			if strings.Contains(strings.ToLower(s), light) {
				t.Errorf("%q could read as making light of a hard day (%q)", s, light)
			}
		}
	}
}
