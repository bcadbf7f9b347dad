// Package snapshot keeps rolling copies of a journal: at most one a day,
// the newest few, each a whole journal (mode 0600) in a folder of its own
// (0700) under failup's data folder, so that a journal destroyed by a
// mistake or another tool loses at most the day's writes.
//
// A journal's snapshots are in ROOT/<journal id>-<path hash>/YYYY-MM-DD.G.db,
// where G is the journal's generation (store.Generation) when it was taken:
// the journal's identity keeps two journals at one path apart (one deleted
// and started again), and the hash of its path keeps copies of one journal
// at two paths apart; it also finds the snapshots of a journal too damaged
// to say its identity.
package snapshot

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/failup/failup/internal/store"
)

// Keep is how many snapshots of a journal are kept when the settings do not
// say.
const Keep = 7

// Snapshot is one kept copy of a journal.
type Snapshot struct {
	Path string    `json:"path"`
	Day  string    `json:"day"`      // YYYY-MM-DD, the day it was taken
	At   time.Time `json:"taken_at"` // when it was written
	Size int64     `json:"size"`
	// Generation is the journal's, from store.Generation, when it was taken.
	Generation int64 `json:"-"`
}

// Shelf is the folder of one journal's snapshots.
type Shelf struct{ Dir string }

// For is the shelf under root of the journal with identity id at path.
func For(root, id, path string) Shelf {
	return Shelf{filepath.Join(root, id+"-"+pathHash(path))}
}

func pathHash(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	sum := sha256.Sum256([]byte(path))
	return hex.EncodeToString(sum[:4])
}

var dayFile = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([0-9]{4}-[0-9]{2}-[0-9]{2})\.([0-9]+)\.db$`) })

// List is the shelf's snapshots, newest first; a shelf not made yet has none.
func (sh Shelf) List() ([]Snapshot, error) {
	files, err := os.ReadDir(sh.Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Snapshot
	for _, f := range files {
		m := dayFile().FindStringSubmatch(f.Name())
		info, err := f.Info()
		if m == nil || err != nil || !info.Mode().IsRegular() {
			continue
		}
		g, _ := strconv.ParseInt(m[2], 10, 64)
		out = append(out, Snapshot{Path: filepath.Join(sh.Dir, f.Name()), Day: m[1], At: info.ModTime(), Size: info.Size(), Generation: g})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Day > out[j].Day })
	return out, nil
}

// Due reports whether a snapshot should be taken on day (YYYY-MM-DD) of a
// journal at generation: there is none of that day yet, and the journal
// changed since the newest one was taken. It costs a folder read.
func (sh Shelf) Due(day string, generation int64) bool {
	list, err := sh.List()
	if err != nil {
		return false
	}
	return len(list) == 0 || list[0].Day < day && list[0].Generation != generation
}

// Take writes the snapshot of day of the journal at generation with backup,
// which writes a consistent copy of the journal to a path whole or not at
// all, then lets go of the oldest snapshots beyond keep.
func (sh Shelf) Take(ctx context.Context, day string, generation int64, keep int, backup func(ctx context.Context, path string) error) (Snapshot, error) {
	if err := os.MkdirAll(sh.Dir, 0o700); err != nil {
		return Snapshot{}, err
	}
	if err := store.TightenFolder(sh.Dir); err != nil {
		return Snapshot{}, err
	}
	path := filepath.Join(sh.Dir, fmt.Sprintf("%s.%d.db", day, generation))
	if err := backup(ctx, path); err != nil {
		return Snapshot{}, err
	}
	list, err := sh.List()
	if err != nil {
		return Snapshot{}, err
	}
	for _, old := range list[min(keep, len(list)):] {
		if old.Path != path {
			os.Remove(old.Path)
		}
	}
	for _, s := range list {
		if s.Path == path {
			return s, nil
		}
	}
	return Snapshot{}, fs.ErrNotExist
}

// OfPath lists the snapshots under root of every journal that was at path,
// newest first: a journal that cannot be opened, or was deleted, is known by
// its path alone.
func OfPath(root, path string) ([]Snapshot, error) {
	shelves, err := filepath.Glob(filepath.Join(root, "*-"+pathHash(path)))
	if err != nil {
		return nil, err
	}
	var out []Snapshot
	for _, dir := range shelves {
		list, err := Shelf{dir}.List()
		if err != nil {
			return nil, err
		}
		out = append(out, list...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].At.After(out[j].At) })
	return out, nil
}

// Day is how snapshots are named: the local calendar day of t.
func Day(t time.Time) string { return t.Format("2006-01-02") }
