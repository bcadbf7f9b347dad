// Package atomicfile writes files whole or not at all: a reader, or a
// process that dies mid-write, never sees part of the new content.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Write writes a file through a temporary file in the same
// directory that is synced and then renamed over path, so path holds either
// its old content or the complete new content, never part of it. On any
// error the temporary file is removed. A path naming a folder is refused, and
// so is one that Replaceable refuses.
func Write(path string, mode os.FileMode, write func(io.Writer) error) error {
	if strings.HasSuffix(path, string(os.PathSeparator)) {
		return fmt.Errorf("%s names a folder; give a file name to write to", path)
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("%s is a folder; give a file name to write to", path)
	}
	if err := Replaceable(path); err != nil {
		return err
	}
	failed := func(err error) error {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPathError(err))
	}
	// Beside path, never in the temporary folder, which may be another file
	// system (the rename would fail) and would keep a copy if this process died.
	dir, base := filepath.Dir(path), filepath.Base(path)
	tmp, unnamed, err := createTemp(dir, base)
	if err != nil {
		return failed(err)
	}
	var name string // the file's temporary name, once it has one
	if !unnamed {
		name = tmp.Name()
	}
	err = fill(tmp, mode, write)
	if err == nil && unnamed {
		name = filepath.Join(dir, "."+base+".tmp-"+strconv.FormatInt(time.Now().UnixNano(), 36))
		err = linkUnnamed(tmp, name)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(name, path)
	}
	if err != nil {
		if name != "" {
			os.Remove(name)
		}
		return failed(err)
	}
	syncDir(dir)
	return nil
}

// fill gives f its mode and content, and syncs it.
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
	return f.Sync()
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
