//go:build !linux

package atomicfile

import (
	"errors"
	"os"
)

// createTemp opens a hidden file beside the target for a write to go into.
func createTemp(dir, base string) (*os.File, bool, error) {
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	return f, false, err
}

func linkUnnamed(*os.File, string) error { return errors.ErrUnsupported }
