package export

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/failup/failup/internal/journal"
)

// ReadEntry reads back an entry's Markdown as Entry writes it (without
// front matter): the title, each answered question, the lesson, details and
// follow-up. Answers come with their question and no key, which depends on
// the prompt set; the day, tags and uid are in the front matter, not here.
// Times of day are not written here, so a check-in comes back at noon,
// local time, of its day; the front matter PerEntry writes has them.
func ReadEntry(markdown string) (journal.Entry, error) {
	var e journal.Entry
	sections := splitSections(strings.Split(strings.ReplaceAll(markdown, "\r\n", "\n"), "\n"))
	if len(sections) == 0 || sections[0].level != 1 {
		return e, fmt.Errorf("it does not start with the entry's title as a # heading")
	}
	e.Title = unescapeInline(sections[0].heading)
	for _, s := range sections[1:] {
		if s.level != 2 {
			return e, fmt.Errorf("its heading %q is not one failup export writes", s.heading)
		}
		var err error
		switch s.heading {
		case "Lesson":
			e.Lesson = unblock(s.body)
		case "Details":
			err = readDetails(&e, s.body)
		case "Follow-up":
			e.Followup, err = readFollowup(s.body)
		default:
			e.Answers = append(e.Answers, journal.Answer{Question: unescapeInline(s.heading), Text: unblock(s.body)})
		}
		if err != nil {
			return e, fmt.Errorf("its %s: %w", s.heading, err)
		}
	}
	return e, nil
}

type section struct {
	level   int
	heading string
	body    []string
}

// splitSections cuts a document at its # and ## headings, passing over
// fences and HTML blocks, inside which a # line is text. Lines before the
// first heading make a section of level 0.
func splitSections(lines []string) []section {
	var out []section
	add := func(lines ...string) {
		if len(out) == 0 {
			out = append(out, section{})
		}
		out[len(out)-1].body = append(out[len(out)-1].body, lines...)
	}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if b, ok := opensBlock(line); ok {
			if end := closingLine(lines, i, b.closes); end >= 0 {
				add(lines[i : end+1]...)
				i = end
				continue
			}
		}
		if h, ok := strings.CutPrefix(line, "# "); ok {
			out = append(out, section{level: 1, heading: h})
		} else if h, ok := strings.CutPrefix(line, "## "); ok {
			out = append(out, section{level: 2, heading: h})
		} else {
			add(line)
		}
	}
	if len(out) > 0 && out[0].level == 0 && len(trimBlank(out[0].body)) == 0 {
		out = out[1:]
	}
	return out
}

