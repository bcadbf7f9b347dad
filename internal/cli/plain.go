package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/prompt"
	"github.com/failup/failup/internal/termtext"
)

// asker asks one thing at a time on plain lines: for screen readers, and for
// scripts piping answers in. It never draws anything but text.
type asker struct {
	in  *bufio.Reader
	out io.Writer
	eof bool
	// prompt shows "> " where a person types; piped answers need none.
	prompt bool
}

// line reads one line; at end of input it returns "" and sets eof.
func (q *asker) line() string {
	if q.eof {
		return ""
	}
	if q.prompt {
		fmt.Fprint(q.out, "> ")
	}
	s, err := q.in.ReadString('\n')
	if err != nil {
		q.eof = true
	}
	return strings.TrimRight(s, "\r\n")
}

// lines reads until an empty line or the end of input, telling each about
// the text so far after every line, so a draft can keep it.
func (q *asker) lines(each func(string)) string {
	var out []string
	for {
		l := q.line()
		if l == "" {
			return strings.Join(out, "\n")
		}
		out = append(out, l)
		each(strings.Join(out, "\n"))
	}
}

func (q *asker) say(format string, args ...any) { fmt.Fprintf(q.out, format+"\n", args...) }

// keep shows what was saved before and returns input, or the saved value when
// input is empty.
func (q *asker) keep(saved string, read func() string) string {
	if saved != "" {
		q.say("Saved so far: %s", termtext.Line(saved))
		q.say("(An empty line keeps it.)")
	}
	if v := read(); v != "" {
		return v
	}
	return saved
}

// askReflection walks through a reflection on plain lines, starting from prev
// (a resumed draft, or empty), calling progress after each answer.
func askReflection(in *bufio.Reader, w io.Writer, person bool, set prompt.Set, c *app.Core, prev journal.Entry, progress func(journal.Entry)) (journal.Entry, error) {
	r := &reflection{q: &asker{in: in, out: w, prompt: person}, c: c, set: set, prev: prev, e: prev, progress: progress}
	r.e.PromptSet = set.ID
	r.q.say("A reflection in %d short steps. Short answers end with Enter; the %d longer ones can take several lines, and an empty line ends them.",
		len(set.Questions)+3, len(set.Questions))
	for _, step := range []func() error{r.what, r.answers} {
		if err := step(); err != nil {
			return journal.Entry{}, err
		}
		if r.q.eof {
			return r.e, errEndedEarly
		}
	}
	for _, step := range []func() error{r.lesson, r.details, r.commitment} {
		if err := step(); err != nil {
			return journal.Entry{}, err
		}
	}
	return r.e, nil
}

// errEndedEarly is askReflection's answer when the input ended before the
// prompt set's questions were answered; the entry holds what was.
var errEndedEarly = errors.New("the input ended before the questions were answered")

// reflection is a reflection being asked for, step by step: e as answered
// so far, prev as it was before.
type reflection struct {
	q        *asker
	c        *app.Core
	set      prompt.Set
	prev, e  journal.Entry
	progress func(journal.Entry)
}

func (r *reflection) what() error {
	q := r.q
	q.say("")
	q.say("What happened? A few words to name the setback.")
	r.e.Title = q.keep(r.prev.Title, q.line)
	if strings.TrimSpace(r.e.Title) == "" {
		return errors.New("no title was given, so nothing was saved")
	}
	r.progress(r.e)
	q.say("When did it happen? YYYY-MM-DD, “yesterday”, “last friday”, “28 nov”, or an empty line for today.")
	var err error
	r.e.OccurredOn, err = askDate(q, r.prev.OccurredOn, r.c.Today(), r.c.ParseHappened)
	return err
}

func (r *reflection) answers() error {
	q, questions := r.q, r.set.Questions
	answers := make([]journal.Answer, len(questions))
	for i, question := range questions {
		q.say("")
		q.say("%d of %d. %s", i+1, len(questions), question.Text)
		if question.Hint != "" {
			q.say("%s", question.Hint)
		}
		answers[i] = journal.Answer{Key: question.Key, Question: question.Text}
		r.e.Answers = answers[:i+1]
		read := func() string {
			return q.lines(func(partial string) {
				answers[i].Text = partial
				r.progress(r.e)
			})
		}
		answers[i].Text = q.keep(r.prev.AnswerText(question.Key), read)
		r.progress(r.e)
	}
	return nil
}

func (r *reflection) lesson() error {
	r.q.say("")
	r.q.say("In one sentence, what is the lesson? (Optional.)")
	r.e.Lesson = r.q.keep(r.prev.Lesson, r.q.line)
	r.progress(r.e)
	return nil
}

