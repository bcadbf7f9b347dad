package insight

import (
	"slices"
	"testing"

	"github.com/failup/failup/internal/journal"
)

func TestCountTagsAndSkills(t *testing.T) {
	entries := []journal.Entry{
		{Tags: []string{"Work", "home"}, Skills: []journal.Skill{"resilience"}},
		{Tags: []string{"work"}, Skills: []journal.Skill{"resilience", "judgement"}},
		{Tags: []string{"travel"}},
	}
	tags := countTags(entries)
	if want := []TagCount{{"Work", 2}, {"home", 1}, {"travel", 1}}; !slices.Equal(tags, want) {
		t.Errorf("tags = %v; want %v", tags, want)
	}
	skills := countSkills(entries)
	if want := []SkillCount{{"resilience", 2}, {"judgement", 1}}; !slices.Equal(skills, want) {
		t.Errorf("skills = %v; want %v", skills, want)
	}
}
