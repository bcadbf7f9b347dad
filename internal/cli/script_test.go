package cli

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"failup": func() { os.Exit(Main()) }})
}

// TestScripts runs the binary end to end: testdata/script/*.txtar. Each script
// gets its own home, XDG folders and journal under $WORK.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			work := env.WorkDir
			env.Setenv("HOME", work)
			env.Setenv("XDG_DATA_HOME", filepath.Join(work, "data"))
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(work, "config"))
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	})
}
