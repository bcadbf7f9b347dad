package faults

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPagerOnlyInATerminal: long output goes through the pager when failup
// prints to a terminal, and never with --no-pager or into a pipe.
func TestPagerOnlyInATerminal(t *testing.T) {
	e := newEnv(t)
	e.ok([]byte(`{"format": "failup.v1", "entries": [{"uid": "a", "title": "Missed the launch", "occurred_on": "2026-03-14"}]}`), "import", "-")
	paged := filepath.Join(e.home, "paged")
	e.extra = append(e.extra, "FAILUP_PAGER=sh -c 'cat > "+paged+"; echo pager done'")
	term := newTerminal(t, e)

	term.start("list")
	var data []byte
	for deadline := time.Now().Add(patience); time.Now().Before(deadline) && !strings.Contains(string(data), "Missed the launch"); time.Sleep(50 * time.Millisecond) {
		data, _ = os.ReadFile(paged)
	}
	if !strings.Contains(string(data), "Missed the launch") {
		t.Fatalf("the pager did not get the list: %q\n%s", data, term.screen())
	}

	for _, args := range [][]string{{"list", "--no-pager"}, {"list", "|", "cat"}, {"list", "--json"}} {
		os.Remove(paged)
		term.start(args...)
		term.waitFor("Missed the launch")
		time.Sleep(100 * time.Millisecond)
		if _, err := os.Stat(paged); err == nil {
			t.Errorf("failup %s went through the pager", strings.Join(args, " "))
		}
	}
}

// TestPagerFollowsTheSettings: $FAILUP_PAGER, then pager in config.toml, then
// $PAGER, then less -FRX; each is used only when the ones before it are not
// set.
func TestPagerFollowsTheSettings(t *testing.T) {
	pager := func(e *env, name string) string {
		return "sh -c 'cat > " + filepath.Join(e.home, "by-"+name) + "'"
	}
	for _, c := range []struct {
		name               string
		failup, cfg, pager bool
		want               string
	}{
		{name: "less", want: "less"},
		{name: "PAGER", pager: true, want: "PAGER"},
		{name: "config", cfg: true, pager: true, want: "config"},
		{name: "FAILUP_PAGER", failup: true, cfg: true, pager: true, want: "FAILUP_PAGER"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t)
			e.ok([]byte(`{"title": "Missed the launch", "occurred_on": "2026-03-14"}`), "new", "--from", "-")
			// A less of the test's own, first on the PATH, says how it was run.
			bin := filepath.Join(e.home, "bin")
			writeFile(t, filepath.Join(bin, "less"), "#!/bin/sh\necho \"$@\" > "+filepath.Join(e.home, "by-less")+"\ncat\n")
			if err := os.Chmod(filepath.Join(bin, "less"), 0o700); err != nil {
				t.Fatal(err)
			}
			e.extra = append(e.extra, "PATH="+bin+":"+os.Getenv("PATH"))
			if c.failup {
				e.extra = append(e.extra, "FAILUP_PAGER="+pager(e, "FAILUP_PAGER"))
			}
			if c.pager {
				e.extra = append(e.extra, "PAGER="+pager(e, "PAGER"))
			}
			if c.cfg {
				writeFile(t, filepath.Join(e.home, "config", "failup", "config.toml"), `pager = "`+strings.ReplaceAll(pager(e, "config"), `'`, `\"`)+`"`+"\n")
			}
			term := newTerminal(t, e)
			term.start("list")
			var data []byte
			for deadline := time.Now().Add(patience); time.Now().Before(deadline) && len(data) == 0; time.Sleep(50 * time.Millisecond) {
				data, _ = os.ReadFile(filepath.Join(e.home, "by-"+c.want))
			}
			if c.want == "less" {
				if strings.TrimSpace(string(data)) != "-FRX" {
					t.Fatalf("less was run with %q, want -FRX\n%s", data, term.screen())
				}
				term.waitFor("Missed the launch")
			} else if !strings.Contains(string(data), "Missed the launch") {
				t.Fatalf("the %s pager did not get the list: %q\n%s", c.want, data, term.screen())
			}
			for _, other := range []string{"less", "FAILUP_PAGER", "config", "PAGER"} {
				if _, err := os.Stat(filepath.Join(e.home, "by-"+other)); other != c.want && err == nil {
					t.Errorf("the %s pager ran too", other)
				}
			}
		})
	}
}

// TestPagerGetsTheTerminalsWidth: output through the pager is fitted to the
// terminal the pager shows it on (this one is 100 wide, and COLUMNS is not
// set), as it is straight to the terminal; only a pipe gets whole lines.
func TestPagerGetsTheTerminalsWidth(t *testing.T) {
	e := newEnv(t)
	long := "Said yes to the masterclass silk press on Monique on the Tuesday without practising it on anyone at all first"
	lesson := "Practise a new technique three times on the mannequin before a client ever sees it, however sure I feel after the class."
	e.ok([]byte(`{"format": "failup.v1", "entries": [{"title": "`+long+`", "occurred_on": "2026-03-14",
		"answers": [{"key": "cause", "text": "I said yes to the masterclass method straight away."}], "lesson": "`+lesson+`"}]}`), "import", "-")
	paged := filepath.Join(e.home, "paged")
	// The pager's file appears whole, once it has all of the output.
	e.extra = append(e.extra, "FAILUP_PAGER=sh -c 'cat > "+paged+".part; mv "+paged+".part "+paged+"'")
	term := newTerminal(t, e)
	for _, args := range [][]string{{"search", "masterclass"}, {"lessons"}} {
		os.Remove(paged)
		term.start(args...)
		data, err := os.ReadFile(paged)
		for deadline := time.Now().Add(patience); err != nil && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			data, err = os.ReadFile(paged)
		}
		if err != nil {
			t.Fatalf("failup %s: the pager wrote nothing: %v\n%s", strings.Join(args, " "), err, term.screen())
		}
		if !strings.Contains(string(data), "Said yes to the masterclass") {
			t.Fatalf("failup %s: the pager got %q", strings.Join(args, " "), data)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if n := len([]rune(line)); n > 100 {
				t.Errorf("failup %s through the pager wrote a line of %d characters in a terminal 100 wide: %q", strings.Join(args, " "), n, line)
			}
		}
	}
}
