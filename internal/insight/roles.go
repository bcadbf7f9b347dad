package insight

import (
	"slices"
	"strings"
	"sync"
)

// roleHit is "my manager" or the like, written in an entry.
type roleHit struct {
	role  int16
	entry int32
	hit
}

// roles are the people a journal names by their place in the person's
// life; "my" before one of them makes a role. Not "head": "my head" is
// nearly always the one on the person's shoulders.
var roles = []string{
	"manager", "boss", "supervisor", "lead", "director", "cofounder", "co-founder", "partner",
	"husband", "wife", "boyfriend", "girlfriend", "fiance", "fiancee", "sister", "brother", "mum",
	"mom", "mother", "dad", "father", "son", "daughter", "tutor", "advisor", "adviser", "editor",
	"client", "landlord", "landlady", "flatmate", "roommate", "housemate", "colleague", "coworker",
	"teammate", "mentor", "therapist", "doctor", "gp", "coach", "teacher", "agent", "publisher",
	"producer", "investor", "mentee", "report", "friend", "neighbour", "neighbor", "aunt", "uncle",
	"grandma", "grandmother", "grandad", "grandfather", "nan", "carer", "headteacher", "headmaster",
	"headmistress", "principal", "chef",
}

var roleNames = sync.OnceValue(func() map[string]int16 {
	m := make(map[string]int16, len(roles))
	for i, r := range roles {
		m[r] = int16(i)
	}
	return m
})

// Linking a role to a name.
const (
	// A role names the person it is written with in more than
	// roleWithName of the entries that mention it, and in two at least:
	// a name in half of them is as likely someone else in the story.
	roleWithName = 0.5
	minRoleLinks = 2
)

// linkRoles joins "my manager" to the name it keeps appearing with: the
// name's theme takes in the entries that say only "my manager", and its
// label says who the person is ("Deb (my sister)").
func linkRoles(c *corpus, drafts []*draft) {
	if len(c.roles) == 0 {
		return
	}
	total := make([]int, len(roles))
	byRole := make([][]roleHit, len(roles))
	lastEntry := make([]int32, len(roles))
	for i := range lastEntry {
		lastEntry[i] = -1
	}
	for _, r := range c.roles {
		if lastEntry[r.role] != r.entry {
			total[r.role]++
			lastEntry[r.role] = r.entry
		}
		byRole[r.role] = append(byRole[r.role], r)
	}
	taken := map[*draft]bool{}
	sexes := map[*draft]byte{}
	for role, hits := range byRole {
		if total[role] < minRoleLinks {
			continue
		}
		var best *draft
		bestWith := 0
		for _, d := range drafts {
			if d.source != SourceName || taken[d] {
				continue
			}
			with := entriesWith(d, hits)
			if with <= bestWith {
				continue
			}
			if want := roleSex[roles[role]]; want != 0 {
				sex, ok := sexes[d]
				if !ok {
					sex = sexOf(c, d)
					sexes[d] = sex
				}
				if sex != 0 && sex != want {
					continue
				}
			}
			best, bestWith = d, with
		}
		if best == nil || bestWith < minRoleLinks || float64(bestWith) <= roleWithName*float64(total[role]) {
			continue
		}
		taken[best] = true
		best.addRole(c, roles[role], hits)
	}
}

// entriesWith counts the entries of hits in which d's person is named: not
// those that joined d by a word that keeps them company (a daughter's theme
// holds her mother's entries, and "my mother" is not her).
func entriesWith(d *draft, hits []roleHit) int {
	in := make(map[int32]bool, len(d.members))
	for _, m := range d.members {
		if slices.ContainsFunc(d.hitsOf(m), func(h hit) bool { return d.isName(h.term) }) {
			in[m.entry] = true
		}
	}
	n, last := 0, int32(-1)
	for _, h := range hits {
		if h.entry != last && in[h.entry] {
			n++
		}
		last = h.entry
	}
	return n
}

// addRole names d's person by role, and takes in the entries that name
// them only by it, with "my <role>" as their evidence.
func (d *draft) addRole(c *corpus, role string, hits []roleHit) {
	d.label += " (my " + role + ")"
	term := int32(len(d.terms))
	d.terms = append(d.terms, "my "+role)
	in := make(map[int32]bool, len(d.members))
	for _, m := range d.members {
		in[m.entry] = true
	}
	for i := 0; i < len(hits); {
		entry := hits[i].entry
		j := i
		for j < len(hits) && hits[j].entry == entry {
			j++
		}
		if !in[entry] {
			first := int32(len(d.hits))
			var w float32
			for _, h := range hits[i:j] {
				if c.fields[h.field].support {
					continue
				}
				h.term = term
				d.hits = append(d.hits, h.hit)
				w = max(w, c.fields[h.field].weight)
			}
			if int32(len(d.hits)) > first {
				d.add(entry, min(w, 1), first)
			}
		}
		i = j
	}
}

// roleSex says which roles name a man and which a woman.
var roleSex = map[string]byte{
	"husband": 'm', "boyfriend": 'm', "fiance": 'm', "brother": 'm', "dad": 'm', "father": 'm',
	"son": 'm', "uncle": 'm', "grandad": 'm', "grandfather": 'm', "headmaster": 'm',
	"wife": 'f', "girlfriend": 'f', "fiancee": 'f', "sister": 'f', "mum": 'f', "mom": 'f',
	"mother": 'f', "daughter": 'f', "aunt": 'f', "grandma": 'f', "grandmother": 'f', "nan": 'f',
	"landlady": 'f', "headmistress": 'f',
}

// sexOf is 'm' when the sentences that name d's person mostly go on with
// "he", 'f' when with "she", and 0 when they do not say: a role of the
// other sex is not theirs ("Funmi" is not "my son" when Funmi is "she").
// Mostly is at least minPronouns of them and sexMajority times the other.
func sexOf(c *corpus, d *draft) byte {
	var he, she int
	for _, m := range d.members {
		for _, h := range d.hitsOf(m) {
			if !d.isName(h.term) {
				continue
			}
			switch pronounAfter(c.fieldText(h.field), int(h.last)) {
			case 'm':
				he++
			case 'f':
				she++
			}
		}
	}
	switch {
	case she >= minPronouns && she > sexMajority*he:
		return 'f'
	case he >= minPronouns && he > sexMajority*she:
		return 'm'
	}
	return 0
}

// How many of the sentences that name a person must say "he" or "she" of
// them, and how many times more often than the other, for that to count.
const (
	minPronouns = 2
	sexMajority = 2
)

// pronounAfter is 'm' or 'f' for the first he or she after the word at
// start in its sentence, 0 when there is none. "Him" and "her" are as
// often someone else ("Tom told her"), so they are not read.
func pronounAfter(text string, start int) byte {
	var sex byte
	end := wordEnd(text, start)
	rest := text[end:]
	if i := strings.IndexFunc(rest, endsSentence); i >= 0 {
		rest = rest[:i]
	}
	scanWords(rest, nil, func(lower []byte, _, _ int, _ uint8) {
		if sex != 0 {
			return
		}
		switch string(lower) {
		case "he", "himself":
			sex = 'm'
		case "she", "herself":
			sex = 'f'
		}
	})
	return sex
}
