package atomicfile

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Replaceable says why path must never be written over, even when the
// person asked to replace it, or returns nil. Refused are: what is not a
// regular file (a device, a pipe, a socket), a file this process has open
// (the journal, its -wal and -shm, a backup or export being read), and the
// -wal, -shm or -journal file of a SQLite database, which SQLite would take
// as part of it.
func Replaceable(path string) error {
	if sidecarOfDatabase(path) {
		return fmt.Errorf("%s belongs to the SQLite database beside it; give another file name", path)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil // nothing there to lose; writing says what else is wrong
	}
	switch {
	case info.IsDir():
		return nil // Write says that itself
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file (it is a device, a pipe or a socket); failup writes only to files", path)
	case openHere(info):
		return fmt.Errorf("%s is the journal or a file failup is reading, which is never written over, even with --force; give another file name", path)
	}
	return nil
}

// openHere reports whether this process has the file open, as it has the
// journal it works on and any file it reads. Where /proc/self/fd cannot be
// read, nothing is known to be open.
func openHere(info fs.FileInfo) bool {
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return false
	}
	for _, fd := range fds {
		if open, err := os.Stat(filepath.Join("/proc/self/fd", fd.Name())); err == nil && os.SameFile(open, info) {
			return true
		}
	}
	return false
}

// sqliteHeader opens every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

func sidecarOfDatabase(path string) bool {
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if base, ok := strings.CutSuffix(path, suffix); ok && isDatabase(base) {
			return true
		}
	}
	return false
}

func isDatabase(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, sqliteHeader)
}
