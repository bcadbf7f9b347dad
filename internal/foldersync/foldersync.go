// Package foldersync syncs journals through a folder that something else
// moves between machines: Syncthing, Dropbox, iCloud Drive, a git
// repository. Each device writes only its own segments of the change log,
// into DIR/failup/<device>/, and reads everyone's; the journal merges them
// (see store.SyncMerge), so there is no server and no lock to share.
package foldersync

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"sync"
	"time"

	"filippo.io/age"

	"github.com/failup/failup/internal/agecrypt"
	"github.com/failup/failup/internal/changelog"
	"github.com/failup/failup/internal/store"
)

// Options are how one sync reads and writes the folder.
type Options struct {
	Now time.Time
	// Recipients, when set, are whom new segments are encrypted to.
	Recipients []age.Recipient
	// Identities decrypt encrypted segments.
	Identities []age.Identity
}

// Report is what a sync did.
type Report struct {
	store.Merged
	Device string `json:"device"`
	// Wrote lists the segments written, relative to the folder.
	Wrote []string `json:"wrote"`
	// Problems are the files of the folder that could not be read, with why;
	// everything else was merged.
	Problems []store.SyncFile `json:"problems"`
}

// Sizes that keep a sync's memory small whatever the journal's size: a
// merge takes the versions read about mergeBatch at a time, and a segment
// holds at most segmentVersions.
const (
	mergeBatch      = 5000
	segmentVersions = 5000
)

var (
	deviceName  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-f]{16}$`) })
	segmentName = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^([0-9]{8})\.log(\.age)?$`) })
)

// Sync merges every device's changes found in dir into the journal, and
// writes this device's new ones into dir. The journal is changed only in
// transactions that also record which files were read, so a sync stopped at
// any moment is completed by the next.
func Sync(ctx context.Context, s *store.Store, dir string, opt Options) (Report, error) {
	var rep Report
	switch info, err := os.Stat(dir); {
	case errors.Is(err, fs.ErrNotExist):
		return rep, fmt.Errorf("the folder %s does not exist; create it, or check that it is mounted", dir)
	case err != nil:
		return rep, fmt.Errorf("cannot read the folder %s: %w", dir, unwrapPath(err))
	case !info.IsDir():
		return rep, fmt.Errorf("%s is not a folder", dir)
	}
	dev, err := s.SyncDeviceID(ctx)
	if err != nil {
		return rep, err
	}
	rep.Device = dev
	own := filepath.Join(dir, "failup", dev)
	if err := writable(own); err != nil {
		return rep, fmt.Errorf("cannot write to the folder %s: %w; nothing was changed", dir, err)
	}
	known, err := s.SyncFiles(ctx)
	if err != nil {
		return rep, err
	}
	segs, err := list(dir)
	if err != nil {
		return rep, err
	}
	if err := checkOwn(ctx, s, dir, dev, segs, known, opt); err != nil {
		return rep, err
	}

	// One merge, one transaction, takes the whole folder, a batch at a
	// time, each read while the one before is merged.
	var problems []store.SyncFile
	batches := readAhead(func(yield func(store.MergeBatch) bool) {
		var b store.MergeBatch
		for _, seg := range segs {
			k, seen := known[seg.path]
			if seen && k.Complete {
				continue
			}
			f := store.SyncFile{Path: seg.path, Device: seg.device, Consumed: k.Consumed, Checked: opt.Now}
			read, err := readSegment(filepath.Join(dir, filepath.FromSlash(seg.path)), seg, k.Consumed, opt.Identities)
			b.Versions = append(b.Versions, read.Versions...)
			f.Consumed, f.Complete = read.Consumed, read.Complete
			if err != nil {
				f.Problem = err.Error()
				problems = append(problems, f)
			}
			if seen && k.Consumed == f.Consumed && k.Complete == f.Complete && k.Problem == f.Problem {
				continue // unchanged since the last look
			}
			b.Files = append(b.Files, f)
			if len(b.Versions) >= mergeBatch {
				if !yield(b) {
					return
				}
				b = store.MergeBatch{}
			}
		}
		if len(b.Versions) > 0 || len(b.Files) > 0 {
			yield(b)
		}
	})
	m, err := s.SyncMerge(ctx, store.Merge{Now: opt.Now, More: batches})
	if err != nil {
		return rep, err
	}
	rep.Merged, rep.Problems = m, problems
	rep.Wrote, err = publish(ctx, s, dir, dev, opt)
	return rep, err
}