// unblock undoes block: the blank lines around the text go, a hard break
// block added goes, and a line start that block escaped loses its
// backslash. A backslash the person wrote before such a line start is lost
// with it.
func unblock(lines []string) string {
	lines = trimBlank(lines)
	out := make([]string, len(lines))
	copy(out, lines)
	inside := make([]bool, len(out))
	for i := 0; i < len(out); i++ {
		if b, ok := opensBlock(out[i]); ok {
			if end := closingLine(out, i, b.closes); end >= 0 {
				for j := i; j <= end; j++ {
					inside[j] = true
				}
				i = end
				continue
			}
		}
	}
	for i := range out {
		if inside[i] {
			continue
		}
		if kept, ok := strings.CutSuffix(out[i], hardBreak); ok {
			// out[i+1] is still as block wrote it: only lines before it change.
			if probe := append([]string{kept}, out[i+1:min(i+2, len(out))]...); breaksBefore(probe, inside[i:], 0) {
				out[i] = kept
			}
		}
		rest := strings.TrimLeft(out[i], " ")
		after, ok := strings.CutPrefix(rest, `\`)
		if !ok {
			continue
		}
		unescaped := out[i][:len(out[i])-len(rest)] + after
		if _, opens := opensBlock(unescaped); opens || isHeadingLine(unescaped) {
			out[i] = unescaped
		}
	}
	return strings.Join(out, "\n")
}

func trimBlank(lines []string) []string {
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// unescapeInline undoes inline.
func unescapeInline(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(inlineSpecials, s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// items splits a bullet list as list writes it into its items, each
// without its "- " and with the indentation of its later lines removed.
func items(lines []string) []string {
	var out []string
	var cur []string
	flush := func() {
		if cur != nil {
			out = append(out, strings.Join(cur, "\n"))
		}
	}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if item, ok := strings.CutPrefix(line, "- "); ok {
			flush()
			cur = []string{item}
			continue
		}
		if cur != nil {
			cur = append(cur, strings.TrimPrefix(line, "  "))
		}
	}
	flush()
	return out
}

func readDetails(e *journal.Entry, body []string) error {
	for _, item := range items(trimBlank(body)) {
		switch {
		case strings.HasPrefix(item, "Skills: "):
			for _, label := range strings.Split(strings.TrimPrefix(item, "Skills: "), ", ") {
				e.Skills = append(e.Skills, journal.Skill(strings.ReplaceAll(unescapeInline(label), " ", "-")))
			}
		case strings.HasPrefix(item, "Severity: "):
			n, err := outOf(strings.TrimPrefix(item, "Severity: "), 5)
			if err != nil {
				return err
			}
			e.Severity = &n
		case strings.HasPrefix(item, "Confidence: "):
			n, err := outOf(strings.TrimPrefix(item, "Confidence: "), 10)
			if err != nil {
				return err
			}
			e.Confidence = &n
		default:
			return fmt.Errorf("%q is not a detail failup export writes", firstLine(item))
		}
	}
	return nil
}

// outOf reads "4 of 5".
func outOf(s string, of int) (int, error) {
	n, rest, _ := strings.Cut(s, " of ")
	v, err := strconv.Atoi(n)
	if err != nil || rest != strconv.Itoa(of) {
		return 0, fmt.Errorf("%q is not a number of %d", s, of)
	}
	return v, nil
}

func readFollowup(body []string) (*journal.Followup, error) {
	f := &journal.Followup{}
	for _, item := range items(trimBlank(body)) {
		first := firstLine(item)
		switch {
		case strings.HasPrefix(first, "Commitment:"):
			f.Commitment = listText(item, "Commitment:")
		case strings.HasPrefix(first, "How it went:"):
			outcome := listText(item, "How it went:")
			f.Outcome = &outcome
		case strings.HasPrefix(first, "Due "):
			d, err := humanDateBack(strings.TrimPrefix(first, "Due "))
			if err != nil {
				return nil, err
			}
			f.DueOn = d
		case strings.HasPrefix(first, "Set aside on "):
			d, err := humanDateBack(strings.TrimPrefix(first, "Set aside on "))
			if err != nil {
				return nil, err
			}
			t := noon(d)
			f.DroppedAt = &t
		case strings.HasPrefix(first, "Checked in"):
			if err := readCheckIn(f, strings.TrimPrefix(first, "Checked in")); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("%q is not a line failup export writes", first)
		}
	}
	return f, nil
}

// listText is the text after a list item's label, on its line or, for text
// of many lines, on the indented lines below.
func listText(item, label string) string {
	first, rest, many := strings.Cut(item, "\n")
	if !many {
		return unblock([]string{strings.TrimPrefix(strings.TrimPrefix(first, label), " ")})
	}
	return unblock(strings.Split(rest, "\n"))
}

// readCheckIn reads what checkIn writes after "Checked in": " 2 April 2026:
// tried again, confidence afterwards 7 of 10".
func readCheckIn(f *journal.Followup, s string) error {
	day, how, _ := strings.Cut(s, ": ")
	if day = strings.TrimSpace(day); day != "" {
		d, err := humanDateBack(day)
		if err != nil {
			return err
		}
		t := noon(d)
		f.CheckedInAt = &t
	}
	for part := range strings.SplitSeq(how, ", ") {
		switch {
		case part == "":
		case part == "tried again", part == "not tried again this time":
			tried := part == "tried again"
			f.TriedAgain = &tried
		case strings.HasPrefix(part, "confidence afterwards "):
			n, err := outOf(strings.TrimPrefix(part, "confidence afterwards "), 10)
			if err != nil {
				return err
			}
			f.ConfidenceAfter = &n
		default:
			return fmt.Errorf("%q is not how failup export writes a check-in", part)
		}
	}
	return nil
}

func humanDateBack(s string) (journal.Date, error) {
	t, err := time.Parse("2 January 2006", s)
	if err != nil {
		return "", fmt.Errorf("%q is not a day like 1 April 2026", s)
	}
	return journal.DateOf(t), nil
}

// noon is midday of d in the local time zone, which humanDay writes as d.
func noon(d journal.Date) time.Time {
	t := d.Time()
	return time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, time.Local)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
