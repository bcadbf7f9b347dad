package insight

import (
	"strings"
	"sync"
)

// stemOverrides give the stems that the stemmer gets wrong for journals:
// weekday abbreviations, which it would merge with other words ("fri" with
// "fried"), and words whose stem means something else ("blanked" in an
// exam is not a blank page).
var stemOverrides = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"mon": "monday", "tue": "tuesday", "tues": "tuesday", "weds": "wednesday",
		"thu": "thursday", "thur": "thursday", "thurs": "thursday", "fri": "friday",
		"fried": "fried", "fries": "fried", "frying": "fried",
		"blanked": "blanked", "blanking": "blanked",
		"organization": "organiz", "organizations": "organiz", "organisation": "organiz", "organisations": "organiz",
		"university": "universiti", "universities": "universiti",
		"communication": "communication", "communications": "communication",
		"community": "community", "communities": "community",
		"mum": "mom", "mums": "mom", "mummy": "mom", "programme": "program", "programmes": "program",
		"cheque": "check", "cheques": "check", "defence": "defens", "offence": "offens",
		"licence": "licens", "practise": "practic", "practised": "practic", "practising": "practic",
		"tyre": "tire", "tyres": "tire", "grey": "gray", "sceptical": "skeptic",
	}
})

// americanSpelling writes a British spelling the American way, so that
// both stem alike: "prioritised" as "prioritized", "behaviour" as
// "behavior", "analyse" as "analyze", "centre" as "center".
func americanSpelling(w string) string {
	if len(w) < 6 {
		return w
	}
	for _, suf := range [...]struct{ from, to string }{
		{"isation", "ization"}, {"isations", "izations"}, {"ising", "izing"}, {"ised", "ized"},
		{"ises", "izes"}, {"ise", "ize"}, {"yse", "yze"}, {"ysed", "yzed"}, {"ysing", "yzing"},
		{"ours", "ors"}, {"our", "or"}, {"oured", "ored"}, {"ouring", "oring"},
		{"ourite", "orite"}, {"ourites", "orites"},
		{"tre", "ter"}, {"tres", "ters"},
		{"elled", "eled"}, {"elling", "eling"},
	} {
		stem, ok := strings.CutSuffix(w, suf.from)
		if !ok || britishKeeps()[w] {
			continue
		}
		return stem + suf.to
	}
	return w
}

// britishKeeps are words that end like a British spelling but are the
// same in American English.
var britishKeeps = sync.OnceValue(func() map[string]bool {
	return wordSet(`
advise advised advises advising arise arises arising chastise compromise compromised compromises
compromising concise demise despise despised devise devised disguise disguised enterprise
exercise exercised exercises exercising expertise franchise improvise improvised otherwise
paradise premise premises promise promised promises promising revise revised revising
supervise supervised supervising surmise surprise surprised surprises surprising televise
merchandise precise raise raised raises raising praise praised praising noise noises
poise bruise bruised bruises cruise cruised cruising incise excise excised
devour devours detour detours contour contours
compelled compelling excelled excelling expelled expelling propelled propelling rebelled
rebelling repelled repelling dispelled
`)
})
