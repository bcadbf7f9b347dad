package insight

import (
	"cmp"
	"slices"
	"strings"

	"github.com/failup/failup/internal/journal"
)

// countTags counts entries per tag, ignoring case, most used first.
func countTags(entries []journal.Entry) []TagCount {
	counts := []TagCount{}
	for _, n := range countNames(entries, func(e *journal.Entry) []string { return e.Tags }) {
		counts = append(counts, TagCount{Tag: n.name, Count: n.count})
	}
	return counts
}

// countSkills counts entries per skill, most exercised first.
func countSkills(entries []journal.Entry) []SkillCount {
	counts := []SkillCount{}
	for _, n := range countNames(entries, func(e *journal.Entry) []journal.Skill { return e.Skills }) {
		counts = append(counts, SkillCount{Skill: n.name, Count: n.count})
	}
	return counts
}

type nameCount[S ~string] struct {
	name  S
	count int
}

// countNames counts the entries that carry each name, ignoring case and
// showing a name as it was first written; most carried first, then by name.
func countNames[S ~string](entries []journal.Entry, names func(*journal.Entry) []S) []nameCount[S] {
	at := map[string]int{}
	var counts []nameCount[S]
	for i := range entries {
		for _, name := range names(&entries[i]) {
			key := strings.ToLower(string(name))
			k, ok := at[key]
			if !ok {
				k = len(counts)
				at[key] = k
				counts = append(counts, nameCount[S]{name: name})
			}
			counts[k].count++
		}
	}
	slices.SortStableFunc(counts, func(a, b nameCount[S]) int {
		return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(a.name, b.name))
	})
	return counts
}
