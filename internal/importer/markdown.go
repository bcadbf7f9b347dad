package importer

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
)

// ReadMarkdown reads a folder of Markdown notes (every *.md in it and its
// subfolders, hidden ones aside), or one note. A note failup export
// --per-entry wrote comes back as the entry it was; any other note, as an
// Obsidian vault keeps them, becomes an entry holding its text, dated and
// tagged from its YAML front matter (title, date or created, tags) or its
// file name ("2024-03-29 Standup.md").
func ReadMarkdown(root string, opts Options) (Result, error) {
	info, err := os.Stat(root)
	if err != nil {
		return Result{}, fmt.Errorf("cannot read %s: %w", root, unwrapPath(err))
	}
	files := []string{root}
	base := filepath.Dir(root)
	if !info.IsDir() && !isMarkdownName(root) {
		return Result{}, fmt.Errorf("%s is not a Markdown note: give a .md file or a folder of them", root)
	}
	if info.IsDir() {
		base = root
		if files, err = markdownFiles(root); err != nil {
			return Result{}, err
		}
		if len(files) == 0 {
			return Result{}, fmt.Errorf("%s holds no Markdown notes (*.md)", root)
		}
	}
	res := Result{Format: Markdown}
	first := map[string]string{}
	for _, file := range files {
		rel, _ := filepath.Rel(base, file)
		e, err := readNote(file, rel, opts)
		if err != nil {
			return Result{}, err
		}
		if other, ok := first[e.UID]; ok {
			return Result{}, &EntryError{file, "", fmt.Errorf("it is the entry %s holds too (uid %s); remove one of them and import again", other, e.UID)}
		}
		first[e.UID] = file
		res.Entries = append(res.Entries, e)
	}
	return res, nil
}

func markdownFiles(root string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && isMarkdownName(path) {
			files = append(files, path)
		}
		return nil
	})
	slices.Sort(files)
	return files, err
}

func isMarkdownName(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".md" || ext == ".markdown"
}

// frontMatter is what a note's YAML header may say, in the keys failup and
// note-taking apps use.
type frontMatter struct {
	Title   string    `yaml:"title"`
	Date    yaml.Node `yaml:"date"`
	Created yaml.Node `yaml:"created"`
	Tags    yaml.Node `yaml:"tags"`
	Skills  []string  `yaml:"skills"`
	UID     string    `yaml:"uid"`
	// The times failup export --per-entry keeps to the second.
	CreatedAt   string `yaml:"created_at"`
	UpdatedAt   string `yaml:"updated_at"`
	CheckedInAt string `yaml:"checked_in_at"`
	DroppedAt   string `yaml:"dropped_at"`
}

