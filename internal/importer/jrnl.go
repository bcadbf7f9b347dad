package importer

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/strftime"
)

// jrnlLayouts are the time formats jrnl has written by default, tried when a
// journal file comes without its config: "%Y-%m-%d %H:%M" (jrnl 1 and 2)
// and "%F %r" (jrnl 2.5 on).
var jrnlLayouts = []string{"2006-01-02 15:04", "2006-01-02 03:04:05 PM", "2006-01-02 15:04:05"}

// jrnlConfig is the part of jrnl's jrnl.yaml that says where journals are
// and how their dates are written.
type jrnlConfig struct {
	Journals   map[string]yaml.Node `yaml:"journals"`
	TimeFormat string               `yaml:"timeformat"`
	TagSymbols string               `yaml:"tagsymbols"`
}

// jrnlJournal is one journal named in a config.
type jrnlJournal struct {
	name, path string
	encrypt    bool
	timeFormat string
}

// ReadJrnl reads a jrnl journal file, or a jrnl config (jrnl.yaml) and every
// journal it names, each journal's name becoming a tag (except "default").
func ReadJrnl(path string, opts Options) (Result, error) {
	data, err := readFile(path)
	if err != nil {
		return Result{}, err
	}
	if isJrnlConfig(data) {
		return readJrnlConfig(path, data, opts)
	}
	drafts, names, err := parseJrnl(path, data, "", "", "@")
	if err != nil {
		return Result{}, err
	}
	return finish(path, Jrnl, drafts, names, opts)
}

func isJrnlConfig(data []byte) bool {
	return regexp.MustCompile(`(?m)^journals:`).Match(data)
}

func readJrnlConfig(path string, data []byte, opts Options) (Result, error) {
	var cfg jrnlConfig
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		return Result{}, fmt.Errorf("%s: this jrnl config is not valid YAML: %v", path, yamlProblem(err))
	}
	journals, err := cfg.journals(path)
	if err != nil {
		return Result{}, err
	}
	for _, j := range journals {
		if _, err := strftime.Layout(j.timeFormat); err != nil {
			return Result{}, fmt.Errorf("%s: jrnl's timeformat %w", path, err)
		}
	}
	var drafts []draft
	var names []string
	for _, j := range journals {
		switch info, err := os.Stat(j.path); {
		case err != nil:
			return Result{}, fmt.Errorf("%s: journal %q is at %s, which cannot be read: %v", path, j.name, j.path, unwrapPath(err))
		case info.IsDir():
			return Result{}, fmt.Errorf("%s: journal %q is a folder journal; export it with jrnl %s --format json --file FILE and import that",
				path, j.name, j.name)
		case j.encrypt:
			return Result{}, fmt.Errorf("%s: journal %q is encrypted; export it with jrnl %s --format json --file FILE and import that",
				path, j.name, j.name)
		}
		text, err := readFile(j.path)
		if err != nil {
			return Result{}, err
		}
		tag := j.name
		if tag == "default" {
			tag = ""
		}
		d, n, err := parseJrnl(j.path, text, j.timeFormat, tag, cfg.TagSymbols)
		if err != nil {
			return Result{}, err
		}
		drafts, names = append(drafts, d...), append(names, n...)
	}
	return finish(path, Jrnl, drafts, names, opts)
}

// journals lists the config's journals by name. A journal is a path, or a
// map with the path under "journal" and its own settings.
func (cfg jrnlConfig) journals(path string) ([]jrnlJournal, error) {
	var out []jrnlJournal
	for name, node := range cfg.Journals {
		j := jrnlJournal{name: name, timeFormat: cfg.TimeFormat}
		switch node.Kind {
		case yaml.ScalarNode:
			j.path = node.Value
		case yaml.MappingNode:
			var m struct {
				Journal    string `yaml:"journal"`
				Encrypt    bool   `yaml:"encrypt"`
				TimeFormat string `yaml:"timeformat"`
			}
			if err := node.Decode(&m); err != nil {
				return nil, fmt.Errorf("%s: journal %q (line %d) is not a path or a journal's settings", path, name, node.Line)
			}
			j.path, j.encrypt = m.Journal, m.Encrypt
			if m.TimeFormat != "" {
				j.timeFormat = m.TimeFormat
			}
		}
		if j.path == "" {
			return nil, fmt.Errorf("%s: journal %q (line %d) names no file", path, name, node.Line)
		}
		j.path = expandHome(j.path)
		if !filepath.IsAbs(j.path) {
			j.path = filepath.Join(filepath.Dir(path), j.path)
		}
		out = append(out, j)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: this jrnl config names no journals", path)
	}
	slices.SortFunc(out, func(a, b jrnlJournal) int { return strings.Compare(a.name, b.name) })
	return out, nil
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}

// jrnlEntryStart finds an entry's first line: "[date] text".
var jrnlEntryStart = lazyRegexp(`^\[([^\]\n]+)\] ?`)

// cutDate is a last line that ends partway through an entry's date, "[2024-03-0",
// its bracket never closed: the end of a journal that was cut short.
var cutDate = lazyRegexp(`^\[\d{4}-[\d:T -]*$`)

// jrnlOldStart is an entry's first line in jrnl 1's journals, which had no
// brackets: "2013-06-09 15:39 text".
var jrnlOldStart = lazyRegexp(`^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) `)

