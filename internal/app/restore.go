package app

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/failup/failup/internal/agecrypt"
	"github.com/failup/failup/internal/atomicfile"
	"github.com/failup/failup/internal/importer"
	"github.com/failup/failup/internal/store"
)

// Unseal decrypts src into dst.
type Unseal func(dst io.Writer, src io.Reader) error

// Restore writes the journal a backup file holds to target, or when target
// is "" to journalPath, where the journal belongs, if there is none there
// yet; it decrypts it with unseal (asked for only then) when it is an age
// file. It is written whole or not at all, and only once it is known to be a
// failup journal. The backup is opened before anything else is looked at.
// The journal in use is never written over, nor a file at target unless
// replace is true.
func Restore(ctx context.Context, backup, target, journalPath string, replace bool, unseal func() (Unseal, error)) error {
	in, err := os.Open(backup)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", backup, PathProblem(err))
	}
	defer in.Close()
	if target == "" {
		target = journalPath
		if _, err := os.Stat(target); err == nil {
			return fmt.Errorf("there is already a journal at %s; restore to another file with -o FILE", target)
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
			return fmt.Errorf("cannot create the journal's folder: %w", PathProblem(err))
		}
	}
	if err := checkRestoreTarget(target, journalPath, replace); err != nil {
		return err
	}
	br := bufio.NewReader(in)
	head, _ := br.Peek(64)
	var bad error // what is wrong with the backup, as opposed to with writing
	err = atomicfile.Write(target, 0o600, func(w io.Writer) error {
		check := &journalHeader{}
		w = io.MultiWriter(ctxWriter{ctx, w}, check)
		if !agecrypt.Encrypted(head) {
			if _, err := io.Copy(w, br); err != nil {
				return err
			}
		} else {
			open, err := unseal()
			if err != nil {
				return err
			}
			if bad = open(w, br); bad != nil {
				bad = fmt.Errorf("cannot decrypt %s: %w", backup, bad)
				return bad
			}
		}
		switch {
		case importer.StartsAsJSON(check.b):
			bad = fmt.Errorf("%s is an export, not a backup: failup import %s adds its entries to a journal", backup, backup)
			return bad
		case !store.IsJournalHeader(check.b):
			bad = fmt.Errorf("%s does not hold a failup journal", backup)
			return bad
		}
		return nil
	})
	if bad != nil {
		return fmt.Errorf("%w; nothing was written", bad)
	}
	return cancelled(ctx, err)
}

func checkRestoreTarget(target, journalPath string, replace bool) error {
	switch _, err := os.Stat(target); {
	case err == nil && SameFile(target, journalPath):
		return fmt.Errorf("%s is the journal in use; restore to another file with -o FILE", target)
	case err == nil && !replace:
		return &ExistsError{Path: target}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: %w", target, PathProblem(err))
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(target + side); err == nil {
			return fmt.Errorf("%s%s is left from another journal; move it away first, or restore to another name", target, side)
		}
	}
	return nil
}

// journalHeader keeps the first bytes written to it: a SQLite file's
// header, which tells a failup journal.
type journalHeader struct{ b []byte }

func (h *journalHeader) Write(p []byte) (int, error) {
	if room := store.HeaderSize - len(h.b); room > 0 {
		h.b = append(h.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}
