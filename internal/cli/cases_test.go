package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/failup/failup/internal/app/apptest"
	"github.com/failup/failup/internal/journal"
)

// cliAt runs failup in this process on the journal db, with the clock at
// apptest.Now and stdin given.
func cliAt(db, stdin string, args ...string) (stdout, stderr string, code int) {
	var out, errOut strings.Builder
	a := &env{
		in: strings.NewReader(stdin), out: &out, errOut: &errOut,
		getenv: func(name string) string {
			if name == "FAILUP_DB" {
				return db
			}
			return ""
		},
		now: func() time.Time { return apptest.Now },
	}
	code = a.run(context.Background(), args)
	return out.String(), errOut.String(), code
}

// reflectionInput answers new's line-by-line questions (four-questions)
// with the day and the tags given, and no commitment.
func reflectionInput(day, tags string) string {
	return strings.Join([]string{"Missed the bus", day,
		"Left late", "", "Always late", "", "Leave earlier", "", "I keep going", "",
		"Leave ten minutes early", tags, "", "", "", ""}, "\n")
}

// TestDaysAsTheCommandLineReadsThem types every shared day into the field
// it belongs to: a setback's day into new's line-by-line flow, a due day
// into checkin --snooze.
func TestDaysAsTheCommandLineReadsThem(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal.db")
	commitment := `{"title": "Quiet in standup", "occurred_on": "2026-11-01", "followup": {"commitment": "Speak first", "due_on": "2026-11-20"}}`
	if _, stderr, code := cliAt(db, commitment, "new", "--from", "-"); code != 0 {
		t.Fatalf("new --from: %s", stderr)
	}
	for _, c := range apptest.Days {
		var stdout, stderr string
		var code int
		if c.Field == apptest.Happened {
			input := "Missed the bus\n" + c.Typed // a refused day ends the input
			if c.Refused == "" {
				input = reflectionInput(c.Typed, "")
			}
			stdout, stderr, code = cliAt(db, input, "new", "--json")
		} else {
			stdout, stderr, code = cliAt(db, "", "checkin", "1", "--tried-again", "not-yet", "--snooze", c.Typed, "--json")
		}
		if c.Refused != "" {
			if code == 0 || !strings.Contains(stderr, c.Refused) {
				t.Errorf("%q: exit %d, stderr %q; want it refused as %q", c.Typed, code, stderr, c.Refused)
			}
			continue
		}
		var e journal.Entry
		if err := json.Unmarshal([]byte(stdout), &e); err != nil || code != 0 {
			t.Errorf("%q: exit %d, %v: %s", c.Typed, code, err, stderr)
			continue
		}
		got := e.OccurredOn
		if c.Field == apptest.Due {
			got = e.Followup.DueOn
		}
		if got != c.Want {
			t.Errorf("%q was saved as %s, want %s", c.Typed, got, c.Want)
		}
	}
}

func TestTagsAsTheCommandLineReadsThem(t *testing.T) {
	db := filepath.Join(t.TempDir(), "journal.db")
	for _, c := range apptest.Tags {
		stdout, stderr, code := cliAt(db, reflectionInput("", c.Typed), "new", "--json")
		var e journal.Entry
		if err := json.Unmarshal([]byte(stdout), &e); err != nil || code != 0 {
			t.Fatalf("%q: exit %d, %v: %s", c.Typed, code, err, stderr)
		}
		want := c.Want
		if want == nil {
			want = []string{}
		}
		if !reflect.DeepEqual(e.Tags, want) {
			t.Errorf("tags %q were saved as %q, want %q", c.Typed, e.Tags, want)
		}
	}
}