func readNote(file, rel string, opts Options) (journal.Entry, error) {
	data, err := readFile(file)
	if err != nil {
		return journal.Entry{}, err
	}
	if line, ok := invalidUTF8Line(data); !ok {
		return journal.Entry{}, fmt.Errorf("%s: line %d is not valid UTF-8; save the note as UTF-8 and import it again", file, line)
	}
	if err := checkSize(string(data)); err != nil {
		return journal.Entry{}, fmt.Errorf("%s: %w", file, err)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	header, body, err := splitFrontMatter(text)
	if err != nil {
		return journal.Entry{}, fmt.Errorf("%s: %w", file, err)
	}
	if header == "" && isFailupPage(body) {
		return journal.Entry{}, fmt.Errorf("%s is failup's Markdown export, a page written to be read, not imported; "+
			"import the JSON export (failup export --format json -o FILE) or a folder from failup export --per-entry -o DIR instead", file)
	}
	var fm frontMatter
	if err := yaml.Unmarshal([]byte(header), &fm); err != nil {
		return journal.Entry{}, fmt.Errorf("%s: its front matter is not valid YAML: %s", file, yamlProblem(err))
	}
	tags, err := fmTags(fm.Tags)
	if err != nil {
		return journal.Entry{}, fmt.Errorf("%s: %w", file, err)
	}
	at, err := fmTime(fm, filepath.Base(file))
	if err != nil {
		return journal.Entry{}, fmt.Errorf("%s: %w", file, err)
	}
	if fm.UID != "" && strings.HasPrefix(strings.TrimLeft(body, "\n"), "# ") {
		e, err := failupNote(body, fm, tags, at, opts)
		if err != nil {
			return journal.Entry{}, fmt.Errorf("%s: %w", file, err)
		}
		return e, nil
	}
	tags = append(tags, inlineTags(body)...)
	d := draft{uid: fm.UID, at: at, title: fm.Title, text: strings.TrimSpace(body), source: rel, tags: tags}
	if d.uid == "" {
		d.uid = stableUID(Markdown, filepath.ToSlash(rel))
	}
	if d.title == "" {
		d.title = noteTitle(body, filepath.Base(file))
	}
	e, err := d.entry(opts)
	if err != nil {
		return journal.Entry{}, fmt.Errorf("%s: %w", file, err)
	}
	return e, nil
}

// isFailupPage reports a page failup export writes without --per-entry:
// every entry, or the lessons, under one title and the period they cover.
func isFailupPage(body string) bool {
	first, rest, _ := strings.Cut(strings.TrimLeft(body, "\n"), "\n")
	note, _, _ := strings.Cut(strings.TrimLeft(rest, "\n"), "\n")
	return (first == "# Reflections" || first == "# Lessons learned") &&
		strings.HasPrefix(note, "*") && strings.HasSuffix(note, "*")
}

// splitFrontMatter cuts the YAML between a first line "---" and the next
// "---" (or "...") from the note's text.
func splitFrontMatter(text string) (header, body string, err error) {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return "", text, nil
	}
	for _, end := range []string{"\n---\n", "\n...\n"} {
		if i := strings.Index("\n"+rest, end); i >= 0 {
			return rest[:max(i-1, 0)], rest[min(i+len(end)-1, len(rest)):], nil
		}
	}
	for _, end := range []string{"\n---", "\n..."} {
		if strings.HasSuffix(rest, end) {
			return strings.TrimSuffix(rest, end), "", nil
		}
	}
	return "", "", fmt.Errorf("its front matter starts with --- but never ends with another ---")
}

// fmTags reads tags written as a YAML list or as one string of words, with
// or without #.
func fmTags(n yaml.Node) ([]string, error) {
	var words []string
	switch n.Kind {
	case 0:
		return nil, nil
	case yaml.ScalarNode:
		words = strings.FieldsFunc(n.Value, func(r rune) bool { return r == ',' || r == ' ' })
	case yaml.SequenceNode:
		if err := n.Decode(&words); err != nil {
			return nil, fmt.Errorf("its tags (line %d) are not a list of words", n.Line)
		}
	default:
		return nil, fmt.Errorf("its tags (line %d) are not a list of words", n.Line)
	}
	var tags []string
	for _, w := range words {
		if w = strings.TrimLeft(strings.TrimSpace(w), "#"); w != "" {
			tags = append(tags, w)
		}
	}
	return tags, nil
}

var fmLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

var datedName = lazyRegexp(`^(\d{4}-\d{2}-\d{2})\b`)

