package insight

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// mergeNicknames folds each name theme whose name is a short form of
// another's into that one: "Kev" into "Kevin", "Deb" into "Deborah",
// "Bill" into "William". The full name labels the merged theme.
func mergeNicknames(drafts []*draft) []*draft {
	var names []*draft
	for _, d := range drafts {
		if d.source == SourceName && !strings.Contains(d.label, " ") {
			names = append(names, d)
		}
	}
	into := map[*draft]*draft{}
	for _, short := range names {
		for _, full := range names {
			if full != short && isNickname(strings.ToLower(short.label), strings.ToLower(full.label)) {
				into[short] = full
				break
			}
		}
	}
	if len(into) == 0 {
		return drafts
	}
	out := drafts[:0]
	for _, d := range drafts {
		if _, gone := into[d]; gone {
			continue
		}
		for _, short := range names {
			if into[short] == d {
				*d = *joinDrafts(d, short)
			}
		}
		out = append(out, d)
	}
	return out
}

// isNickname reports whether short is a short form of the name long: its
// first three or more letters, or a common English pet name for it.
func isNickname(short, long string) bool {
	if len(short) >= 3 && len(long) > len(short) && strings.HasPrefix(long, short) {
		return true
	}
	return slices.Contains(petNames()[short], long)
}

// petNames are short forms that are not the start of the full name.
var petNames = sync.OnceValue(func() map[string][]string {
	return map[string][]string{
		"bob": {"robert"}, "bobby": {"robert"}, "rob": {"robert"}, "robbie": {"robert"},
		"bill": {"william"}, "billy": {"william"}, "will": {"william"}, "liam": {"william"},
		"liz": {"elizabeth"}, "lizzie": {"elizabeth"}, "beth": {"elizabeth", "bethany"}, "betty": {"elizabeth"},
		"peggy": {"margaret"}, "maggie": {"margaret"}, "meg": {"margaret", "megan"},
		"dick": {"richard"}, "rick": {"richard", "frederick"}, "ricky": {"richard"},
		"ted": {"edward"}, "ned": {"edward"}, "eddie": {"edward"}, "ed": {"edward", "edmund"},
		"tony": {"anthony", "antonio"}, "becky": {"rebecca"}, "becca": {"rebecca"},
		"kate": {"katherine", "catherine", "kathryn"}, "katie": {"katherine", "catherine", "kathryn"},
		"cathy": {"catherine"}, "kathy": {"katherine", "kathryn"},
		"jim": {"james"}, "jimmy": {"james"}, "jamie": {"james"}, "jack": {"john"}, "johnny": {"john", "jonathan"},
		"jon": {"jonathan"}, "jonny": {"jonathan"}, "chuck": {"charles"}, "charlie": {"charles", "charlotte"},
		"harry": {"henry", "harold"}, "hank": {"henry"}, "jenny": {"jennifer"}, "jen": {"jennifer"},
		"sally": {"sarah"}, "polly": {"mary"}, "molly": {"mary"}, "patty": {"patricia"}, "trish": {"patricia"},
		"mike": {"michael"}, "mick": {"michael"}, "mikey": {"michael"}, "dave": {"david"}, "davy": {"david"},
		"steve": {"stephen", "steven"}, "andy": {"andrew"}, "drew": {"andrew"}, "tom": {"thomas"},
		"tommy": {"thomas"}, "joe": {"joseph"}, "joey": {"joseph"}, "ben": {"benjamin"}, "benny": {"benjamin"},
		"sam": {"samuel", "samantha"}, "sammy": {"samuel", "samantha"}, "pat": {"patrick", "patricia"},
		"dan": {"daniel"}, "danny": {"daniel"}, "chris": {"christopher", "christine", "christina"},
		"greg": {"gregory"}, "larry": {"lawrence"}, "len": {"leonard"}, "lenny": {"leonard"},
		"al": {"alan", "albert", "alfred"}, "alf": {"alfred"}, "fred": {"frederick"}, "freddie": {"frederick"},
		"ollie": {"oliver"}, "izzy": {"isabel", "isabella"}, "abby": {"abigail"}, "debbie": {"deborah", "debra"},
		"deb": {"deborah", "debra"}, "vicky": {"victoria"}, "vic": {"victoria", "victor"}, "tash": {"natasha"},
		"nat": {"natalie", "natasha", "nathan"}, "jo": {"joanna", "joanne", "josephine"},
		"sue": {"susan", "suzanne"}, "susie": {"susan"}, "kev": {"kevin"}, "nick": {"nicholas", "nicola"},
		"matt": {"matthew"}, "alex": {"alexander", "alexandra"}, "sandy": {"alexander", "sandra"},
		"max": {"maxwell", "maximilian"}, "nico": {"nicolas", "nicholas"}, "gabe": {"gabriel"},
		"zach": {"zachary"}, "zack": {"zachary"}, "josh": {"joshua"}, "jake": {"jacob"}, "toby": {"tobias"},
		"mo": {"mohammed", "muhammad", "maureen"}, "pete": {"peter"}, "phil": {"philip", "phillip"},
		"ron": {"ronald"}, "ronnie": {"ronald"}, "don": {"donald"}, "gerry": {"gerald", "geraldine"},
		"terry": {"terence", "teresa"}, "tess": {"teresa"}, "mandy": {"amanda"}, "manny": {"manuel"},
	}
})