// details asks for tags, skills, severity and confidence.
func (r *reflection) details() error {
	q, prev := r.q, r.prev
	q.say("")
	q.say("Tags, separated by commas. (Optional.)")
	r.e.Tags = journal.SplitTags(q.keep(strings.Join(prev.Tags, ", "), q.line))
	q.say("Which skills did this exercise? Numbers or names, separated by commas. (Optional.)")
	for i, s := range journal.Skills {
		q.say("  %d %s", i+1, s.Label())
	}
	var err error
	if r.e.Skills, err = askSkills(q, prev.Skills); err != nil {
		return err
	}
	if r.e.Severity, err = askNumber(q, "How big a setback was it, from 1 (small) to 5 (huge)? (Optional.)", 1, 5, prev.Severity); err != nil {
		return err
	}
	if r.e.Confidence, err = askNumber(q, "How confident do you feel right now, from 1 to 10? (Optional.)", 1, 10, prev.Confidence); err != nil {
		return err
	}
	r.progress(r.e)
	return nil
}

// commitment asks for something to try next time and when to ask about
// it; an edit keeps how a commitment went.
func (r *reflection) commitment() error {
	q, prev := r.q, r.prev.Followup
	q.say("")
	q.say("One thing you will try next time, as a commitment failup can ask you about. (Optional.)")
	f := &journal.Followup{}
	if prev != nil {
		*f = *prev
	}
	r.e.Followup = nil
	if f.Commitment = q.keep(f.Commitment, q.line); f.Commitment == "" {
		return nil
	}
	q.say("When should failup ask how it went? YYYY-MM-DD, “friday”, “in 7 days”, “next month”, or an empty line for two weeks from today.")
	var err error
	if f.DueOn, err = askDate(q, f.DueOn, r.c.Today().AddDays(14), r.c.ParseDue); err != nil {
		return err
	}
	r.e.Followup = f
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func askSkills(q *asker, prev []journal.Skill) ([]journal.Skill, error) {
	names := make([]string, len(prev))
	for i, s := range prev {
		names[i] = string(s)
	}
	for {
		var skills []journal.Skill
		var bad string
		for _, part := range splitList(q.keep(strings.Join(names, ", "), q.line)) {
			s, ok := parseSkill(part)
			if !ok {
				bad = part
				break
			}
			skills = append(skills, s)
		}
		if bad == "" {
			return dedupeSkills(skills), nil
		}
		if q.eof {
			return nil, fmt.Errorf("%q is not one of the five skills", bad)
		}
		q.say("%q is not one of the five skills; use their numbers, 1 to 5.", bad)
	}
}

func parseSkill(s string) (journal.Skill, bool) {
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(journal.Skills) {
		return journal.Skills[n-1], true
	}
	norm := journal.Skill(strings.ReplaceAll(strings.ToLower(s), " ", "-"))
	return norm, norm.Valid()
}

func dedupeSkills(skills []journal.Skill) []journal.Skill {
	var out []journal.Skill
	seen := map[journal.Skill]bool{}
	for _, s := range skills {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func askNumber(q *asker, question string, lo, hi int, prev *int) (*int, error) {
	q.say("%s", question)
	saved := ""
	if prev != nil {
		saved = strconv.Itoa(*prev)
	}
	msg := fmt.Sprintf("please give a whole number from %d to %d, or an empty line to skip", lo, hi)
	for wrong := false; ; wrong = true {
		v := q.keep(saved, q.line)
		n, err := strconv.Atoi(v)
		switch {
		case v == "" && wrong && q.eof:
			return nil, errors.New(msg)
		case v == "":
			return nil, nil
		case err == nil && n >= lo && n <= hi:
			return &n, nil
		case q.eof:
			return nil, errors.New(msg)
		}
		q.say("Please give a whole number from %d to %d, or an empty line to skip.", lo, hi)
	}
}

// askDate reads a date as a person types it ("yesterday", "in 3 days") with
// parse, which says what is wrong with one that cannot be used, returning
// empty when the answer is an empty line.
func askDate(q *asker, saved, empty journal.Date, parse func(string) (journal.Date, error)) (journal.Date, error) {
	for {
		v := q.keep(string(saved), q.line)
		switch {
		case v == "":
			return empty, nil
		case v == string(saved):
			return saved, nil // kept as it was, even a day that has since passed
		}
		d, err := parse(v)
		if err == nil {
			return d, nil
		}
		if q.eof {
			return "", err
		}
		q.say("%s", sentence(err.Error()))
	}
}

// offerDraft asks whether to continue an unfinished reflection. Declining an
// edit's draft replaces it as the new answers are saved; a new reflection's
// is kept for later (keptIfNot), since the new one has a draft of its own.
func offerDraft(in *bufio.Reader, w io.Writer, d journal.Draft, keptIfNot bool) bool {
	q := &asker{in: in, out: w, prompt: true}
	title := termtext.Line(d.Entry.Title)
	if title == "" {
		title = "untitled"
	}
	q.say("You have an unfinished reflection, “%s”, saved %s.", title, d.SavedAt.Local().Format("Mon 2 Jan at 15:04"))
	other := "start over"
	if keptIfNot {
		other = "start a new one and keep this one for later"
	}
	q.say("Continue it? Y to continue, N to %s.", other)
	for {
		switch strings.ToLower(strings.TrimSpace(q.line())) {
		case "y", "yes":
			return true
		case "n", "no":
			return false
		}
		if q.eof {
			return true // the draft stays as it was
		}
		q.say("Please answer y to continue it or n to %s.", other)
	}
}
