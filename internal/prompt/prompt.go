// Package prompt loads the question sets a reflection walks through: the
// built-in ones embedded from prompts/, overlaid by the person's own TOML files.
package prompt

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/prompts"
)

// Question is one step of a reflection.
type Question struct {
	Key  string `toml:"key"`
	Text string `toml:"text"`
	Hint string `toml:"hint"`
}

// Set is a named list of questions; its ID is its file name without .toml.
type Set struct {
	ID          string     `toml:"-"`
	Name        string     `toml:"name"`
	Description string     `toml:"description"`
	Questions   []Question `toml:"questions"`
}

// Library is every prompt set and the tips shown after saving.
type Library struct {
	sets map[string]Set
	tips []string
}

// dataFiles are the embedded files that are not prompt sets.
var dataFiles = map[string]bool{"tips.toml": true, "lexicon.toml": true}

// Load reads the built-in sets and then every *.toml in userDir (which may not
// exist), a user set replacing a built-in one with the same file name. A file
// that cannot be read is an error naming the file and, where known, the line.
func Load(userDir string) (*Library, error) {
	lib := &Library{sets: map[string]Set{}}
	if err := lib.loadFS(prompts.FS, ".", "prompts/"); err != nil {
		return nil, err
	}
	var tips struct {
		Tips []string `toml:"tips"`
	}
	if _, err := toml.DecodeFS(prompts.FS, "tips.toml", &tips); err != nil {
		return nil, fmt.Errorf("prompts/tips.toml: %w", err)
	}
	lib.tips = tips.Tips
	if userDir == "" {
		return lib, nil
	}
	if _, err := os.Stat(userDir); errors.Is(err, fs.ErrNotExist) {
		return lib, nil
	}
	if err := lib.loadFS(os.DirFS(userDir), ".", userDir+string(filepath.Separator)); err != nil {
		return nil, err
	}
	return lib, nil
}

func (l *Library) loadFS(fsys fs.FS, dir, shownAs string) error {
	names, err := fs.Glob(fsys, path.Join(dir, "*.toml"))
	if err != nil {
		return err
	}
	for _, name := range names {
		if dataFiles[name] {
			continue
		}
		set, err := parseSet(fsys, name)
		if err != nil {
			return fmt.Errorf("%s%s", shownAs, err)
		}
		l.sets[set.ID] = set
	}
	return nil
}

func parseSet(fsys fs.FS, name string) (Set, error) {
	var set Set
	md, err := toml.DecodeFS(fsys, name, &set)
	var perr toml.ParseError
	switch {
	case errors.As(err, &perr):
		return Set{}, fmt.Errorf("%s:%d: %s", name, perr.Position.Line, perr.Message)
	case err != nil:
		return Set{}, fmt.Errorf("%s: %s", name, err)
	}
	if extra := md.Undecoded(); len(extra) > 0 {
		return Set{}, fmt.Errorf("%s: unknown setting %q", name, extra[0].String())
	}
	set.ID = strings.TrimSuffix(name, ".toml")
	if set.Name == "" {
		set.Name = set.ID
	}
	if len(set.Questions) == 0 {
		return Set{}, fmt.Errorf("%s: a prompt set needs at least one [[questions]]", name)
	}
	seen := map[string]bool{}
	for i, q := range set.Questions {
		switch {
		case q.Key == "" || q.Text == "":
			return Set{}, fmt.Errorf("%s: question %d needs both key and text", name, i+1)
		case seen[q.Key]:
			return Set{}, fmt.Errorf("%s: question key %q appears twice", name, q.Key)
		}
		seen[q.Key] = true
	}
	return set, nil
}

// Set returns the prompt set with the given id.
func (l *Library) Set(id string) (Set, bool) {
	s, ok := l.sets[id]
	return s, ok
}

// Sets lists every set, the default first, then by id.
func (l *Library) Sets() []Set {
	out := make([]Set, 0, len(l.sets))
	for _, s := range l.sets {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if (out[i].ID == journal.DefaultPromptSet) != (out[j].ID == journal.DefaultPromptSet) {
			return out[i].ID == journal.DefaultPromptSet
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// IDs lists the set ids in the order of Sets.
func (l *Library) IDs() []string {
	var ids []string
	for _, s := range l.Sets() {
		ids = append(ids, s.ID)
	}
	return ids
}

// Question finds a question's text by set and key; it is a journal.QuestionLookup.
func (l *Library) Question(set, key string) (string, bool) {
	for _, q := range l.sets[set].Questions {
		if q.Key == key {
			return q.Text, true
		}
	}
	return "", false
}

// Tip returns one of the tips, chosen by n (any number; it wraps around).
func (l *Library) Tip(n int) string {
	if len(l.tips) == 0 {
		return ""
	}
	if n < 0 {
		n = -n
	}
	return l.tips[n%len(l.tips)]
}
