package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// WriteFileAtomic writes a file through a temporary file in the same
// directory that is synced and then renamed over path, so path holds either
// its old content or the complete new content, never part of it. On any
// error the temporary file is removed. A path naming a folder is refused.
func WriteFileAtomic(path string, mode os.FileMode, write func(io.Writer) error) error {
	if strings.HasSuffix(path, string(os.PathSeparator)) {
		return fmt.Errorf("%s names a folder; give a file name to write to", path)
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("%s is a folder; give a file name to write to", path)
	}
	failed := func(err error) error {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	dir, base := filepath.Split(path)
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return failed(err)
	}
	if err := fill(tmp, mode, write); err != nil {
		tmp.Close() // fill may have closed it already; closing twice is harmless
		os.Remove(tmp.Name())
		return failed(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return failed(err)
	}
	syncDir(dir)
	return nil
}

// fill gives f its mode and content, and syncs and closes it.
func fill(f *os.File, mode os.FileMode, write func(io.Writer) error) error {
	if err := f.Chmod(mode); err != nil {
		return err
	}
	buf := bufio.NewWriter(f)
	if err := write(buf); err != nil {
		return err
	}
	if err := buf.Flush(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable. Some file systems cannot sync a
// directory; the file itself is complete by then, so that is not an error.
func syncDir(dir string) {
	if dir == "" {
		dir = "."
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// unwrapPathError drops the operation and the temporary file's name, which
// the caller's message replaces with the path the person asked for.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
