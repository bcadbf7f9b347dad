package export

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/failup/failup/internal/atomicfile"
	"github.com/failup/failup/internal/journal"
	"github.com/failup/failup/internal/termtext"
)

// PerEntry writes one Markdown file per entry into dir (created 0700 when
// missing), named by FileName, each with YAML front matter for note-taking
// apps and the entry as Entry writes it. Files are written atomically, 0600,
// replacing earlier exports of the same entries.
func PerEntry(dir string, entries []journal.Entry) error {
	names := make([]string, len(entries))
	taken := make(map[string]bool, len(entries))
	for i, e := range entries {
		names[i] = FileName(e)
		if taken[names[i]] {
			return fmt.Errorf("two entries would be written to the same file %s; is uid %q in the export twice?", names[i], e.UID)
		}
		taken[names[i]] = true
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("cannot create the folder %s: %w", dir, unwrapPathError(err))
	}
	for i, e := range entries {
		err := atomicfile.Write(filepath.Join(dir, names[i]), 0o600, func(w io.Writer) error {
			if _, err := io.WriteString(w, frontMatter(e)); err != nil {
				return err
			}
			return Entry(w, e)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// FileName is the name PerEntry gives an entry's file:
// "2026-03-14-missed-the-launch-deadline-3f9a2c1b.md". It depends only on
// the entry's day, title and uid, so a later export of the same entry
// replaces its file; the last part, from the uid, tells apart entries of
// the same day and title.
func FileName(e journal.Entry) string {
	day := "undated"
	if _, err := journal.ParseDate(string(e.OccurredOn)); err == nil {
		day = string(e.OccurredOn)
	}
	name := day
	if s := slug(e.Title); s != "" {
		name += "-" + s
	}
	sum := sha256.Sum256([]byte(e.UID))
	return name + "-" + hex.EncodeToString(sum[:4]) + ".md"
}

// maxSlugBytes keeps file names well under the usual 255-byte limit.
const maxSlugBytes = 80

// slug is the title in lower case with runs of anything but letters and
// digits (and the marks that combine with them) turned into one hyphen.
func slug(title string) string {
	var b strings.Builder
	gap := false
	for _, r := range strings.ToLower(termtext.Line(title)) {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		mark := unicode.IsMark(r) && b.Len() > 0 && !gap
		if !word && !mark {
			gap = b.Len() > 0
			continue
		}
		piece := string(r)
		if gap {
			piece = "-" + piece
		}
		if b.Len()+len(piece) > maxSlugBytes {
			break
		}
		b.WriteString(piece)
		gap = false
	}
	return b.String()
}

// unwrapPathError drops the operation and the path, which the caller's
// message already names.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
