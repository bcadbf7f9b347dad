package insight

// LessonGroup is lessons under one heading.
type LessonGroup struct {
	// Title is a theme's label, OtherLessons, or a month as "March 2026".
	Title   string
	Lessons []Lesson
}

// OtherLessons heads the lessons that no theme covers.
const OtherLessons = "Other lessons"

// LessonsByTheme groups lessons under the report's themes, in the report's
// order, keeping the lessons' order within each. A lesson appears under
// every theme its entry shows, and under OtherLessons, last, when it shows
// none.
func LessonsByTheme(lessons []Lesson, r Report) []LessonGroup {
	var groups []LessonGroup
	grouped := map[int64]bool{}
	for _, th := range r.Themes {
		in := make(map[int64]bool, len(th.Entries))
		for _, id := range th.Entries {
			in[id] = true
		}
		g := LessonGroup{Title: th.Label}
		for _, l := range lessons {
			if in[l.ID] {
				g.Lessons = append(g.Lessons, l)
				grouped[l.ID] = true
			}
		}
		if len(g.Lessons) > 0 {
			groups = append(groups, g)
		}
	}
	other := LessonGroup{Title: OtherLessons}
	for _, l := range lessons {
		if !grouped[l.ID] {
			other.Lessons = append(other.Lessons, l)
		}
	}
	if len(other.Lessons) > 0 {
		groups = append(groups, other)
	}
	return groups
}
