package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/failup/failup/internal/snapshot"
	"github.com/failup/failup/internal/store"
	"github.com/failup/failup/internal/termtext"
)

// snapshotRoot is the folder that holds every journal's snapshots, or ""
// when there is none to use.
func (a *env) snapshotRoot() string {
	switch {
	case a.cfg.Snapshots == 0:
		return ""
	case a.cfg.SnapshotDir != "":
		return a.cfg.SnapshotDir
	case a.dataHome != "":
		return filepath.Join(a.dataHome, "failup", "snapshots")
	}
	return ""
}

// keepSnapshot takes today's snapshot of the journal after a command, the
// first time each day that the journal's entries changed since the newest
// snapshot. Otherwise it costs a folder read. A failure is a warning, since
// what was saved is safe.
func (a *env) keepSnapshot(ctx context.Context) {
	root := a.snapshotRoot()
	if a.store == nil || a.store.ReadOnly() || root == "" || ctx.Err() != nil {
		return
	}
	if rel, err := filepath.Rel(root, a.store.Path()); err == nil && filepath.IsLocal(rel) {
		return // a snapshot opened to look at it is not a journal to keep
	}
	id, err := a.store.Identity(ctx)
	if err != nil {
		return
	}
	generation, err := a.store.Generation(ctx)
	if err != nil {
		return
	}
	if generation == 0 { // new, or from before generations were counted
		if n, err := a.store.Count(ctx, store.Filter{}); err != nil || n == 0 {
			return // an empty journal has nothing to keep
		}
	}
	shelf := snapshot.For(root, id, a.store.Path())
	day := snapshot.Day(a.now())
	if !shelf.Due(day, generation) {
		return
	}
	if a.cfg.SnapshotDir == "" {
		// failup's own folder of snapshots; one the settings name is the
		// person's, and only the folders failup makes in it are tightened.
		err = os.MkdirAll(root, 0o700)
		if err == nil {
			err = store.TightenFolder(root)
		}
	}
	if err == nil {
		_, err = shelf.Take(ctx, day, generation, a.cfg.Snapshots, a.store.Backup)
	}
	if err != nil && ctx.Err() == nil {
		fmt.Fprintln(a.errOut, "failup: saved, but today's snapshot of the journal could not be taken: "+
			sentence(termtext.Line(strings.TrimSpace(err.Error()))))
	}
}

// snapshots lists the kept snapshots of the journal at path, newest first:
// by its identity when it can be opened (id not ""), else of every journal
// that was at path.
func (a *env) snapshots(id, path string) []snapshot.Snapshot {
	root := a.snapshotRoot()
	if root == "" {
		return nil
	}
	var list []snapshot.Snapshot
	if id != "" {
		list, _ = snapshot.For(root, id, path).List()
	} else {
		list, _ = snapshot.OfPath(root, path)
	}
	return list
}