// DuplicateDeviceError is the folder holding, under this journal's device
// id, changes this journal never made: another journal syncs with the same
// id, because one was copied from the other or restored from a backup.
type DuplicateDeviceError struct{ Dir, Device, Path string }

func (e *DuplicateDeviceError) Error() string {
	return fmt.Sprintf("%s holds changes this journal never made under its device id %s: another journal syncs as the same device "+
		"(one was copied from the other, or restored from a backup); nothing was merged or written, and "+
		"failup sync %s --new-device, run with one of the two, makes it a device of its own and merges the other's changes",
		e.Path, e.Device, e.Dir)
}

// checkOwn makes sure the segments under this device's id are the ones this
// journal wrote: each the size it was written, and any it has no record of
// (a sync stopped between writing one and recording it) holding only
// versions it made. Otherwise it records the problem on the file, for
// doctor, and refuses before anything is merged or written.
func checkOwn(ctx context.Context, s *store.Store, dir, dev string, segs []segment, known map[string]store.SyncFile, opt Options) error {
	for _, seg := range segs {
		if seg.device != dev {
			continue
		}
		name := filepath.Join(dir, filepath.FromSlash(seg.path))
		k, seen := known[seg.path]
		ours := true
		switch info, err := os.Stat(name); {
		case err != nil:
			continue // gone meanwhile; nothing to merge
		case seen && k.Complete:
			ours = info.Size() == k.Consumed
		default:
			read, err := readSegment(name, seg, 0, opt.Identities)
			if err != nil {
				continue // perhaps still arriving; looked at again next time
			}
			if ours, err = s.SyncMadeHere(ctx, read.Versions); err != nil {
				return err
			}
		}
		if ours {
			continue
		}
		dup := &DuplicateDeviceError{Dir: dir, Device: dev, Path: seg.path}
		f := store.SyncFile{Path: seg.path, Device: dev, Consumed: k.Consumed, Checked: opt.Now, Problem: dup.problem()}
		if err := s.SyncFileProblem(ctx, f); err != nil {
			return err
		}
		return dup
	}
	return nil
}

// problem is what doctor says of the file.
func (e *DuplicateDeviceError) problem() string {
	return "another journal wrote it under this journal's device id " + e.Device + "; failup sync --new-device makes this one a device of its own"
}

// readAhead yields the batches of read on a goroutine of its own, one
// ahead of the caller.
func readAhead(read iter.Seq[store.MergeBatch]) iter.Seq[store.MergeBatch] {
	return func(yield func(store.MergeBatch) bool) {
		batches, done := make(chan store.MergeBatch), make(chan struct{})
		go func() {
			defer close(batches)
			for b := range read {
				select {
				case batches <- b:
				case <-done:
					return
				}
			}
		}()
		// Until the reader has stopped: what it read is the caller's again.
		defer func() {
			close(done)
			for range batches {
			}
		}()
		for b := range batches {
			if !yield(b) {
				return
			}
		}
	}
}

// writable makes the device's folder and checks that a file can be written
// into it, before anything is merged.
func writable(own string) error {
	if err := os.MkdirAll(own, 0o700); err != nil {
		return unwrapPath(err)
	}
	f, err := os.CreateTemp(own, ".probe-*")
	if err != nil {
		return unwrapPath(err)
	}
	f.Close()
	return os.Remove(f.Name())
}

type segment struct {
	path      string // relative to the folder, with slashes
	device    string
	n         int64
	encrypted bool
}

