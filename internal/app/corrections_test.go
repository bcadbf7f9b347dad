package app_test

import (
	"bytes"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/failup/failup/internal/app"
	"github.com/failup/failup/internal/app/apptest"
	"github.com/failup/failup/internal/insight"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/store"
)

// setbacks are entries whose causes say text, one a day up to today.
func setbacks(t *testing.T, s *store.Store, texts ...string) []journal.Entry {
	t.Helper()
	var out []journal.Entry
	for i, text := range texts {
		e := reflection("setback", apptest.Today.AddDays(i-len(texts)))
		e.Answers[0].Text = text
		e.Answers[0].Question = "What caused this setback?"
		if err := e.Complete(apptest.Now, nil); err != nil {
			t.Fatal(err)
		}
		if err := s.Create(ctx, &e); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

var grantJournal = []string{
	"Wrote the grant report at midnight again.",
	"The grant report was late because I started it on the day.",
	"Grant report rushed, numbers wrong.",
	"Left the quarterly numbers for the funder until the last evening.",
	"Missed the bus and was late for the dentist.",
	"The oven timer failed and the bread burnt.",
	"Forgot my keys at the gym and waited an hour.",
	"The printer jammed on the morning of the exam.",
	"Spilt coffee on the laptop before the call.",
	"Booked the wrong date for the car service.",
}

func themeLabelled(t *testing.T, r insight.Report, label string) insight.Theme {
	t.Helper()
	i := slices.IndexFunc(r.Themes, func(th insight.Theme) bool { return th.Label == label })
	if i < 0 {
		t.Fatalf("no theme %q among %d", label, len(r.Themes))
	}
	return r.Themes[i]
}

func TestCorrectionsShapeTheKeptPatterns(t *testing.T) {
	c, s := newCore(t)
	entries := setbacks(t, s, grantJournal...)
	before, err := c.Patterns(ctx, app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	grant := themeLabelled(t, before, "grant report")
	if grant.Count != 3 {
		t.Fatalf("grant report in %d entries; want 3", grant.Count)
	}

	// Words the person adds find the entry that names the funder; the kept
	// report is made anew.
	if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectWords, Theme: grant.Key, Words: []string{"funder"}}); err != nil {
		t.Fatal(err)
	}
	r, err := c.Patterns(ctx, app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if got := themeLabelled(t, r, "grant report"); got.Count != 4 || !slices.Contains(got.Entries, entries[3].ID) {
		t.Errorf("after the word funder: %d entries %v; want the 3 and entry %d", got.Count, got.Entries, entries[3].ID)
	}

	if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectRename, Theme: "grant report", Label: "leaving the funder's report late"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectRemove, Theme: grant.Key, EntryID: entries[2].ID}); err != nil {
		t.Fatal(err)
	}
	r, _ = c.Patterns(ctx, app.Filter{})
	got := themeLabelled(t, r, "leaving the funder's report late")
	if got.Key != grant.Key || slices.Contains(got.Entries, entries[2].ID) {
		t.Errorf("renamed theme %+v; want key %s without entry %d", got, grant.Key, entries[2].ID)
	}

	// Putting the entry back undoes taking it out: one correction, not two.
	if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectAdd, Theme: grant.Key, EntryID: entries[2].ID}); err != nil {
		t.Fatal(err)
	}
	list, _ := c.Corrections(ctx)
	for _, k := range list {
		if k.Kind == journal.CorrectRemove {
			t.Errorf("the removal is still kept after the entry was put back: %+v", k)
		}
	}

	// A dismissed theme stays dismissed as entries that show it are written.
	if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectDismiss, Theme: grant.Key}); err != nil {
		t.Fatal(err)
	}
	later := setbacks(t, s, "The grant report again, started on the day.", "Grant report for the funder, late once more.")
	r, _ = c.Patterns(ctx, app.Filter{})
	if slices.ContainsFunc(r.Themes, func(th insight.Theme) bool { return th.Key == grant.Key }) {
		t.Error("the dismissed theme is back after new entries")
	}
	if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectDismiss, Theme: grant.Key, Undo: true}); err != nil {
		t.Fatal(err)
	}
	r, _ = c.Patterns(ctx, app.Filter{})
	if got := themeLabelled(t, r, "leaving the funder's report late"); !slices.Contains(got.Entries, later[1].ID) {
		t.Errorf("restored theme has entries %v; want the new one that names the funder, %d", got.Entries, later[1].ID)
	}
}