// parseJrnl reads a journal file as jrnl writes it: each entry starts on a
// line "[date] Title. Body", runs to the next such line, and is starred when
// its first line ends with " *". tag, when not empty, is added to every
// entry.
func parseJrnl(file string, data []byte, timeFormat, tag, tagSymbols string) ([]draft, []string, error) {
	if line, ok := invalidUTF8Line(data); !ok {
		return nil, nil, fmt.Errorf("%s: line %d is not valid UTF-8; save the journal as UTF-8 and import it again", file, line)
	}
	layouts := jrnlLayouts
	if timeFormat != "" {
		layout, err := strftime.Layout(timeFormat)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: jrnl's timeformat %w", file, err)
		}
		layouts = append([]string{layout}, layouts...)
	}
	start := jrnlEntryStart()
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	if !hasEntryStart(text, start, layouts) {
		start = jrnlOldStart()
	}
	type raw struct {
		line int
		at   time.Time
		text string
	}
	var entries []raw
	var before strings.Builder
	lineNo := 0
	for line := range strings.Lines(text) {
		lineNo++
		if at, rest, ok := entryStart(line, start, layouts); ok {
			entries = append(entries, raw{line: lineNo, at: at, text: rest})
			continue
		}
		if len(entries) == 0 {
			before.WriteString(line)
			continue
		}
		entries[len(entries)-1].text += line
	}
	if len(entries) == 0 {
		return nil, nil, fmt.Errorf("%s is not a jrnl journal: no line starts with a date like [2024-03-29 09:00]", file)
	}
	if body := strings.TrimRight(text, "\n"); cutDate().MatchString(body[strings.LastIndexByte(body, '\n')+1:]) {
		return nil, nil, fmt.Errorf("%s: line %d stops partway through an entry's date, as if the file were cut short; import the whole journal",
			file, strings.Count(body, "\n")+1)
	}
	if s := strings.TrimSpace(before.String()); s != "" {
		return nil, nil, fmt.Errorf("%s: line 1 is not the start of a jrnl entry, which begins with a date like [2024-03-29 09:00]", file)
	}
	if tagSymbols == "" {
		tagSymbols = "@"
	}
	tagRE := regexp.MustCompile(`(?:^|\s)([` + regexp.QuoteMeta(tagSymbols) + `][-+*#/\p{L}\p{N}_]+)`)
	drafts := make([]draft, len(entries))
	names := make([]string, len(entries))
	for i, r := range entries {
		if err := checkSize(r.text); err != nil {
			first, _, _ := strings.Cut(r.text, "\n")
			title, _ := splitTitle(first)
			return nil, nil, &EntryError{file, fmt.Sprintf("line %d, ", r.line) + journal.EntryName(i+1, r.at.Format("2006-01-02 15:04"), title), err}
		}
		body := strings.TrimRight(r.text, " \n")
		first, rest, _ := strings.Cut(body, "\n")
		starred := false
		if t := strings.TrimRight(first, " "); strings.HasSuffix(t, "*") {
			starred = true
			first = strings.TrimRight(strings.TrimSuffix(t, "*"), " ")
			body = first
			if rest != "" {
				body += "\n" + rest
			}
		}
		title, _ := splitTitle(body)
		var tags []string
		if tag != "" {
			tags = append(tags, tag)
		}
		for _, m := range tagRE.FindAllStringSubmatch(body, -1) {
			tags = append(tags, strings.ToLower(strings.TrimLeft(m[1], tagSymbols)))
		}
		names[i] = fmt.Sprintf("line %d, ", r.line) + journal.EntryName(i+1, r.at.Format("2006-01-02 15:04"), title)
		drafts[i] = draft{
			uid:     stableUID(Jrnl, r.at.Format("2006-01-02 15:04"), title),
			at:      r.at,
			title:   strings.TrimRight(title, " "),
			text:    body,
			source:  "jrnl",
			tags:    tags,
			starred: starred,
		}
	}
	return drafts, names, nil
}

func hasEntryStart(text string, start *regexp.Regexp, layouts []string) bool {
	for line := range strings.Lines(text) {
		if _, _, ok := entryStart(line, start, layouts); ok {
			return true
		}
	}
	return false
}

// entryStart reads the date that starts an entry's first line, and the text
// after it. A bracket that holds no date is text, as in jrnl.
func entryStart(line string, start *regexp.Regexp, layouts []string) (time.Time, string, bool) {
	m := start.FindStringSubmatchIndex(line)
	if m == nil {
		return time.Time{}, "", false
	}
	stamp := line[m[2]:m[3]]
	for _, layout := range layouts {
		if at, err := time.ParseInLocation(layout, stamp, time.Local); err == nil {
			return at, line[m[1]:], true
		}
	}
	return time.Time{}, "", false
}

// splitTitle splits off the first sentence, as jrnl does: it ends at
// sentence punctuation (with an optional closing quote or bracket) followed
// by space, or at the end of the line.
func splitTitle(text string) (title, body string) {
	if m := sentenceEnd().FindStringIndex(text); m != nil {
		return strings.TrimSpace(text[:m[1]]), strings.TrimSpace(text[m[1]:])
	}
	return strings.TrimSpace(text), ""
}

var sentenceEnd = lazyRegexp(`[.!?\x{203C}\x{203D}\x{2047}-\x{2049}\x{3002}\x{FE52}\x{FE57}\x{FF01}\x{FF0E}\x{FF1F}\x{FF61}]['\x{2019}"\x{201D}]?[\])]*\s+|\n`)

// invalidUTF8Line is the number of the first line that is not UTF-8.
func invalidUTF8Line(data []byte) (int, bool) {
	if utf8.Valid(data) {
		return 0, true
	}
	for i, line := range bytes.Split(data, []byte("\n")) {
		if !utf8.Valid(line) {
			return i + 1, false
		}
	}
	return 0, true
}

// readFile reads a whole file, saying which one could not be read.
func readFile(path string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", path, unwrapPath(err))
	}
	return data, nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// yamlProblem is yaml's message without its "yaml: " prefix.
func yamlProblem(err error) string {
	return strings.TrimPrefix(err.Error(), "yaml: ")
}
