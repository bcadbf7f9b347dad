package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/app/apptest"
	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/gen"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

var ctx = context.Background()

func ptr[T any](v T) *T { return &v }

// newCore opens a journal under a temporary folder, with the clock at
// apptest.Now.
func newCore(t *testing.T) (*app.Core, *store.Store) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "journal.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return app.New(s, app.Options{Now: func() time.Time { return apptest.Now }}), s
}

func TestDaysAsTheCoreReadsThem(t *testing.T) {
	c, _ := newCore(t)
	for _, dc := range apptest.Days {
		parse := c.ParseHappened
		if dc.Field == apptest.Due {
			parse = c.ParseDue
		}
		d, err := parse(dc.Typed)
		switch {
		case dc.Refused == "" && (err != nil || d != dc.Want):
			t.Errorf("%q = %q, %v; want %q", dc.Typed, d, err, dc.Want)
		case dc.Refused != "" && (err == nil || !strings.Contains(err.Error(), dc.Refused)):
			t.Errorf("%q = %q, %v; want refused as %q", dc.Typed, d, err, dc.Refused)
		}
	}
}

func reflection(title string, on journal.Date) journal.Entry {
	return journal.Entry{Title: title, OccurredOn: on, PromptSet: journal.DefaultPromptSet,
		Answers: []journal.Answer{{Key: journal.KeyCause, Text: "I said yes to too much and missed the deadline"}}}
}

func TestSaveReflectionAppliesTheDayRules(t *testing.T) {
	c, s := newCore(t)
	future := reflection("Not yet", apptest.Today.AddDays(1))
	var ie *app.InputError
	if err := c.SaveReflection(ctx, &future, journal.NewDraftKey); !errors.As(err, &ie) || ie.Field != "occurred_on" {
		t.Fatalf("a reflection on a day to come: %v", err)
	}
	late := reflection("Late", apptest.Today)
	late.Followup = &journal.Followup{Commitment: "Start earlier", DueOn: apptest.Today.AddDays(-1)}
	if err := c.SaveReflection(ctx, &late, journal.NewDraftKey); !errors.As(err, &ie) || ie.Field != "due_on" {
		t.Fatalf("a commitment due yesterday: %v", err)
	}
	if n, _ := s.Count(ctx, store.Filter{}); n != 0 {
		t.Fatalf("%d entries saved by refused reflections", n)
	}

	// An edit keeps a due day that has since passed.
	if err := s.Create(ctx, &late); err != nil {
		t.Fatal(err)
	}
	late.Title = "Late again"
	if err := c.SaveReflection(ctx, &late, journal.EditKey(late.ID)); err != nil {
		t.Fatalf("an edit keeping its past due day: %v", err)
	}
	got, err := c.Entry(ctx, late.ID)
	if err != nil || got.Title != "Late again" || got.Answers[0].Question == "" {
		t.Fatalf("edited entry %+v, %v", got, err)
	}
}

func TestEntryNotFound(t *testing.T) {
	c, _ := newCore(t)
	var nf *app.NotFoundError
	if _, err := c.Entry(ctx, 42); !errors.As(err, &nf) || nf.ID != 42 || !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Entry(42) = %v", err)
	}
	e := reflection("x", apptest.Today)
	if err := c.Replace(ctx, 42, &e); !errors.As(err, &nf) {
		t.Fatalf("Replace(42) = %v", err)
	}
	if err := c.Delete(ctx, 42); !errors.As(err, &nf) {
		t.Fatalf("Delete(42) = %v", err)
	}
}

func TestParseFilter(t *testing.T) {
	c, _ := newCore(t)
	f, err := c.ParseFilter(app.FilterInput{Since: "30 days ago", Until: "yesterday", Tags: []string{"work"}, Skill: "resilience"})
	if err != nil || f.Since != "2026-10-28" || f.Until != "2026-11-26" || f.Skill != "resilience" {
		t.Fatalf("ParseFilter = %+v, %v", f, err)
	}
	for _, bad := range []app.FilterInput{{Since: "soon"}, {Since: "2026-11-20", Until: "2026-11-01"}, {Skill: "luck"}, {Limit: -1}} {
		var ie *app.InputError
		if _, err := c.ParseFilter(bad); !errors.As(err, &ie) {
			t.Errorf("ParseFilter(%+v) = %v, want an InputError", bad, err)
		}
	}
}