// list finds every segment in the folder, skipping what is not one: the
// sync engines' temporary and conflicted copies, editors' backups, and the
// temporary files of a segment being written.
func list(dir string) ([]segment, error) {
	root := filepath.Join(dir, "failup")
	devices, err := os.ReadDir(root)
	if err != nil {
		return nil, fmt.Errorf("cannot read the folder %s: %w", root, unwrapPath(err))
	}
	var out []segment
	for _, d := range devices {
		if !d.IsDir() || !deviceName().MatchString(d.Name()) {
			continue
		}
		names, err := os.ReadDir(filepath.Join(root, d.Name()))
		if err != nil {
			continue // a device folder still arriving; read next time
		}
		for _, f := range names {
			m := segmentName().FindStringSubmatch(f.Name())
			if m == nil || !f.Type().IsRegular() {
				continue
			}
			n, _ := strconv.ParseInt(m[1], 10, 64)
			out = append(out, segment{
				path: path.Join("failup", d.Name(), f.Name()), device: d.Name(), n: n, encrypted: m[2] != "",
			})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].device != out[j].device {
			return out[i].device < out[j].device
		}
		return out[i].n < out[j].n
	})
	return out, nil
}

// readSegment reads what is new in a segment since from.
func readSegment(name string, seg segment, from int64, ids []age.Identity) (changelog.Read, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return changelog.Read{Consumed: from}, fmt.Errorf("cannot read it: %w", unwrapPath(err))
	}
	if seg.encrypted || agecrypt.Encrypted(data) {
		if len(ids) == 0 {
			return changelog.Read{Consumed: from}, errors.New("it is encrypted, and no sync key was given to read it")
		}
		var plain bytes.Buffer
		if err := agecrypt.DecryptTo(&plain, bytes.NewReader(data), ids); err != nil {
			// Perhaps still arriving: read again next time.
			return changelog.Read{Consumed: from}, fmt.Errorf("cannot decrypt it: %w", err)
		}
		// An encrypted segment is read whole or not at all.
		read, err := changelog.Decode(plain.Bytes(), seg.device, 0)
		if !read.Complete && err == nil {
			err = errors.New("it ends before its last record")
		}
		read.Consumed = int64(len(data))
		return read, err
	}
	return changelog.Decode(data, seg.device, from)
}

// publish writes this device's versions not yet in the folder as new
// segments, each under a temporary name, synced, then renamed, and only then
// marks them written: a sync stopped in between writes them again, and
// readers take a version they already have as nothing new.
func publish(ctx context.Context, s *store.Store, dir, dev string, opt Options) ([]string, error) {
	rs := opt.Recipients
	own := filepath.Join(dir, "failup", dev)
	var wrote []string
	for {
		vs, err := s.Unpublished(ctx, segmentVersions)
		if err != nil || len(vs) == 0 {
			return wrote, err
		}
		n, err := nextSegment(own)
		if err != nil {
			return wrote, err
		}
		name := fmt.Sprintf("%08d.log", n)
		data := changelog.Encode(dev, vs)
		if len(rs) > 0 {
			name += ".age"
			var buf bytes.Buffer
			w, err := agecrypt.Encrypt(&buf, rs)
			if err != nil {
				return wrote, err
			}
			w.Write(data)
			if err := w.Close(); err != nil {
				return wrote, err
			}
			data = buf.Bytes()
		}
		if err := writeFile(filepath.Join(own, name), data); err != nil {
			return wrote, fmt.Errorf("cannot write to the folder %s: %w", dir, err)
		}
		rel := path.Join("failup", dev, name)
		written := store.SyncFile{Path: rel, Device: dev, Consumed: int64(len(data)), Complete: true, Checked: opt.Now}
		if err := s.Published(ctx, vs, written); err != nil {
			return wrote, err
		}
		wrote = append(wrote, rel)
	}
}

// nextSegment is one past the highest segment number in the device's folder.
func nextSegment(own string) (int64, error) {
	names, err := os.ReadDir(own)
	if err != nil {
		return 0, unwrapPath(err)
	}
	next := int64(1)
	for _, f := range names {
		if m := segmentName().FindStringSubmatch(f.Name()); m != nil {
			if n, _ := strconv.ParseInt(m[1], 10, 64); n >= next {
				next = n + 1
			}
		}
	}
	return next, nil
}

// writeFile writes a new file whole: under a name no reader takes for a
// segment, synced, then renamed into place.
func writeFile(name string, data []byte) error {
	dir := filepath.Dir(name)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return unwrapPath(err)
	}
	_, err = io.Copy(tmp, bytes.NewReader(data))
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), name)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return unwrapPath(err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
