package journal

import (
	"strings"
	"testing"
	"time"
)

func TestCorrectionValidate(t *testing.T) {
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	entry := "0b5c7a8e-1f2d-4c3b-9a6e-5d4c3b2a1f00"
	good := []Correction{
		NewCorrection(CorrectRename, "name:marcus", "my manager", now),
		NewCorrection(CorrectDismiss, "phrase:grant report", "", now),
		NewCorrection(CorrectMerge, "pattern:overcommitment", "name:marcus", now),
		NewCorrection(CorrectAdd, "name:marcus", entry, now),
		NewCorrection(CorrectWords, "name:marcus", "my boss", now),
	}
	for _, c := range good {
		if err := c.Validate(); err != nil {
			t.Errorf("%+v: %v", c, err)
		}
	}
	withLabel := NewCorrection(CorrectDismiss, "name:marcus", "", now)
	withLabel.Label = "x"
	for _, tc := range []struct {
		c    Correction
		want string
	}{
		{Correction{UID: "x", Kind: CorrectDismiss, Theme: "name:marcus"}, "uid is not a UUID"},
		{NewCorrection("forget", "name:marcus", "", now), `kind is "forget"`},
		{NewCorrection(CorrectDismiss, "marcus", "", now), `theme is "marcus", which is not a theme's key`},
		{NewCorrection(CorrectMerge, "name:marcus", "name:marcus", now), "cannot be merged into itself"},
		{NewCorrection(CorrectRename, "name:marcus", " ", now), "label is empty"},
		{NewCorrection(CorrectAdd, "name:marcus", "12", now), "entry is not an entry's uid"},
		{withLabel, "label does not go with a dismiss correction"},
		{Correction{UID: entry, Kind: CorrectDismiss, Theme: "name:marcus"}, "created_at and updated_at are both needed"},
	} {
		if err := tc.c.Validate(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: %v; want %q", tc.c, err, tc.want)
		}
	}
	if CorrectionUID(CorrectRename, "name:marcus", "a") != CorrectionUID(CorrectRename, "name:marcus", "b") {
		t.Error("two renames of one theme have two uids; a theme has one name")
	}
	if CorrectionUID(CorrectWords, "name:marcus", "a") == CorrectionUID(CorrectWords, "name:marcus", "b") {
		t.Error("two words for one theme share a uid")
	}
}

func TestDocumentCorrections(t *testing.T) {
	c := `{"uid": "64482c11-dde9-5f4a-a5d3-3c07b5bb0c60", "kind": "dismiss", "theme": "name:marcus",
		"created_at": "2026-11-27T09:00:00Z", "updated_at": "2026-11-27T09:00:00Z"}`
	doc, err := DecodeDocument(strings.NewReader(`{"pattern_corrections": [` + c + `], "format": "failup.v1", "entries": []}`))
	if err != nil || len(doc.PatternCorrections) != 1 || doc.PatternCorrections[0].Kind != CorrectDismiss {
		t.Fatalf("%+v, %v", doc, err)
	}
	_, err = DecodeDocument(strings.NewReader(`{"format": "failup.v1", "entries": [], "pattern_corrections": [` + c + `, ` + c + `]}`))
	if want := "pattern correction 2 (64482c11-dde9-5f4a-a5d3-3c07b5bb0c60): the same correction as pattern correction 1"; err == nil || err.Error() != want {
		t.Errorf("a repeated correction: %v; want %q", err, want)
	}
	_, err = DecodeDocument(strings.NewReader(`{"format": "failup.v1", "entries": [], "pattern_corrections": [{"kind": "dismiss", "theme": 3}]}`))
	if err == nil || !strings.Contains(err.Error(), "theme must be a string") {
		t.Errorf("a correction of the wrong shape: %v", err)
	}
}
