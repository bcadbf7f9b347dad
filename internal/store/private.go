package store

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// privateFolder holds the copies failup makes on the way to somewhere else:
// of the journal (a backup before it is renamed into place), or of an answer
// open in the person's editor. It sits beside the journal, 0700, so a copy
// is never readable by others nor left in a temporary folder; a copy a
// killed failup left there is removed the next time the journal is opened.
// The folder is there only while it holds a copy: the failup that empties it
// removes it (removeIfEmpty), and one that finds it gone before it could
// create its copy in it makes it again (makeTries).
const privateFolder = ".failup-tmp"

// makeTries is how many times a copy is tried in a private folder that
// another failup may remove, found empty, between its making and its use.
const makeTries = 3

// removeIfEmpty removes a private folder once no copy is left in it, so none
// lingers beside the journal; one that holds another failup's copy stays.
func removeIfEmpty(private string) { os.Remove(private) }

// createPrivate creates an empty file for a temporary copy in the private
// folder beside the journal, or, where that folder cannot be written (a
// read-only journal), in one inside fallback. The file is locked while it is
// open, which tells a copy being written from one whose writer died.
func (s *Store) createPrivate(fallback string) (*os.File, error) {
	f, err := createLocked(filepath.Join(filepath.Dir(s.path), privateFolder))
	if err == nil {
		return f, nil
	}
	// The journal's own folder is swept when it is opened; this one now.
	private := filepath.Join(fallback, privateFolder)
	sweepPrivate(private)
	if f, err = createLocked(private); err == nil {
		return f, nil
	}
	return nil, err
}

func createLocked(dir string) (f *os.File, err error) {
	for range makeTries {
		if f, err = createLockedOnce(dir); !errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	return f, err
}

func createLockedOnce(dir string) (*os.File, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if err := TightenFolder(dir); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "copy-*.db")
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

// PrivateFolder makes a folder of its own, 0700, in the private folder beside
// the journal, for a copy of journal text another program works on (an
// answer open in $EDITOR). The folder is locked until release, which removes
// it; if failup is killed first, the next failup to open the journal does.
func (s *Store) PrivateFolder() (dir string, release func(), err error) {
	parent := filepath.Join(filepath.Dir(s.path), privateFolder)
	for range makeTries {
		if err := os.MkdirAll(parent, 0o700); err != nil {
			return "", nil, err
		}
		if err := TightenFolder(parent); err != nil {
			return "", nil, err
		}
		if dir, err = os.MkdirTemp(parent, "edit-*"); !errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	if err != nil {
		return "", nil, err
	}
	lock, err := os.Open(dir)
	if err == nil {
		if err = lockFile(lock); err != nil {
			lock.Close()
		}
	}
	if err != nil {
		os.RemoveAll(dir)
		removeIfEmpty(parent)
		return "", nil, err
	}
	// Removed while still locked, so no sweep takes it for abandoned first.
	return dir, func() { os.RemoveAll(dir); lock.Close(); removeIfEmpty(parent) }, nil
}

// legacyAge is how long a temporary file of an older failup, which took no
// lock, must have been left untouched before it counts as abandoned.
const legacyAge = time.Hour

// SweepLeftovers removes the temporary copies of the journal that a failup
// stopped mid-way left beside it: unlocked files in the private folder, and
// hidden .NAME.tmp-* files and .failup-backup-* folders an hour old or more.
// It returns the names it removed.
func (s *Store) SweepLeftovers() []string {
	if s.readOnly {
		return nil
	}
	dir := filepath.Dir(s.path)
	removed := sweepPrivate(filepath.Join(dir, privateFolder))
	files, _ := os.ReadDir(dir)
	for _, file := range files {
		n := file.Name()
		if !strings.HasPrefix(n, ".") || !strings.Contains(n, ".tmp-") && !strings.HasPrefix(n, ".failup-backup-") {
			continue
		}
		name := filepath.Join(dir, n)
		if info, err := file.Info(); err == nil && time.Since(info.ModTime()) >= legacyAge && os.RemoveAll(name) == nil {
			removed = append(removed, name)
		}
	}
	return removed
}

// sweepPrivate removes the copies in the private folder whose writer died:
// those no failup holds locked, files and editors' folders alike, and then
// the folder if that leaves it empty. It returns the names it removed.
func sweepPrivate(private string) []string {
	var removed []string
	files, err := os.ReadDir(private)
	if err != nil {
		return nil
	}
	defer removeIfEmpty(private)
	for _, file := range files {
		name := filepath.Join(private, file.Name())
		if strings.HasSuffix(name, "-journal") || strings.HasSuffix(name, "-wal") || strings.HasSuffix(name, "-shm") {
			continue // goes with its copy
		}
		if inUse(name) {
			continue
		}
		if file.IsDir() { // an editor's copy of an answer
			if os.RemoveAll(name) == nil {
				removed = append(removed, name)
			}
			continue
		}
		if os.Remove(name) == nil {
			for _, side := range []string{"-journal", "-wal", "-shm"} {
				os.Remove(name + side) // SQLite's own, beside the copy
			}
			removed = append(removed, name)
		}
	}
	return removed
}