// joinDrafts is one theme made of two: the entries of both, each with the
// hits of both.
func joinDrafts(a, b *draft) *draft {
	out := &draft{key: a.key, label: a.label, source: a.source, patternID: a.patternID, lone: a.lone && b.lone}
	out.terms = append(slices.Clone(a.terms), b.terms...)
	out.hints = append(slices.Clone(a.hints), b.hints...)
	off := int32(len(a.terms))
	out.names = slices.Clone(a.names)
	for _, t := range b.names {
		out.names = append(out.names, t+off)
	}
	fromB := func(m member) {
		for _, h := range b.hitsOf(m) {
			h.term += off
			out.hits = append(out.hits, h)
		}
	}
	i, j := 0, 0
	for i < len(a.members) || j < len(b.members) {
		first := int32(len(out.hits))
		switch {
		case j == len(b.members) || i < len(a.members) && a.members[i].entry < b.members[j].entry:
			m := a.members[i]
			out.hits = append(out.hits, a.hitsOf(m)...)
			out.add(m.entry, m.weight, first)
			i++
		case i == len(a.members) || b.members[j].entry < a.members[i].entry:
			m := b.members[j]
			fromB(m)
			out.add(m.entry, m.weight, first)
			j++
		default:
			m := a.members[i]
			out.hits = append(out.hits, a.hitsOf(m)...)
			fromB(b.members[j])
			out.add(m.entry, max(m.weight, b.members[j].weight), first)
			i++
			j++
		}
	}
	return out
}

// dropOthersKin takes out of each name's theme the uses of its name that
// are someone else's: "her mum", "his dad", "Mrs Lewis's mum" written in
// lower case are not the person's Mum. An entry whose every use of the
// name is someone else's leaves the theme.
func dropOthersKin(c *corpus, drafts []*draft) {
	for _, d := range drafts {
		if d.source != SourceName {
			continue
		}
		d.members = slices.DeleteFunc(d.members, func(m member) bool {
			named := false
			for _, h := range d.hitsOf(m) {
				if d.isName(h.term) {
					if !someoneElses(c.fieldText(h.field), int(h.first)) {
						return false
					}
					named = true
				}
			}
			return named
		})
	}
}

// someoneElses says whether the word at text[at] is a common noun that
// belongs to someone else: written in lower case after one of
// othersPossessives or a possessive ("Sam's mum").
func someoneElses(text string, at int) bool {
	if r, _ := utf8.DecodeRuneInString(text[at:]); !unicode.IsLower(r) {
		return false
	}
	before := strings.TrimRightFunc(text[:at], unicode.IsSpace)
	start := strings.LastIndexFunc(before, func(r rune) bool { return !isWordRune(r) && r != '\'' && r != '’' })
	prev := strings.ToLower(before[start+1:])
	return othersPossessives[prev] || strings.HasSuffix(prev, "'s") || strings.HasSuffix(prev, "’s") || strings.HasSuffix(prev, "s'") || strings.HasSuffix(prev, "s’")
}
