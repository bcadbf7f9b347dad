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