func TestCorrectRefusesWhatCannotBeDone(t *testing.T) {
	c, s := newCore(t)
	entries := setbacks(t, s, grantJournal...)
	r, _ := c.Patterns(ctx, app.Filter{})
	grant := themeLabelled(t, r, "grant report")
	outside := entries[5].ID
	for _, tc := range []struct {
		in        app.CorrectionInput
		input     bool // a mistake in what was typed, rather than something not there
		wantError string
	}{
		{app.CorrectionInput{Kind: journal.CorrectDismiss, Theme: "pattern:no-such"}, false, `no theme is called "pattern:no-such"`},
		{app.CorrectionInput{Kind: journal.CorrectMerge, Theme: grant.Key, From: "grant report"}, true, "a theme cannot be merged with itself; name two different themes"},
		{app.CorrectionInput{Kind: journal.CorrectRename, Theme: grant.Key, Label: "  "}, true, "the new name is empty; give the theme a few words of your own"},
		{app.CorrectionInput{Kind: journal.CorrectRemove, Theme: grant.Key, EntryID: outside}, false, "entry 6 is not in “grant report”"},
		{app.CorrectionInput{Kind: journal.CorrectAdd, Theme: grant.Key, EntryID: entries[0].ID}, false, "entry 1 is already in “grant report”"},
		{app.CorrectionInput{Kind: journal.CorrectAdd, Theme: grant.Key, EntryID: 99}, false, "there is no entry 99"},
		{app.CorrectionInput{Kind: journal.CorrectWords, Theme: grant.Key, Words: []string{"de*"}}, true, ""},
		{app.CorrectionInput{Kind: journal.CorrectWords, Theme: grant.Key, Words: []string{"grant"}, Undo: true}, false,
			"“grant” is not one of the words you gave “grant report”; failup patterns corrections lists those you gave"},
	} {
		_, err := c.Correct(ctx, tc.in)
		var ie *app.InputError
		switch {
		case err == nil:
			t.Errorf("%+v: no error", tc.in)
		case tc.wantError != "" && err.Error() != tc.wantError:
			t.Errorf("%+v: %q; want %q", tc.in, err, tc.wantError)
		case errors.As(err, &ie) != tc.input:
			t.Errorf("%+v: %T; want an input error: %v", tc.in, err, tc.input)
		}
	}
	if list, _ := c.Corrections(ctx); len(list) != 0 {
		t.Errorf("refused corrections were kept: %+v", list)
	}
}

// Taking back words takes back only words the person gave, whatever their
// case, and says which it took back: one not given and none is.
func TestTakeBackWords(t *testing.T) {
	c, s := newCore(t)
	setbacks(t, s, grantJournal...)
	r, _ := c.Patterns(ctx, app.Filter{})
	grant := themeLabelled(t, r, "grant report")
	if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectWords, Theme: grant.Key, Words: []string{"funder", "quarterly"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.TakeBackWords(ctx, grant.Key, []string{"funder", "report"}); err == nil {
		t.Error("took back a word of the theme's own")
	}
	taken, err := c.TakeBackWords(ctx, "grant report", []string{"Funder", " funder "})
	if err != nil {
		t.Fatal(err)
	}
	if len(taken) != 1 || taken[0].Word != "funder" {
		t.Errorf("took back %+v; want the one correction of funder", taken)
	}
	list, _ := c.Corrections(ctx)
	if len(list) != 1 || list[0].Word != "quarterly" {
		t.Errorf("corrections left %+v; want quarterly alone", list)
	}
}

// Dismissed names each dismissed theme as the person last named it, and
// PutBack keeps a restored dismissal again, hiding the theme once more,
// whether or not the theme is shown meanwhile.
func TestDismissedAndPutBack(t *testing.T) {
	c, s := newCore(t)
	setbacks(t, s, grantJournal...)
	if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectRename, Theme: "grant report", Label: "the funder's report"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectDismiss, Theme: "phrase:grant report"}); err != nil {
		t.Fatal(err)
	}
	dismissed, err := c.Dismissed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(dismissed) != 1 || dismissed[0].Key != "phrase:grant report" || dismissed[0].Name != "the funder's report" ||
		dismissed[0].Dismissal.Kind != journal.CorrectDismiss {
		t.Fatalf("dismissed: %+v; want the funder's report", dismissed)
	}
	if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectDismiss, Theme: "phrase:grant report", Undo: true}); err != nil {
		t.Fatal(err)
	}
	if again, _ := c.Dismissed(ctx); len(again) != 0 {
		t.Fatalf("restored, still dismissed: %+v", again)
	}
	if err := c.PutBack(ctx, []journal.Correction{dismissed[0].Dismissal}); err != nil {
		t.Fatal(err)
	}
	again, _ := c.Dismissed(ctx)
	if len(again) != 1 || again[0].Dismissal.UID != dismissed[0].Dismissal.UID || !again[0].Dismissal.CreatedAt.Equal(dismissed[0].Dismissal.CreatedAt) {
		t.Errorf("put back: %+v; want the dismissal as it was made", again)
	}
	r, _ := c.Patterns(ctx, app.Filter{})
	if slices.ContainsFunc(r.Themes, func(th insight.Theme) bool { return th.Key == "phrase:grant report" }) {
		t.Error("the dismissal put back does not hide the theme")
	}
}

