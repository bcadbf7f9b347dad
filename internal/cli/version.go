package cli

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/spf13/cobra"
)

// versionFlag gives root --version (-v), as cobra does for a command with a
// Version once it runs (so the docs, made from the tree, leave it out too).
// failup prints the version itself because cobra prints it through a
// text/template, and the reflection templates use stops the linker from
// leaving out any exported method: that made failup 2.4 MB larger and every
// start slower.
func (a *env) versionFlag(root *cobra.Command) {
	root.Flags().BoolVarP(&a.version, "version", "v", false, "version for failup")
	// Marked as cobra marks its own, after which nothing is completed.
	_ = root.Flags().SetAnnotation("version", cobra.FlagSetByCobraAnnotation, []string{"true"})
}

// writeVersion prints what --version prints. Given with other arguments and
// flags, --version ignores them, as cobra's does.
func (a *env) writeVersion() error {
	_, err := fmt.Fprintf(a.out, "failup %s\n", buildVersion(debug.ReadBuildInfo()))
	return err
}

// releaseTag is a module version made from a release tag, not a
// pseudo-version Go makes for an untagged commit.
var releaseTag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^v\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$`) })

var pseudoVersion = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d{14}-[0-9a-f]{12}`) })

// buildVersion is what --version prints after "failup": the release it was
// built from (the module version when built from a tag, else Version), and
// the commit and its time when the build recorded them:
// "0.1.0 (revision 1a2b3c4d5e6f, 2026-12-01T03:00:00Z, modified)".
func buildVersion(info *debug.BuildInfo, ok bool) string {
	v := Version
	if !ok {
		return v
	}
	if mv := info.Main.Version; releaseTag().MatchString(mv) && !pseudoVersion().MatchString(mv) {
		v = strings.TrimPrefix(mv, "v")
	}
	var revision, at string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if revision == "" {
		return v
	}
	parts := []string{"revision " + revision[:min(len(revision), 12)]}
	if at != "" {
		parts = append(parts, at)
	}
	if modified {
		parts = append(parts, "modified")
	}
	return v + " (" + strings.Join(parts, ", ") + ")"
}
