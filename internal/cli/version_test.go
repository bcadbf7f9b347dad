package cli

import (
	"runtime/debug"
	"testing"
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
