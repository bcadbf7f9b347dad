package app

import (
	"context"

	"github.com/failup/failup/internal/store"
)

// Conflict is an entry edited on two devices before either saw the other's
// edit: the journal shows the newest version, and the others wait for the
// person to choose.
type Conflict = store.Conflict

// Conflicts lists the entries in conflict, each with every version standing.
func (c *Core) Conflicts(ctx context.Context) ([]Conflict, error) {
	return c.store.SyncConflicts(ctx)
}

// ConflictCount is how many entries are in conflict, without reading them.
func (c *Core) ConflictCount(ctx context.Context) (int, error) {
	return c.store.SyncConflictCount(ctx)
}

// ResolveConflict ends the conflict over the entry uid by keeping the
// version keep (a version id of the conflict) and letting the others go, on
// every device at its next sync.
func (c *Core) ResolveConflict(ctx context.Context, uid, keep string) error {
	return c.store.SyncResolve(ctx, uid, keep, c.now())
}
