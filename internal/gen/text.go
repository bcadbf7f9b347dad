package gen

import (
	"strings"

	"github.com/failup/failup/internal/journal"
)

// scene is what one entry is about. Every sentence of the entry is written
// from it, so the title, answers and commitment agree with each other.
type scene struct {
	scenario *scenario
	thing    string   // the scenario's object: "statistics exam", "mobile app"
	person   string   // who else was there
	themes   []*theme // one or two; the first gives the lesson and the commitment
	skills   []journal.Skill
}

func (g *generator) scene(progress float64) scene {
	sc := &scenarios[g.rng.IntN(len(scenarios))]
	s := scene{scenario: sc, person: g.person(), skills: g.skills()}
	if len(sc.things) > 0 {
		s.thing = pick(g.rng, sc.things)
	}
	s.themes = []*theme{g.theme(progress)}
	if g.rng.Float64() < 0.35 {
		if second := g.theme(progress); second != s.themes[0] {
			s.themes = append(s.themes, second)
		}
	}
	return s
}

// person is one of the few people who keep turning up in a life half of the
// time, and anyone else the other half.
func (g *generator) person() string {
	if g.rng.IntN(2) == 0 {
		return pick(g.rng, people[:recurringPeople])
	}
	return pick(g.rng, people)
}

// theme picks a recurring theme by its weight at progress through the
// journal: rising themes grow more common towards the end, falling ones fade.
func (g *generator) theme(progress float64) *theme {
	weight := func(t *theme) float64 { return t.weight * (1 + t.trend*(2*progress-1)) }
	total := 0.0
	for i := range themes {
		total += weight(&themes[i])
	}
	r := g.rng.Float64() * total
	for i := range themes {
		if r -= weight(&themes[i]); r < 0 {
			return &themes[i]
		}
	}
	return &themes[len(themes)-1]
}

// answers writes the four answers, about 120 words together.
func (g *generator) answers(s scene) []journal.Answer {
	cause := append([]string{pick(g.rng, s.scenario.causes)}, sample(g.rng, causeSentences, 1+g.rng.IntN(2))...)
	var patterns, differently []string
	for _, t := range s.themes {
		patterns = append(patterns, pick(g.rng, t.patterns))
		differently = append(differently, pick(g.rng, t.differently))
	}
	patterns = append(patterns, sample(g.rng, patternSentences, max(0, 2+g.rng.IntN(2)-len(s.themes)))...)
	differently = append(differently, sample(g.rng, differentlySentences, 2-len(s.themes))...)
	return []journal.Answer{
		{Key: journal.KeyCause, Question: "What caused this setback?", Text: g.paragraph(s, cause...)},
		{Key: journal.KeyPatterns, Question: "What patterns contributed to this situation?", Text: g.paragraph(s, patterns...)},
		{Key: journal.KeyDifferently, Question: "What should I do differently next time?", Text: g.paragraph(s, differently...)},
		{Key: journal.KeyStrengths, Question: "What strengths can I build from this?", Text: g.paragraph(s, g.strengths(s)...)},
	}
}

// strengths are two or three sentences, about the skills the entry names
// where it names any.
func (g *generator) strengths(s scene) []string {
	var out []string
	for _, sk := range s.skills[:min(len(s.skills), 2)] {
		out = append(out, pick(g.rng, skillStrengths[sk]))
	}
	return append(out, sample(g.rng, strengthSentences, max(0, 2+g.rng.IntN(2)-len(out)))...)
}

// lesson is the first theme's lesson; some people leave it empty.
func (g *generator) lesson(s scene) string {
	if g.rng.Float64() < 0.15 {
		return ""
	}
	return g.fill(pick(g.rng, s.themes[0].lessons), s)
}

// paragraph fills each template and joins them into one paragraph, now and
// then as two, the way people write.
func (g *generator) paragraph(s scene, templates ...string) string {
	var b strings.Builder
	for i, t := range templates {
		if i > 0 {
			if g.rng.Float64() < 0.05 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		g.write(&b, t, s)
	}
	return b.String()
}

func (g *generator) fill(template string, s scene) string {
	var b strings.Builder
	g.write(&b, template, s)
	return b.String()
}

// write copies template to b, replacing each {slot} with a word for the scene.
func (g *generator) write(b *strings.Builder, template string, s scene) {
	for {
		open := strings.IndexByte(template, '{')
		if open < 0 {
			b.WriteString(template)
			return
		}
		end := open + strings.IndexByte(template[open:], '}')
		b.WriteString(template[:open])
		b.WriteString(g.slot(template[open+1:end], s))
		template = template[end+1:]
	}
}

func (g *generator) slot(name string, s scene) string {
	switch name {
	case "name":
		return s.person
	case "thing":
		return s.thing
	case "day":
		return pick(g.rng, weekdays)
	case "when":
		return pick(g.rng, earlier)
	case "feeling":
		return pick(g.rng, feelings)
	}
	panic("gen: template slot {" + name + "} is unknown")
}
