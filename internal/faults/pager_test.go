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
