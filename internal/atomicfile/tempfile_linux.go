package atomicfile

import (
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// createTemp opens the file a write goes into before it takes its name. On
// Linux it has no name at all (O_TMPFILE) until it is complete, so a process
// killed mid-write leaves nothing behind; where the file system cannot do
// that, it is a hidden file beside the target.
func createTemp(dir, base string) (f *os.File, unnamed bool, err error) {
	if f, err := os.OpenFile(dir, os.O_RDWR|unix.O_TMPFILE, 0o600); err == nil {
		return f, true, nil
	}
	f, err = os.CreateTemp(dir, "."+base+".tmp-*")
	return f, false, err
}

// linkUnnamed gives a complete unnamed file a name.
func linkUnnamed(f *os.File, name string) error {
	return unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(int(f.Fd())), unix.AT_FDCWD, name, unix.AT_SYMLINK_FOLLOW)
}
