package main

import (
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestASheetShowsTheFirstEightThemesWithTheirCauses(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"../testdata/anneke.json"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	sheet := out.String()
	if n := strings.Count(sheet, "THEME "); n != shown {
		t.Errorf("%d themes; want %d:\n%s", n, shown, sheet)
	}
	// Each theme lists its entries by day, title and what caused it.
	line := regexp.MustCompile(`^(THEME [1-8]: ".+" \(\d+ entries\)|  - \[\d{4}-\d\d-\d\d\] .+ — .+|)$`)
	for l := range strings.Lines(sheet) {
		if !line.MatchString(strings.TrimSuffix(l, "\n")) {
			t.Errorf("line %q is neither a theme nor an entry's day, title and cause", l)
		}
	}
	data, err := os.ReadFile("../testdata/anneke.labels.json")
	if err != nil {
		t.Fatal(err)
	}
	var labels struct{ Themes map[string][]string }
	if err := json.Unmarshal(data, &labels); err != nil {
		t.Fatal(err)
	}
	for planted := range labels.Themes {
		if strings.Contains(sheet, planted) {
			t.Errorf("sheet shows the planted theme %q; the reader must not see them", planted)
		}
	}
}

func TestABadJournalIsOneSentence(t *testing.T) {
	for _, args := range [][]string{nil, {"no-such.json"}, {"main.go"}} {
		var out, errOut bytes.Buffer
		if code := run(args, &out, &errOut); code == 0 || strings.Count(strings.TrimSpace(errOut.String()), "\n") > 0 || out.Len() > 0 {
			t.Errorf("judgesheet %q: exit %d, stderr %q, stdout %q; want one line on stderr, nothing on stdout", args, code, errOut.String(), out.String())
		}
	}
}
