//go:build !unix

package store

import (
	"os"
	"time"
)

// lockFile does nothing where there is no flock: a copy counts as being
// written while it was changed within the last hour.
func lockFile(*os.File) error { return nil }

// inUse reports whether a temporary copy was changed within the last hour.
func inUse(name string) bool {
	info, err := os.Stat(name)
	return err != nil || time.Since(info.ModTime()) < legacyAge
}