func TestCheckIn(t *testing.T) {
	c, s := newCore(t)
	e := reflection("Quiet in standup", "2026-11-01")
	e.Followup = &journal.Followup{Commitment: "Speak first", DueOn: "2026-11-20"}
	if err := c.Create(ctx, &e); err != nil {
		t.Fatal(err)
	}
	var ie *app.InputError
	for _, bad := range []app.CheckInInput{
		{},
		{Drop: true, Tried: app.TriedYes},
		{Tried: app.TriedYes, Confidence: ptr(11)},
		{Tried: app.NotYet, Outcome: ptr("fine")},
		{Outcome: ptr("fine")},
		{Tried: app.TriedYes, Snooze: "2026-12-01"},
	} {
		if _, err := c.CheckIn(ctx, e.ID, bad); !errors.As(err, &ie) {
			t.Errorf("CheckIn(%+v) = %v, want an InputError", bad, err)
		}
	}
	if _, err := c.CheckIn(ctx, e.ID, app.CheckInInput{Snooze: "2026-11-26"}); !errors.Is(err, journal.ErrPassed) || !errors.As(err, new(*app.InputError)) {
		t.Errorf("a snooze to a past day: %v", err)
	}

	r, err := c.CheckIn(ctx, e.ID, app.CheckInInput{Tried: app.NotYet})
	if err != nil || r.Entry.Followup.DueOn != "2026-12-04" || !strings.Contains(r.Said, "2026-12-04") {
		t.Fatalf("not yet: %+v, %v", r, err)
	}
	if err := s.SaveDraft(ctx, journal.Draft{Key: journal.CheckInKey(e.ID), Entry: e}, apptest.Now); err != nil {
		t.Fatal(err)
	}
	r, err = c.CheckIn(ctx, e.ID, app.CheckInInput{Tried: app.TriedYes, Outcome: ptr(" It went fine. "), Confidence: ptr(7)})
	if err != nil || !*r.Entry.Followup.TriedAgain || *r.Entry.Followup.Outcome != "It went fine." || *r.Entry.Followup.ConfidenceAfter != 7 {
		t.Fatalf("yes: %+v, %v", r.Entry.Followup, err)
	}
	if _, ok, _ := s.Draft(ctx, journal.CheckInKey(e.ID)); ok {
		t.Error("the check-in's draft outlived it")
	}
	// Checking in again with the same answer keeps what was said.
	r, err = c.CheckIn(ctx, e.ID, app.CheckInInput{Tried: app.TriedYes, Confidence: ptr(8)})
	if err != nil || !*r.Entry.Followup.TriedAgain || *r.Entry.Followup.Outcome != "It went fine." || *r.Entry.Followup.ConfidenceAfter != 8 {
		t.Fatalf("yes, again: %+v, %v", r.Entry.Followup, err)
	}
	if !strings.HasPrefix(r.Said, "Updated the check-in of ") {
		t.Errorf("a second check-in said %q, not that it updated the first", r.Said)
	}
	// A changed answer lets go of what described the old one.
	r, err = c.CheckIn(ctx, e.ID, app.CheckInInput{Tried: app.TriedNo})
	if err != nil || *r.Entry.Followup.TriedAgain || r.Entry.Followup.Outcome != nil || r.Entry.Followup.ConfidenceAfter != nil {
		t.Fatalf("no, after yes: %+v, %v", r.Entry.Followup, err)
	}
	if _, err := c.CheckIn(ctx, e.ID, app.CheckInInput{Drop: true}); err == nil {
		t.Error("a commitment checked in on was set aside")
	}

	plain := reflection("No commitment", "2026-11-01")
	if err := c.Create(ctx, &plain); err != nil {
		t.Fatal(err)
	}
	if _, err := c.CheckIn(ctx, plain.ID, app.CheckInInput{Drop: true}); !errors.Is(err, app.ErrNoCommitment) {
		t.Errorf("a check-in without a commitment: %v", err)
	}
}

