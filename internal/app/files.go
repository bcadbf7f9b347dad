package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/failup/failup/internal/atomicfile"
	"github.com/failup/failup/internal/export"
	"github.com/failup/failup/internal/journal"
)

// ExistsError says a file is already there, and is replaced only when the
// person says so (--force, or a second ctrl+s).
type ExistsError struct{ Path string }

func (e *ExistsError) Error() string { return e.Path + " already exists" }

// CheckTarget says whether a file may be written at path: not a folder, and
// not a file already there unless replace is true.
func CheckTarget(path string, replace bool) error {
	if strings.HasSuffix(path, string(filepath.Separator)) {
		return fmt.Errorf("%s is a folder; give a file name to write to", path)
	}
	switch info, err := os.Stat(path); {
	case err == nil && info.IsDir():
		return fmt.Errorf("%s is a folder; give a file name to write to", path)
	case err == nil && !replace:
		return &ExistsError{Path: path}
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("cannot write %s: %w", path, PathProblem(err))
	}
	return nil
}

// PathProblem is what went wrong with a file, without the operation and
// path an *fs.PathError repeats: "permission denied", not "open x: permission
// denied", for a sentence that names the file itself.
func PathProblem(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Export formats.
const (
	Markdown = "md"
	JSON     = "json"
)

// Seal wraps a file's writer so that what is written is encrypted; closing
// it finishes the encryption.
type Seal func(io.Writer) (io.WriteCloser, error)

// sealed wraps write so that what it writes goes through seal, when there is
// one.
func sealed(seal Seal, write func(io.Writer) error) func(io.Writer) error {
	if seal == nil {
		return write
	}
	return func(w io.Writer) error {
		sw, err := seal(w)
		if err != nil {
			return err
		}
		if err := write(sw); err != nil {
			return err
		}
		return sw.Close()
	}
}

// ExportRequest chooses what an export writes.
type ExportRequest struct {
	Filter Filter
	// Format is Markdown or JSON.
	Format string
	// LessonsOnly writes only the lessons: a page to print, or a JSON list.
	LessonsOnly bool
	// Seal, when not nil, encrypts what is written.
	Seal Seal
}

// Check says what is wrong with the request, before any journal is read.
func (r ExportRequest) Check() error {
	if r.Format != Markdown && r.Format != JSON {
		return inputErrorf("format", "give md or json, not %q", r.Format)
	}
	return nil
}

// checkExport says what is wrong with the request before anything is
// written: a tag no entry has is refused, as a mistake in what was typed.
func (c *Core) checkExport(ctx context.Context, req ExportRequest) error {
	if err := req.Check(); err != nil {
		return err
	}
	return c.checkTags(ctx, req.Filter.Tags)
}

// checkTags refuses a tag that no entry has, rather than choosing nothing.
func (c *Core) checkTags(ctx context.Context, tags []string) error {
	for _, t := range tags {
		n, err := c.store.Count(ctx, Filter{Tags: []string{t}})
		if err != nil {
			return err
		}
		if n == 0 {
			return inputErrorf("tag", "no entry is tagged %q, so nothing was written", t)
		}
	}
	return nil
}

// ErrNoEntries says the filters of an export choose no entry, so no file is
// written.
var ErrNoEntries = errors.New("no entry matches the filters given")

// chooses refuses filters that choose no entry (ErrNoEntries).
func (c *Core) chooses(ctx context.Context, f Filter) error {
	if !f.Narrows() {
		return nil
	}
	n, err := c.store.Count(ctx, f)
	if err == nil && n == 0 {
		err = ErrNoEntries
	}
	return err
}

// WriteExport writes the export req asks for to w and says how many entries
// it holds. A failup.v1 document is streamed from the journal as it is read.
func (c *Core) WriteExport(ctx context.Context, w io.Writer, req ExportRequest) (int, error) {
	if err := c.checkExport(ctx, req); err != nil {
		return 0, err
	}
	return c.writeSealed(ctx, w, req)
}

func (c *Core) writeSealed(ctx context.Context, w io.Writer, req ExportRequest) (int, error) {
	n := 0
	err := sealed(req.Seal, func(w io.Writer) error {
		var err error
		n, err = c.writeExport(ctx, ctxWriter{ctx, w}, req)
		return err
	})(w)
	return n, err
}

func (c *Core) writeExport(ctx context.Context, w io.Writer, req ExportRequest) (int, error) {
	// A whole journal is streamed, never held in memory.
	written := 0
	opt := export.Options{Since: req.Filter.Since, Until: req.Filter.Until, Now: c.now()}
	switch {
	case req.Format == JSON && !req.LessonsOnly:
		corrections, err := c.store.Corrections(ctx)
		if err != nil {
			return 0, err
		}
		err = export.JSON(w, counting(c.store.Entries(ctx, req.Filter), &written), corrections, c.now())
		return written, err
	case !req.LessonsOnly:
		x, err := c.store.Extent(ctx, req.Filter)
		if err != nil {
			return 0, err
		}
		err = export.FullStream(w, export.About(x), counting(c.store.Entries(ctx, req.Filter), &written), opt)
		return written, err
	}
	if req.Format == JSON {
		n, err := c.store.Count(ctx, req.Filter)
		if err != nil {
			return 0, err
		}
		return n, c.WriteLessonList(ctx, w, req.Filter)
	}
	return c.writeKeptLessons(ctx, w, req.Filter, opt)
}

// writeKeptLessons writes the lessons page of the entries f keeps as it is
// laid out with the kept patterns, reading the entries as they are
// written, a few at a time: its first lines come as quickly for a hundred
// thousand entries as for ten, and the journal is never held in memory.
// Like any export, it says how many entries f keeps.
func (c *Core) writeKeptLessons(ctx context.Context, w io.Writer, f Filter, opt export.Options) (int, error) {
	plan, err := c.Lessons(ctx, f)
	if err != nil {
		return 0, err
	}
	n, err := c.store.Count(ctx, f)
	if err != nil {
		return 0, err
	}
	return n, export.LessonsFrom(w, plan, func(ids []int64) iter.Seq2[journal.Entry, error] { return c.EntriesByID(ctx, ids) }, opt)
}

// LessonCount is how many lessons the entries f keeps hold, as the lessons
// page writes them: one an entry, its lesson or else what it would do
// differently.
func (c *Core) LessonCount(ctx context.Context, f Filter) (int, error) {
	plan, err := c.Lessons(ctx, f)
	if err != nil {
		return 0, err
	}
	seen := map[int64]bool{}
	for _, g := range plan.Groups {
		for _, id := range g.IDs {
			seen[id] = true
		}
	}
	return len(seen), nil
}

// ErrNoLessons says a lessons page would hold no lessons, so no file is
// written.
var ErrNoLessons = errors.New("there are no lessons yet")

// ExportFile writes the export req asks for to the file at path, whole or
// not at all, replacing a file there only when replace is true. Filters that
// choose no entry (ErrNoEntries) and a lessons page with no lessons
// (ErrNoLessons) write no file.
func (c *Core) ExportFile(ctx context.Context, path string, replace bool, req ExportRequest) (int, error) {
	if err := c.checkExport(ctx, req); err != nil {
		return 0, err
	}
	if err := CheckTarget(path, replace); err != nil {
		return 0, err
	}
	if err := c.chooses(ctx, req.Filter); err != nil {
		return 0, err
	}
	n := 0
	err := atomicfile.Write(path, 0o600, func(w io.Writer) error {
		if req.LessonsOnly && req.Format == Markdown {
			plan, err := c.Lessons(ctx, req.Filter)
			if err != nil {
				return err
			}
			if len(plan.Groups) == 0 {
				return ErrNoLessons
			}
		}
		var err error
		n, err = c.writeSealed(ctx, w, req)
		return err
	})
	if errors.Is(err, ErrNoLessons) {
		return 0, ErrNoLessons
	}
	return n, cancelled(ctx, err)
}

// ExportPerEntry writes one Markdown file per entry f keeps into dir; filters
// that choose no entry write nothing (ErrNoEntries).
func (c *Core) ExportPerEntry(ctx context.Context, dir string, f Filter) (int, error) {
	if err := c.checkTags(ctx, f.Tags); err != nil {
		return 0, err
	}
	entries, err := c.store.List(ctx, f)
	if err != nil {
		return 0, err
	}
	if len(entries) == 0 && f.Narrows() {
		return 0, ErrNoEntries
	}
	return len(entries), export.PerEntry(dir, entries)
}

// Import adds the entries and pattern corrections of a failup.v1 document
// read from r (named name in errors), all or none: one invalid entry or
// correction and nothing is added. Entries whose uid is already in the
// journal are skipped, and so are corrections, unless the one read was
// changed later than the one kept.
func (c *Core) Import(ctx context.Context, r io.Reader, name string) (Imported, error) {
	lib, err := c.Prompts()
	if err != nil {
		return Imported{}, err
	}
	var rest journal.Document
	// The document is read as it is imported; a mistake in it ends the
	// import, whose transaction then adds nothing.
	var bad error
	entries := func(yield func(journal.Entry, error) bool) {
		i := 0
		for e, err := range journal.DocumentParts(r, &rest) {
			i++
			if err == nil {
				e.ID = 0
				// Named as the file gives it, before it is completed.
				name := journal.EntryName(i, string(e.OccurredOn), e.Title)
				if err = e.Complete(c.now(), lib.Question); err != nil {
					err = fmt.Errorf("%s: %w", name, err)
				}
			}
			if err != nil {
				bad = fmt.Errorf("%s: %w; nothing was imported", name, err)
				yield(journal.Entry{}, bad)
				return
			}
			if !yield(e, nil) {
				return
			}
		}
	}
	n, err := c.store.ImportDocument(ctx, entries, func() []journal.Correction { return rest.PatternCorrections })
	switch {
	case bad != nil:
		return Imported{}, bad
	case ctx.Err() != nil:
		return Imported{}, cancelled(ctx, err)
	case err != nil:
		return Imported{}, fmt.Errorf("the import failed, and nothing was imported: %w", err)
	}
	return n, nil
}

// Add adds entries read and checked elsewhere (by an importer), all or
// none; those whose uid is already in the journal are skipped.
func (c *Core) Add(ctx context.Context, entries []journal.Entry) (added, skipped int, err error) {
	added, skipped, err = c.store.Import(ctx, func(yield func(journal.Entry, error) bool) {
		for _, e := range entries {
			if !yield(e, nil) {
				return
			}
		}
	})
	if err != nil {
		if ctx.Err() != nil {
			return 0, 0, cancelled(ctx, err)
		}
		return 0, 0, fmt.Errorf("the import failed, and nothing was imported: %w", err)
	}
	return added, skipped, nil
}

// Known says which of entries the journal already holds, by uid: those an
// import would skip.
func (c *Core) Known(ctx context.Context, entries []journal.Entry) (map[string]bool, error) {
	uids := make([]string, len(entries))
	for i, e := range entries {
		uids[i] = e.UID
	}
	return c.store.KnownUIDs(ctx, uids)
}

// CorrectionsToImport counts the corrections to the patterns of a document
// that Import would add and skip.
func (c *Core) CorrectionsToImport(ctx context.Context, list []journal.Correction) (add, skip int, err error) {
	return c.store.CorrectionsToImport(ctx, list)
}

// Backup writes a consistent copy of the journal to path, whole or not at
// all, encrypted when seal is not nil, replacing a file there only when
// replace is true, and says how many entries it holds.
func (c *Core) Backup(ctx context.Context, path string, replace bool, seal Seal) (int, error) {
	if SameFile(path, c.store.Path()) {
		return 0, fmt.Errorf("%s is the journal itself; give another file name", path)
	}
	if err := CheckTarget(path, replace); err != nil {
		return 0, err
	}
	backup := c.store.Backup
	if seal != nil {
		backup = func(ctx context.Context, path string) error { return c.sealedBackup(ctx, path, seal) }
	}
	if err := backup(ctx, path); err != nil {
		if ctx.Err() != nil {
			return 0, cancelled(ctx, err)
		}
		return 0, fmt.Errorf("the backup to %s failed, and nothing was written: %w", path, PathProblem(err))
	}
	return c.store.Count(ctx, Filter{})
}

// sealedBackup writes a consistent copy of the journal through seal to
// path. The plain copy is never left behind: it has no name while it is
// read (see store.WithCopy).
func (c *Core) sealedBackup(ctx context.Context, path string, seal Seal) error {
	return c.store.WithCopy(ctx, filepath.Dir(path), func(plain io.Reader) error {
		return atomicfile.Write(path, 0o600, sealed(seal, func(w io.Writer) error {
			_, err := io.Copy(ctxWriter{ctx, w}, plain)
			return err
		}))
	})
}

// SameFile reports whether paths a and b name the same existing file.
func SameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// ErrCancelled is the error of work stopped by ctrl+c or SIGTERM: whatever
// it was writing was left as it was.
var ErrCancelled = errors.New("stopped before it finished; nothing was changed")

// cancelled is ErrCancelled when ctx was cancelled, else err.
func cancelled(ctx context.Context, err error) error {
	if err != nil && ctx.Err() != nil {
		return ErrCancelled
	}
	return err
}

// ctxWriter stops a long write once its context is done.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// counting passes entries through, counting them into n.
func counting(entries iter.Seq2[journal.Entry, error], n *int) iter.Seq2[journal.Entry, error] {
	return func(yield func(journal.Entry, error) bool) {
		for e, err := range entries {
			if err == nil {
				*n++
			}
			if !yield(e, err) {
				return
			}
		}
	}
}
