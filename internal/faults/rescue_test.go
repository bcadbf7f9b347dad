package faults

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestRescueADamagedJournal cuts a journal short, and overwrites another
// in the middle: every command refuses it and points to the rescue, which
// copies every entry that can still be read into a new journal, says how
// many, and leaves the damaged file as it was.
func TestRescueADamagedJournal(t *testing.T) {
	doc := writeDocument(t, 600)
	cases := map[string]func(data []byte) []byte{
		"cut short": func(data []byte) []byte { return data[:len(data)/2] },
		"overwritten in the middle": func(data []byte) []byte {
			for i := len(data) / 3; i < len(data)/3+64<<10 && i < len(data); i++ {
				data[i] = 0x5a
			}
			return data
		},
	}
	for name, damage := range cases {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t)
			e.ok(nil, "import", doc)
			write(t, e.db, damage(readFile(t, e.db)))
			damaged := readFile(t, e.db)
			r := e.run(nil, "list")
			if r.code != 1 || !regexp.MustCompile(`doctor --rescue -o NEW\.db`).MatchString(r.stderr) {
				t.Errorf("list on a damaged journal: exit %d, %q; want it to point to the rescue", r.code, r.stderr)
			}
			rescued := filepath.Join(e.home, "rescued.db")
			out := e.ok(nil, "doctor", "--rescue", "-o", rescued)
			m := regexp.MustCompile(`^Rescued (\d+) entries into `).FindStringSubmatch(out)
			if m == nil {
				t.Fatalf("doctor --rescue says %q", out)
			}
			n, _ := strconv.Atoi(m[1])
			if n == 0 || n > 600 {
				t.Errorf("rescued %d of 600 entries", n)
			}
			t.Logf("%s: %s", name, out)
			unchanged(t, e.db, damaged)
			if files, _ := os.ReadDir(filepath.Join(e.home, ".failup-tmp")); len(files) > 0 {
				t.Errorf("the rescue left %d temporary files", len(files))
			}

			other := e.in(t)
			other.db = rescued
			if h := other.healthy(); h.Entries != n {
				t.Errorf("the rescued journal holds %d entries, the rescue said %d", h.Entries, n)
			}
			var list []json.RawMessage
			if err := json.Unmarshal([]byte(other.ok(nil, "list", "--json", "--limit", "1000")), &list); err != nil || len(list) != n {
				t.Errorf("the rescued journal lists %d entries (%v), want %d", len(list), err, n)
			}
			e.fails("already exists", nil, "doctor", "--rescue", "-o", rescued)
		})
	}
}
