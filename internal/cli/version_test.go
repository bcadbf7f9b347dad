package cli

import (
	"context"
	"io"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

func TestBuildVersion(t *testing.T) {
	vcs := []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"},
		{Key: "vcs.time", Value: "2026-12-01T03:00:00Z"},
		{Key: "vcs.modified", Value: "false"},
	}
	dirty := append(append([]debug.BuildSetting{}, vcs[:3]...), debug.BuildSetting{Key: "vcs.modified", Value: "true"})
	for _, c := range []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"no build info", nil, false, Version},
		{"go run, no VCS", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, Version},
		{"a tagged release", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.2"}, Settings: vcs}, true,
			"1.4.2 (revision 1a2b3c4d5e6f, 2026-12-01T03:00:00Z)"},
		{"an untagged commit, changed", &debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201030000-1a2b3c4d5e6f+dirty"}, Settings: dirty}, true,
			Version + " (revision 1a2b3c4d5e6f, 2026-12-01T03:00:00Z, modified)"},
		{"a pre-release tag", &debug.BuildInfo{Main: debug.Module{Version: "v2.0.0-rc.1"}}, true, "2.0.0-rc.1"},
	} {
		if got := buildVersion(c.info, c.ok); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// writeCounter counts the writes made to it.
type writeCounter struct{ writes int }

func (w *writeCounter) Write(p []byte) (int, error) { w.writes++; return len(p), nil }

// Help goes out in one write, which a reader that stops early (failup --help
// | head) takes whole: a second write would meet its closed pipe, and
// SIGPIPE would end failup with 141.
func TestHelpIsOneWrite(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"list", "--help"}, {"help", "stats"}} {
		var out writeCounter
		a := &env{in: strings.NewReader(""), out: &out, errOut: io.Discard, getenv: func(string) string { return "" }, now: time.Now}
		if code := a.run(context.Background(), args); code != 0 || out.writes != 1 {
			t.Errorf("failup %v: exit %d, %d writes; want 0 and one write", args, code, out.writes)
		}
	}
}