// fmTime is when a note was written: its front matter's date or created,
// else the day its file name starts with.
func fmTime(fm frontMatter, name string) (time.Time, error) {
	for _, n := range []yaml.Node{fm.Date, fm.Created} {
		if n.Kind == 0 || n.Value == "" {
			continue
		}
		for _, layout := range fmLayouts {
			if t, err := time.ParseInLocation(layout, n.Value, time.Local); err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("its date %q (line %d) is not a day like 2024-03-29", n.Value, n.Line)
	}
	if m := datedName().FindString(name); m != "" {
		if t, err := time.ParseInLocation("2006-01-02", m, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("it has no date; add \"date: 2024-03-29\" to its front matter or start its name with the day")
}

// inlineTags are the #tags written in a note's text, as Obsidian reads them:
// a # right before a letter, at the start of a line or after a space.
func inlineTags(body string) []string {
	var tags []string
	for _, m := range inlineTag().FindAllStringSubmatch(body, -1) {
		tags = append(tags, m[1])
	}
	return tags
}

var inlineTag = lazyRegexp(`(?:^|\s)#(\p{L}[\p{L}\p{N}_/-]*)`)

// noteTitle is the note's first heading, else its file name without the day
// and the extension.
func noteTitle(body, name string) string {
	for line := range strings.Lines(body) {
		if h, ok := strings.CutPrefix(strings.TrimSpace(line), "# "); ok {
			return h
		}
	}
	name = strings.TrimSuffix(name, filepath.Ext(name))
	if t := strings.Trim(datedName().ReplaceAllString(name, ""), " -_"); t != "" {
		return t
	}
	return name
}

// failupNote reads a note failup export --per-entry wrote.
func failupNote(body string, fm frontMatter, tags []string, at time.Time, opts Options) (journal.Entry, error) {
	e, err := export.ReadEntry(body)
	if err != nil {
		return journal.Entry{}, err
	}
	e.UID, e.OccurredOn, e.Tags = fm.UID, journal.DateOf(at), tags
	if fm.Title != "" {
		e.Title = fm.Title
	}
	e.Skills = nil
	for _, s := range fm.Skills {
		e.Skills = append(e.Skills, journal.Skill(s))
	}
	e.PromptSet = answerKeys(e.Answers, slices.Clone(opts.Sets))
	if err := exactTimes(&e, fm); err != nil {
		return journal.Entry{}, err
	}
	if err := complete(&e, opts); err != nil {
		return journal.Entry{}, err
	}
	return e, nil
}

// exactTimes puts back the times the front matter holds to the second, where
// the Markdown has only their day.
func exactTimes(e *journal.Entry, fm frontMatter) error {
	set := func(key, value string, dst *time.Time) error {
		if value == "" || dst == nil {
			return nil
		}
		at, err := time.Parse(time.RFC3339Nano, value)
		if err != nil {
			return fmt.Errorf("its %s %q is not a time like 2026-03-14T18:22:05Z", key, value)
		}
		*dst = at
		return nil
	}
	var checkedIn, dropped *time.Time
	if f := e.Followup; f != nil {
		checkedIn, dropped = f.CheckedInAt, f.DroppedAt
	}
	for _, err := range []error{set("created_at", fm.CreatedAt, &e.CreatedAt), set("updated_at", fm.UpdatedAt, &e.UpdatedAt),
		set("checked_in_at", fm.CheckedInAt, checkedIn), set("dropped_at", fm.DroppedAt, dropped)} {
		if err != nil {
			return err
		}
	}
	return nil
}

// answerKeys gives each answer read back the key of its question, from the
// prompt set that asks every one of them (the default set first), and
// returns that set's id. A question no set asks keeps a key made from its
// words, and the entry the default set.
func answerKeys(answers []journal.Answer, sets []prompt.Set) string {
	slices.SortStableFunc(sets, func(a, b prompt.Set) int {
		return boolInt(b.ID == journal.DefaultPromptSet) - boolInt(a.ID == journal.DefaultPromptSet)
	})
	keyIn := func(s prompt.Set, question string) string {
		for _, q := range s.Questions {
			if q.Text == question {
				return q.Key
			}
		}
		return ""
	}
	for _, s := range sets {
		covers := true
		for _, a := range answers {
			if keyIn(s, a.Question) == "" && !strings.HasPrefix(a.Question, writtenPrefix) {
				covers = false
				break
			}
		}
		if covers {
			setKeys(answers, func(q string) string { return keyIn(s, q) })
			return s.ID
		}
	}
	setKeys(answers, func(q string) string {
		for _, s := range sets {
			if k := keyIn(s, q); k != "" {
				return k
			}
		}
		return ""
	})
	return journal.DefaultPromptSet
}

func setKeys(answers []journal.Answer, key func(question string) string) {
	used := map[string]bool{}
	for i, a := range answers {
		k := key(a.Question)
		switch {
		case strings.HasPrefix(a.Question, writtenPrefix):
			k = WrittenKey
		case k == "":
			k = keySlug(a.Question)
		}
		for n := 2; used[k]; n++ {
			k = fmt.Sprintf("%s-%d", strings.TrimRight(k, "-0123456789"), n)
		}
		used[k] = true
		answers[i].Key = k
	}
}

func keySlug(question string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(strings.ToLower(question), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	}) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
		if b.Len() > 40 {
			break
		}
	}
	if b.Len() == 0 {
		return "answer"
	}
	return b.String()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