// TestPatternsAreKeptWithTheirEvidence reads the whole journal's patterns
// twice: the second time from what the first kept, which must be the same
// report, evidence and monthly counts included.
func TestPatternsAreKeptWithTheirEvidence(t *testing.T) {
	c, s := newCore(t)
	if _, _, err := s.Import(ctx, seq(gen.Entries(300, 7, apptest.Today))); err != nil {
		t.Fatal(err)
	}
	first, err := c.Patterns(ctx, app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Themes) == 0 || len(first.Themes[0].Evidence) == 0 || len(first.Months) == 0 {
		t.Fatalf("a report without themes or evidence: %+v", first)
	}
	entries, err := s.List(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	lex, err := c.Lexicon()
	if err != nil {
		t.Fatal(err)
	}
	computed := insight.Patterns(entries, lex, insight.Options{Today: apptest.Today})
	kept, err := c.Patterns(ctx, app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(kept, computed) {
		t.Fatal("the kept report differs from the one computed")
	}
	a, _ := json.Marshal(kept)
	b, _ := json.Marshal(computed)
	if !bytes.Equal(a, b) {
		t.Fatalf("as JSON, the kept report differs:\n%s\n%s", a, b)
	}

	empty, _ := newCore(t)
	for range 2 {
		r, err := empty.Patterns(ctx, app.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if j, _ := json.Marshal(r); !strings.Contains(string(j), `"themes":[]`) {
			t.Fatalf("an empty journal's report: %s", j)
		}
	}
}

// TestKeptPartsAgreeWithTheWholeReport: what the screens read of the kept
// patterns, a part at a time, is what the whole report says, and the lessons
// page written from the kept layout is the page written from every entry.
func TestKeptPartsAgreeWithTheWholeReport(t *testing.T) {
	c, s := newCore(t)
	if _, _, err := s.Import(ctx, seq(gen.Entries(300, 7, apptest.Today))); err != nil {
		t.Fatal(err)
	}
	whole, err := c.Patterns(ctx, app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	summary, err := c.PatternsSummary(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(summary.Themes) != len(whole.Themes) || len(summary.Themes) == 0 {
		t.Fatalf("the summary has %d themes, the report %d", len(summary.Themes), len(whole.Themes))
	}
	for i, th := range whole.Themes {
		ev, err := c.ThemeEvidence(ctx, summary.Themes[i])
		if err != nil || !reflect.DeepEqual(ev, th.Evidence) {
			t.Fatalf("theme %d's evidence differs from the report's: %v", i, err)
		}
		th.Entries, th.Evidence = []int64{}, nil
		if !reflect.DeepEqual(summary.Themes[i], th) {
			t.Fatalf("theme %d in the summary:\n%+v\nin the report:\n%+v", i, summary.Themes[i], th)
		}
	}

	lessonsPage := func() string {
		t.Helper()
		var b bytes.Buffer
		if _, err := c.WriteExport(ctx, &b, app.ExportRequest{Format: app.Markdown, LessonsOnly: true}); err != nil {
			t.Fatal(err)
		}
		entries, err := s.List(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		r, err := c.Patterns(ctx, app.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var groups []export.Group
		for _, lg := range insight.LessonsByTheme(insight.Lessons(entries), r) {
			g := export.Group{Label: lg.Title}
			for _, l := range lg.Lessons {
				e, err := s.Get(ctx, l.ID)
				if err != nil {
					t.Fatal(err)
				}
				g.Entries = append(g.Entries, e)
			}
			groups = append(groups, g)
		}
		if len(groups) == 1 && groups[0].Label == insight.OtherLessons {
			groups[0].Label = ""
		}
		if err := export.Lessons(&want, groups, export.Options{Now: apptest.Now}); err != nil {
			t.Fatal(err)
		}
		if b.String() != want.String() {
			t.Fatalf("the lessons page from the kept layout:\n%s\nfrom every entry:\n%s", b.String(), want.String())
		}
		return b.String()
	}
	lessonsPage()
	e, err := s.Get(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	e.Lesson = "A lesson written since the patterns were kept."
	if err := s.Update(ctx, &e, apptest.Now); err != nil {
		t.Fatal(err)
	}
	if page := lessonsPage(); !strings.Contains(page, e.Lesson) {
		t.Fatal("the lessons page kept the layout from before an entry changed")
	}
}

func seq(entries []journal.Entry) func(func(journal.Entry, error) bool) {
	return func(yield func(journal.Entry, error) bool) {
		for _, e := range entries {
			if !yield(e, nil) {
				return
			}
		}
	}
}

func at(d journal.Date) *time.Time {
	t := d.Time().Add(10 * time.Hour)
	return &t
}

func TestStats(t *testing.T) {
	c, s := newCore(t)
	c = app.New(s, app.Options{Now: func() time.Time { return time.Date(2026, 3, 20, 12, 0, 0, 0, time.UTC) }})
	entries := []journal.Entry{
		{UID: "a", OccurredOn: "2026-01-05", Confidence: ptr(3), Skills: []journal.Skill{"resilience"},
			Followup: &journal.Followup{Commitment: "x", DueOn: "2026-01-19", CheckedInAt: at("2026-01-15"), TriedAgain: ptr(true), ConfidenceAfter: ptr(6)}},
		{UID: "b", OccurredOn: "2026-01-20", Confidence: ptr(5), Skills: []journal.Skill{"resilience", "judgement"}, FollowsUID: "a",
			Followup: &journal.Followup{Commitment: "x", DueOn: "2026-02-01", CheckedInAt: at("2026-02-09"), TriedAgain: ptr(true), ConfidenceAfter: ptr(8)}},
		{UID: "c", OccurredOn: "2026-02-10",
			Followup: &journal.Followup{Commitment: "x", DueOn: "2026-02-24", CheckedInAt: at("2026-02-24"), TriedAgain: ptr(false)}},
		{UID: "d", OccurredOn: "2026-03-01", Followup: &journal.Followup{Commitment: "x", DueOn: "2026-03-10"}},
		{UID: "e", OccurredOn: "2026-03-02", Followup: &journal.Followup{Commitment: "x", DueOn: "2026-03-30"}},
		{UID: "f", OccurredOn: "2026-03-03", Followup: &journal.Followup{Commitment: "x", DueOn: "2026-03-09", DroppedAt: at("2026-03-12")}},
		{UID: "g", OccurredOn: "2026-03-04"},
	}
	for i := range entries {
		entries[i].Title = "Setback " + entries[i].UID
		if err := c.Create(ctx, &entries[i]); err != nil {
			t.Fatal(err)
		}
	}
	st, err := c.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ft := st.FollowThrough
	if st.Entries != 7 || ft.Commitments != 6 || ft.Asked != 5 || ft.TriedAgain != 2 || ft.Waiting != 1 || ft.Upcoming != 1 || ft.Decided != 3 || *ft.Rate != 2.0/3 {
		t.Fatalf("stats %+v, follow-through %+v", st, ft)
	}
	// Tried again 10 and 20 days after the setbacks.
	if *st.MedianDaysToTryAgain != 15 || *st.Confidence.AverageChange != 3 || st.Chains != 1 || st.FirstOn != "2026-01-05" {
		t.Fatalf("stats %+v", st)
	}
	g, err := c.Growth(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Chains) != 1 || len(g.Chains[0]) != 2 || g.Chains[0][0].UID != "a" || !reflect.DeepEqual(g.Reflecting, []int{3, 5}) || !reflect.DeepEqual(g.CheckIn, []int{6, 8}) {
		t.Fatalf("growth %+v", g)
	}
}

func TestSimilarFindsEntriesThroughTheIndex(t *testing.T) {
	c, s := newCore(t)
	if _, _, err := s.Import(ctx, seq(gen.Entries(400, 3, apptest.Today))); err != nil {
		t.Fatal(err)
	}
	e, err := s.Get(ctx, 17)
	if err != nil {
		t.Fatal(err)
	}
	matches, err := c.Similar(ctx, e, 3)
	if err != nil || len(matches) == 0 {
		t.Fatalf("Similar = %v, %v", matches, err)
	}
	for _, m := range matches {
		if m.ID == e.ID || len(m.Words)+len(m.Patterns) == 0 {
			t.Errorf("match %+v", m)
		}
	}
}

// An export refuses a tag no entry has, and writes no file for filters that
// choose nothing; a lessons page counts its lessons.
func TestExportRefusesWhatChoosesNothing(t *testing.T) {
	c, _ := newCore(t)
	e := reflection("Missed the bus", "2026-11-20")
	e.Tags = []string{"commute"}
	e.Lesson = "Leave ten minutes earlier."
	other := reflection("Burnt the bread", "2026-11-21")
	for _, x := range []*journal.Entry{&e, &other} {
		if err := c.Create(ctx, x); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "out.md")
	var ie *app.InputError
	if _, err := c.WriteExport(ctx, io.Discard, app.ExportRequest{Format: app.Markdown, Filter: app.Filter{Tags: []string{"comute"}}}); !errors.As(err, &ie) || ie.Field != "tag" {
		t.Errorf("a tag no entry has: %v; want an input error for --tag", err)
	}
	for _, f := range []app.Filter{{Tags: []string{"comute"}}, {Since: "2026-11-22"}} {
		if _, err := c.ExportFile(ctx, path, false, app.ExportRequest{Format: app.JSON, Filter: f}); err == nil {
			t.Errorf("%+v: exported", f)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatalf("%+v: a file was written", f)
		}
	}
	if _, err := c.ExportFile(ctx, path, false, app.ExportRequest{Format: app.JSON, Filter: app.Filter{Since: "2026-11-22"}}); !errors.Is(err, app.ErrNoEntries) {
		t.Errorf("filters that choose nothing: %v; want ErrNoEntries", err)
	}
	if n, err := c.LessonCount(ctx, app.Filter{}); err != nil || n != 1 {
		t.Errorf("lesson count %d, %v; want 1", n, err)
	}
}

func TestExportFileNeedsReplaceForAnExistingFile(t *testing.T) {
	c, _ := newCore(t)
	e := reflection("Missed the bus", "2026-11-20")
	if err := c.Create(ctx, &e); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "out.json")
	if err := os.WriteFile(path, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	req := app.ExportRequest{Format: app.JSON}
	var exists *app.ExistsError
	if _, err := c.ExportFile(ctx, path, false, req); !errors.As(err, &exists) {
		t.Fatalf("export over a file without replace: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep me" {
		t.Fatal("a refused export changed the file")
	}
	n, err := c.ExportFile(ctx, path, true, req)
	if err != nil || n != 1 {
		t.Fatalf("export with replace: %d, %v", n, err)
	}
	doc, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(doc), `"format": "failup.v1"`) {
		t.Fatalf("export: %s, %v", doc, err)
	}

	// What was exported imports into another journal, once.
	other, _ := newCore(t)
	for want := 1; want >= 0; want-- {
		n, err := other.Import(ctx, bytes.NewReader(doc), "out.json")
		if err != nil || n.Added != want {
			t.Fatalf("import: added %d, %v; want %d", n.Added, err, want)
		}
	}

	// A cancelled export leaves the file as it was.
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := c.ExportFile(cancelled, path, true, app.ExportRequest{Format: app.Markdown}); !errors.Is(err, app.ErrCancelled) {
		t.Fatalf("cancelled export: %v", err)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, doc) {
		t.Fatal("a cancelled export changed the file")
	}
	if files, _ := os.ReadDir(filepath.Dir(path)); len(files) != 1 {
		t.Fatalf("files left beside the export: %v", files)
	}
}

func TestBackup(t *testing.T) {
	c, _ := newCore(t)
	e := reflection("Missed the bus", "2026-11-20")
	if err := c.Create(ctx, &e); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Backup(ctx, c.Path(), true, nil); err == nil || !strings.Contains(err.Error(), "the journal itself") {
		t.Fatalf("a backup over the journal: %v", err)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	if n, err := c.Backup(ctx, path, false, nil); err != nil || n != 1 {
		t.Fatalf("backup: %d, %v", n, err)
	}
	var exists *app.ExistsError
	if _, err := c.Backup(ctx, path, false, nil); !errors.As(err, &exists) {
		t.Fatalf("a second backup without replace: %v", err)
	}
}

// Not yet, said before the day a commitment is due, waits from that day:
// postponing never brings it earlier.
func TestNotYetNeverBringsTheDayEarlier(t *testing.T) {
	c, _ := newCore(t)
	e := reflection("Quiet in standup", "2026-11-01")
	e.Followup = &journal.Followup{Commitment: "Speak first", DueOn: "2026-12-20"}
	if err := c.Create(ctx, &e); err != nil {
		t.Fatal(err)
	}
	r, err := c.CheckIn(ctx, e.ID, app.CheckInInput{Tried: app.NotYet})
	if err != nil || r.Entry.Followup.DueOn != "2026-12-27" {
		t.Fatalf("not yet before the day: %+v, %v", r.Entry.Followup, err)
	}
}

// TestNotYetKeepsADraftWithWords: a check-in put off keeps the draft of
// one that says how it went, for when failup asks again, and lets go of
// one that says nothing; an answer lets go of either.
func TestNotYetKeepsADraftWithWords(t *testing.T) {
	c, s := newCore(t)
	e := reflection("Quiet in standup", "2026-11-01")
	e.Followup = &journal.Followup{Commitment: "Speak first", DueOn: "2026-11-20"}
	if err := c.Create(ctx, &e); err != nil {
		t.Fatal(err)
	}
	draft := func(outcome string) {
		t.Helper()
		d := journal.Draft{Key: journal.CheckInKey(e.ID), Entry: journal.Entry{Followup: &journal.Followup{Outcome: &outcome}}}
		if err := s.SaveDraft(ctx, d, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	kept := func() bool {
		_, ok, err := s.Draft(ctx, journal.CheckInKey(e.ID))
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	for _, c2 := range []struct {
		outcome string
		in      app.CheckInInput
		want    bool
	}{
		{"Still slammed this week.", app.CheckInInput{Tried: app.NotYet}, true},
		{"  ", app.CheckInInput{Tried: app.NotYet}, false},
		{"It went fine.", app.CheckInInput{Tried: app.TriedYes}, false},
	} {
		draft(c2.outcome)
		r, err := c.CheckIn(ctx, e.ID, c2.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := kept(); got != c2.want {
			t.Errorf("after %s with %q typed, the draft is kept: %v, want %v", c2.in.Tried, c2.outcome, got, c2.want)
		}
		if says := strings.Contains(r.Said, "What you wrote is kept for then."); says != c2.want {
			t.Errorf("after %s with %q typed, %q", c2.in.Tried, c2.outcome, r.Said)
		}
	}
}

// TestLessonDaysPlaceEveryLessonToShow: LessonDays names the entries whose
// lesson, or else first "do differently" answer, is more than white space,
// in the order List reads them, with their days; and after a change, as it
// is now.
func TestLessonDaysPlaceEveryLessonToShow(t *testing.T) {
	c, s := newCore(t)
	if _, _, err := s.Import(ctx, seq(gen.Entries(300, 7, apptest.Today))); err != nil {
		t.Fatal(err)
	}
	differently := func(texts ...string) []journal.Answer {
		var as []journal.Answer
		for _, text := range texts {
			as = append(as, journal.Answer{Key: journal.KeyDifferently, Question: "?", Text: text})
		}
		return as
	}
	// Written as they are, as an import or another version of failup may
	// have: saving a reflection trims its lesson.
	for i, e := range []journal.Entry{
		{Title: "lesson", Lesson: "Ask sooner."},
		{Title: "answer", Answers: differently("Ask sooner.")},
		{Title: "a blank lesson hides the answer", Lesson: " \t", Answers: differently("Ask sooner.")},
		{Title: "no-break spaces", Lesson: "\u00a0\u2003\n"},
		{Title: "no-break space first", Lesson: "\u00a0Ask sooner."},
		{Title: "nothing"},
	} {
		e.OccurredOn, e.UID, e.PromptSet = "2026-03-05", fmt.Sprintf("lesson-days-%d", i), journal.DefaultPromptSet
		e.CreatedAt = apptest.Now.Add(time.Duration(i) * time.Second)
		e.UpdatedAt = e.CreatedAt
		if err := s.Create(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	check := func() {
		t.Helper()
		entries, err := s.List(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var wantIDs []int64
		var wantDays []journal.Date
		for _, e := range entries {
			if strings.TrimSpace(e.LessonOrDifferently()) != "" {
				wantIDs, wantDays = append(wantIDs, e.ID), append(wantDays, e.OccurredOn)
			}
		}
		ids, days, err := c.LessonDays(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids, wantIDs) || !slices.Equal(days, wantDays) {
			t.Fatalf("LessonDays placed %d lessons, want %d:\n%v\n%v\nwant\n%v\n%v", len(ids), len(wantIDs), ids, days, wantIDs, wantDays)
		}
		if len(ids) < 5 || len(ids) == len(entries) {
			t.Fatalf("%d lessons in %d entries tell nothing", len(ids), len(entries))
		}
	}
	check()
	e, err := s.Get(ctx, 5)
	if err != nil {
		t.Fatal(err)
	}
	e.Lesson, e.Answers = "", nil
	if err := s.Update(ctx, &e, apptest.Now); err != nil {
		t.Fatal(err)
	}
	check()
}
