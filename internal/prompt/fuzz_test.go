package prompt

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/failup/failup/prompts"
)

// FuzzParseSet feeds arbitrary bytes to the prompt set parser, which reads
// the person's own files. It must not panic; an error names the file; a set
// it accepts has a name and questions with unique keys and text.
func FuzzParseSet(f *testing.F) {
	names, err := fs.Glob(prompts.FS, "*.toml")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range names {
		data, err := fs.ReadFile(prompts.FS, name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("[[questions]]\nkey = \"cause\"\n"))
	f.Add([]byte("name = \"Tiny\"\n[[questions]]\nkey = \"a\"\ntext = \"A?\"\n[[questions]]\nkey = \"a\"\ntext = \"Again?\"\n"))
	f.Add([]byte("name = \"x\"\nmood = \"sad\"\n"))
	f.Add([]byte("name = \"\xff\"\n[[questions]]\nkey = \"\x1b[2J\"\ntext = '''\nmany\nlines'''\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		set, err := parseSet(fstest.MapFS{"mine.toml": {Data: data}}, "mine.toml")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "mine.toml") {
				t.Fatalf("the error does not name the file: %v", err)
			}
			return
		}
		if set.ID != "mine" || set.Name == "" || len(set.Questions) == 0 {
			t.Fatalf("accepted a set without an id, a name or questions: %+v", set)
		}
		keys := map[string]bool{}
		for _, q := range set.Questions {
			if q.Key == "" || q.Text == "" || keys[q.Key] {
				t.Fatalf("accepted a question without a key or text, or a key twice: %+v", set.Questions)
			}
			keys[q.Key] = true
		}
	})
}