func TestCorrectionsTravelInExportAndImport(t *testing.T) {
	c, s := newCore(t)
	setbacks(t, s, grantJournal...)
	if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectRename, Theme: "grant report", Label: "the funder's report"}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectWords, Theme: "phrase:grant report", Words: []string{"funder"}}); err != nil {
		t.Fatal(err)
	}
	var doc bytes.Buffer
	if _, err := c.WriteExport(ctx, &doc, app.ExportRequest{Format: app.JSON}); err != nil {
		t.Fatal(err)
	}
	want, _ := c.Corrections(ctx)

	other, _ := newCore(t)
	for _, added := range []int{2, 0} { // importing again adds nothing
		n, err := other.Import(ctx, bytes.NewReader(doc.Bytes()), "out.json")
		if err != nil {
			t.Fatal(err)
		}
		if n.CorrectionsAdded != added || n.CorrectionsSkipped != 2-added {
			t.Errorf("import: %+v; want %d corrections added", n, added)
		}
	}
	got, _ := other.Corrections(ctx)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("imported corrections %+v; want %+v", got, want)
	}
	r, _ := other.Patterns(ctx, app.Filter{})
	if th := themeLabelled(t, r, "the funder's report"); th.Count != 4 {
		t.Errorf("the imported theme has %d entries; want 4, the funder's entry found by the person's word", th.Count)
	}

	// One bad correction, and neither it nor any entry is imported.
	bad := strings.Replace(doc.String(), `"label": "the funder's report"`, `"label": " "`, 1)
	third, s3 := newCore(t)
	_, err := third.Import(ctx, strings.NewReader(bad), "bad.json")
	if err == nil || !strings.Contains(err.Error(), "bad.json: pattern correction 1 (") ||
		!strings.HasSuffix(err.Error(), "): label is empty; a renamed theme needs a name; nothing was imported") {
		t.Errorf("a bad correction: %v", err)
	}
	if n, _ := s3.Count(ctx, store.Filter{}); n != 0 {
		t.Errorf("%d entries imported with a bad correction", n)
	}
}

// enquiriesJournal has a phrase theme, "enquiries" (its key the stems,
// phrase:enquiri), a name theme, McKenzie, and a lexicon pattern.
var enquiriesJournal = []string{
	"I left the enquiries unanswered for a week and lost two bookings.",
	"Another enquiry sat unanswered in my inbox until the couple booked someone else.",
	"The enquiries piled up while I edited; I answered none of them.",
	"Answered enquiries on my phone at midnight and double-booked a Saturday.",
	"Missed the bus and was late for the dentist.",
	"The oven timer failed and the bread burnt.",
	"Forgot my keys at the gym and waited an hour.",
	"The printer jammed on the morning of the exam.",
	"Spilt coffee on the laptop before the call.",
	"Booked the wrong date for the car service.",
	"Sent the enquiries to the wrong address all month.",
	"The train was cancelled and I missed the match.",
	"Burnt the rice while on a call with my sister.",
	"The washing machine flooded the kitchen floor.",
	"Lost the receipt for the broken kettle.",
	"Left the umbrella on the bus in the rain.",
	"In the review McKenzie said the figures were wrong and I froze.",
	"Told McKenzie the deadline was fine when it was not.",
	"McKenzie asked for the plan and I had nothing ready.",
	"Dropped my phone in the canal by the lock.",
}

// A theme no longer among the patterns (dismissed, merged away) is named
// in the words the journal uses for it, never by its key's stems or in
// lower case: in what a correction says, among the dismissed themes, and
// to bring it back by.
func TestThemesGoneFromThePatternsAreNamedInTheJournalsWords(t *testing.T) {
	c, s := newCore(t)
	setbacks(t, s, enquiriesJournal...)
	r, err := c.Patterns(ctx, app.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	enquiries, boss := themeLabelled(t, r, "enquiries"), themeLabelled(t, r, "McKenzie")
	if enquiries.Key != "phrase:enquiri" || boss.Key != "name:mckenzie" {
		t.Fatalf("keys %q and %q; want phrase:enquiri and name:mckenzie", enquiries.Key, boss.Key)
	}
	for _, key := range []string{enquiries.Key, boss.Key} {
		if _, err := c.Correct(ctx, app.CorrectionInput{Kind: journal.CorrectDismiss, Theme: key}); err != nil {
			t.Fatal(err)
		}
	}
	dismissed, err := c.Dismissed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range dismissed {
		names = append(names, d.Name)
	}
	slices.Sort(names)
	if want := []string{"McKenzie", "enquiries"}; !slices.Equal(names, want) {
		t.Errorf("dismissed themes named %q; want %q", names, want)
	}
	if d, err := c.BringBack(ctx, "Enquiries"); err != nil || d.Key != enquiries.Key || d.Name != "enquiries" {
		t.Fatalf("bringing back “Enquiries”: %+v, %v; want the enquiries theme", d, err)
	}
	if _, err := c.BringBack(ctx, "mckenzie"); err != nil {
		t.Fatal(err)
	}

	admin := slices.IndexFunc(r.Themes, func(th insight.Theme) bool { return th.Key == "pattern:admin-avoidance" })
	if admin < 0 {
		t.Fatalf("no admin pattern among %q", themeLabels(r))
	}
	for _, in := range []app.CorrectionInput{
		{Kind: journal.CorrectMerge, Theme: r.Themes[admin].Key, From: enquiries.Key},
		{Kind: journal.CorrectRename, Theme: boss.Key, Label: "my manager"},
		{Kind: journal.CorrectDismiss, Theme: boss.Key},
	} {
		if _, err := c.Correct(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	list, _ := c.Corrections(ctx)
	said := c.DescribeAll(ctx, list)
	for _, want := range []string{
		"“enquiries” merged into “letting paperwork and admin pile up”",
		"“McKenzie” renamed “my manager”",
		"“my manager” dismissed: not a pattern for you",
	} {
		if !slices.Contains(said, want) {
			t.Errorf("corrections said %q; want %q among them", said, want)
		}
	}
	if got := c.Describe(ctx, list[0]); got != said[0] {
		t.Errorf("Describe: %q; DescribeAll: %q", got, said[0])
	}
	// A renamed theme comes back by failup's name for it as well as by
	// the person's, and is named as they named it.
	if d, err := c.BringBack(ctx, "McKenzie"); err != nil || d.Key != boss.Key || d.Name != "my manager" {
		t.Errorf("bringing back “McKenzie”: %+v, %v; want the theme renamed “my manager”", d, err)
	}
}

func themeLabels(r insight.Report) []string {
	var labels []string
	for _, th := range r.Themes {
		labels = append(labels, th.Label)
	}
	return labels
}

// BenchmarkThemeNames names themes as failup patterns corrections does,
// one of them a phrase the journal does not have: the whole journal read
// once.
func BenchmarkThemeNames(b *testing.B) {
	c := benchCore(b)
	keys := []string{"phrase:enquiri", "phrase:handl", "phrase:similar", "pattern:overcommitment", "name:marcus"}
	for b.Loop() {
		c.ThemeNames(ctx, keys)
	}
}
