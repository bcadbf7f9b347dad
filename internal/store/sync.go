package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"math"
	"sort"
	"time"

	"github.com/failup/failup/internal/changelog"
	"github.com/failup/failup/internal/journal"
)

// SyncDevice is this journal's name among the devices that sync together.
type SyncDevice struct {
	ID    string
	Made  int64
	Clock changelog.Clock
}

// SyncDeviceID returns the journal's device id, giving it one the first time.
func (s *Store) SyncDeviceID(ctx context.Context) (string, error) {
	var d SyncDevice
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		d, err = device(ctx, tx)
		return err
	})
	return d.ID, err
}

// device reads the device row, creating it with a new random id.
func device(ctx context.Context, tx *sql.Tx) (SyncDevice, error) {
	var d SyncDevice
	err := tx.QueryRowContext(ctx, "SELECT device, made, clock_wall, clock_logical FROM sync_device").
		Scan(&d.ID, &d.Made, &d.Clock.Wall, &d.Clock.Logical)
	if !errors.Is(err, sql.ErrNoRows) {
		return d, err
	}
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		return d, err
	}
	d.ID = hex.EncodeToString(b)
	_, err = tx.ExecContext(ctx, "INSERT INTO sync_device (id, device, made, clock_wall, clock_logical) VALUES (1, ?, 0, 0, 0)", d.ID)
	return d, err
}

// SyncFile is what sync knows of one file of the shared folder.
type SyncFile struct {
	Path     string    `json:"path"`
	Device   string    `json:"device"`
	Consumed int64     `json:"consumed"`
	Complete bool      `json:"complete"`
	Problem  string    `json:"problem,omitempty"`
	Checked  time.Time `json:"checked_at"`
}

// SyncFiles lists the files of the shared folder read so far, by path.
func (s *Store) SyncFiles(ctx context.Context) (map[string]SyncFile, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT path, device, consumed, complete, problem, checked_at FROM sync_files")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]SyncFile{}
	for rows.Next() {
		var f SyncFile
		var checked string
		if err := rows.Scan(&f.Path, &f.Device, &f.Consumed, &f.Complete, &f.Problem, &checked); err != nil {
			return nil, err
		}
		f.Checked, _ = parseTime(checked)
		out[f.Path] = f
	}
	return out, rows.Err()
}

// Merge is what one sync brings into the journal.
type Merge struct {
	// Now is the time of the sync; the clock of versions made in it starts
	// from here unless a version seen already is later.
	Now time.Time
	// Versions were read from the folder, in any order, known or not.
	Versions []changelog.Version
	// Files are the files read, with how far.
	Files []SyncFile
	// More, when set, yields further batches read from the folder, merged
	// after Versions and Files in the same transaction, one at a time, so
	// that a large sync holds one batch of versions at once.
	More iter.Seq[MergeBatch]
}

// MergeBatch is part of what one sync brings: versions, and the files they
// were read from.
type MergeBatch struct {
	Versions []changelog.Version
	Files    []SyncFile
}

// Merged says what a merge changed.
type Merged struct {
	Made     int `json:"made"`     // versions of entries changed here since the last sync
	Received int `json:"received"` // versions new to this journal from other devices
	Rejected int `json:"rejected"` // versions whose entry was not valid, left out
	Created  int `json:"created"`
	Updated  int `json:"updated"`
	Deleted  int `json:"deleted"`
	// Corrections counts the corrections to the patterns the merge made,
	// changed or took back here.
	Corrections int `json:"corrections"`
}

// SyncMerge brings m into the journal in one transaction: first it makes a
// version of every entry changed here since the last sync (so that nothing
// written here is overwritten unseen), then it adds the versions read from
// other devices, batch by batch, and writes into the journal, for each entry
// they touch, the newest of its heads; the other heads are its conflicts.
// Versions already known change nothing, so merging the same versions twice,
// or in another order, ends the same.
func (s *Store) SyncMerge(ctx context.Context, m Merge) (Merged, error) {
	var res Merged
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res = Merged{}
		d, err := device(ctx, tx)
		if err != nil {
			return err
		}
		return withWriter(ctx, tx, func(w *writer) error {
			sm := &syncMerge{s: s, tx: tx, w: w, dev: d, now: m.Now}
			if err := sm.prepare(ctx); err != nil {
				return err
			}
			defer sm.close()
			if err := sm.local(ctx, &res); err != nil {
				return err
			}
			if err := sm.localCorrections(ctx, &res); err != nil {
				return err
			}
			if err := sm.remoteInBulk(ctx, m, &res); err != nil {
				return err
			}
			return sm.finish(ctx)
		})
	})
	return res, err
}

// remoteInBulk is remote for each batch of m, and records the files each
// was read from, with what only slows a large merge set aside: the triggers
// noting each entry written in sync_pending (finish forgets every pending
// entry, once local has read them), and the full-text index's default of
// writing out a segment at every megabyte of words, which the index of a
// first sync's entries, written in one statement, outgrows many times over.
func (sm *syncMerge) remoteInBulk(ctx context.Context, m Merge, res *Merged) error {
	restore, err := suspendTriggers(ctx, sm.tx, pendingTriggers)
	if err != nil {
		return err
	}
	if err := setIndexMemory(ctx, sm.tx, bulkIndexMemory); err != nil {
		return err
	}
	if err := sm.remote(ctx, m.Versions, res); err != nil {
		return err
	}
	if err := sm.files(ctx, m.Files); err != nil {
		return err
	}
	if m.More != nil {
		for b := range m.More {
			if err := sm.remote(ctx, b.Versions, res); err != nil {
				return err
			}
			if err := sm.files(ctx, b.Files); err != nil {
				return err
			}
		}
	}
	if err := sm.endNew(ctx, res); err != nil {
		return err
	}
	if err := setIndexMemory(ctx, sm.tx, defaultIndexMemory); err != nil {
		return err
	}
	return restore()
}

// pendingTriggers note in sync_pending each entry written to.
var pendingTriggers = []string{"sync_pending_insert", "sync_pending_update", "sync_pending_delete"}

// syncMerge is one merge in progress, in its transaction.
type syncMerge struct {
	s   *Store
	tx  *sql.Tx
	w   *writer
	dev SyncDevice
	now time.Time

	insertVersion, replace, heads, lone, hash, setHash *sql.Stmt
	// decoded holds the entries of the versions of the batch being merged,
	// by version id, so each is decoded once.
	decoded map[string]decodedEntry
	// firstCreated is the id of the first entry created one by one in the
	// batch, whose index is written at its end, in one statement, for all
	// of them.
	firstCreated int64
	// fresh writes the entries the journal has never known, as an import
	// does, from one batch to the next until a batch needs the journal as
	// it is (see remote).
	fresh *newWriter
}

func (sm *syncMerge) prepare(ctx context.Context) error {
	for _, p := range []struct {
		stmt  **sql.Stmt
		query string
	}{
		// A version some other version already names is no head, and keeps
		// its entry only until it is written to the folder.
		{&sm.insertVersion, `INSERT INTO sync_versions (id, uid, device, clock_wall, clock_logical, parents, deleted,
			entry, head, published, correction) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, CASE WHEN r.id IS NULL OR NOT ?9 THEN ?8 END,
			r.id IS NULL, ?9, ?10 FROM (SELECT (SELECT id FROM sync_replaced WHERE id = ?1) AS id) r`},
		{&sm.replace, `INSERT OR IGNORE INTO sync_replaced (id) VALUES (?1); UPDATE sync_versions SET head = 0,
			entry = CASE WHEN published THEN NULL ELSE entry END WHERE id = ?1 AND head`},
		{&sm.heads, `SELECT id, device, clock_wall, clock_logical, deleted, coalesce(entry, '') FROM sync_versions
			WHERE uid = ? AND head`},
		// The one live head of an entry holds what the journal holds: it
		// keeps its entry only until it is written to the folder.
		{&sm.lone, "UPDATE sync_versions SET entry = NULL WHERE id = ? AND published"},
		{&sm.hash, "SELECT hash FROM sync_entries WHERE uid = ?"},
		{&sm.setHash, "INSERT INTO sync_entries (uid, hash) VALUES (?, ?) ON CONFLICT DO UPDATE SET hash = excluded.hash"},
	} {
		stmt, err := sm.tx.PrepareContext(ctx, p.query)
		if err != nil {
			return err
		}
		*p.stmt = stmt
	}
	return nil
}

func (sm *syncMerge) close() {
	if sm.fresh != nil {
		sm.fresh.close()
	}
	for _, stmt := range []*sql.Stmt{sm.insertVersion, sm.replace, sm.heads, sm.lone, sm.hash, sm.setHash} {
		if stmt != nil {
			stmt.Close()
		}
	}
}

// local makes a version of each entry changed here since the last sync.
func (sm *syncMerge) local(ctx context.Context, res *Merged) error {
	pending, err := sm.pending(ctx)
	if err != nil || len(pending) == 0 {
		return err
	}
	page, err := sm.read(ctx, "SELECT "+entryColumns+" FROM entries e WHERE e.uid IN (SELECT uid FROM sync_pending)")
	if err != nil {
		return err
	}
	for start := 0; start < len(page); start += pageSize {
		chunk := page[start:min(start+pageSize, len(page))]
		if err := sm.children(ctx, chunk); err != nil {
			return err
		}
		for _, e := range chunk {
			delete(pending, e.UID)
			if err := sm.changed(ctx, e.UID, &e, res); err != nil {
				return err
			}
		}
		clear(chunk) // lets go of the answers loaded for this chunk
	}
	for uid := range pending { // gone from the journal: deleted here
		if err := sm.changed(ctx, uid, nil, res); err != nil {
			return err
		}
	}
	_, err = sm.tx.ExecContext(ctx, "DELETE FROM sync_pending")
	return err
}

// localCorrections makes a version of each correction to the patterns
// made, changed or taken back here since the last sync.
func (sm *syncMerge) localCorrections(ctx context.Context, res *Merged) error {
	var uids []string
	rows, err := sm.tx.QueryContext(ctx, "SELECT uid FROM sync_pending_corrections")
	if err != nil {
		return err
	}
	for rows.Next() {
		var uid string
		if err := rows.Scan(&uid); err != nil {
			rows.Close()
			return err
		}
		uids = append(uids, uid)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(uids) == 0 {
		return err
	}
	for _, uid := range uids {
		list, err := corrections(ctx, sm.tx, "WHERE uid = ?", uid)
		if err != nil {
			return err
		}
		body, hash := []byte(nil), ""
		if len(list) > 0 {
			body, hash = canonicalCorrection(list[0])
		}
		if err := sm.record(ctx, uid, body, hash, true, res); err != nil {
			return err
		}
	}
	_, err = sm.tx.ExecContext(ctx, "DELETE FROM sync_pending_corrections")
	return err
}

func (sm *syncMerge) pending(ctx context.Context) (map[string]bool, error) {
	rows, err := sm.tx.QueryContext(ctx, "SELECT uid FROM sync_pending")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	pending := map[string]bool{}
	for rows.Next() {
		var uid string
		if err := rows.Scan(&uid); err != nil {
			return nil, err
		}
		pending[uid] = true
	}
	return pending, rows.Err()
}

// read reads the entries query selects, without what belongs to them,
// through the transaction's own snapshot: no one else writes while it holds
// the lock.
func (sm *syncMerge) read(ctx context.Context, query string, args ...any) ([]journal.Entry, error) {
	rows, err := sm.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []journal.Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// children loads what belongs to a page of entries, in the transaction.
func (sm *syncMerge) children(ctx context.Context, page []journal.Entry) error {
	stmts, err := prepareChildren(ctx, sm.tx, allChildren)
	if err != nil {
		return err
	}
	defer stmts.close()
	return loadChildren(ctx, page, stmts)
}

// changed makes a version of entry uid as the journal holds it now (nil:
// deleted), if it differs from what it held when sync last looked.
func (sm *syncMerge) changed(ctx context.Context, uid string, e *journal.Entry, res *Merged) error {
	body, hash := []byte(nil), ""
	if e != nil {
		body, hash = canonical(*e)
	}
	return sm.record(ctx, uid, body, hash, false, res)
}

// record makes a version of entry or correction uid from body (nil:
// deleted), if its fingerprint differs from what the journal held when
// sync last looked.
func (sm *syncMerge) record(ctx context.Context, uid string, body []byte, hash string, correction bool, res *Merged) error {
	var was string
	if err := sm.hash.QueryRowContext(ctx, uid).Scan(&was); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if was == hash {
		return nil
	}
	heads, err := sm.headsOf(ctx, uid)
	if err != nil {
		return err
	}
	if body == nil && len(heads) == 0 {
		return nil // written and deleted between two syncs: no one else knew it
	}
	sm.dev.Made++
	sm.dev.Clock = sm.dev.Clock.Tick(sm.now.UnixMilli())
	v := changelog.Version{
		ID: changelog.VersionID(sm.dev.ID, sm.dev.Made), UID: uid, Device: sm.dev.ID, Clock: sm.dev.Clock,
		Parents: ids(heads), Deleted: body == nil, Entry: body, Correction: correction,
	}
	if err := sm.add(ctx, v, false); err != nil {
		return err
	}
	res.Made++
	if _, err := sm.tx.ExecContext(ctx, "DELETE FROM sync_conflicts WHERE uid = ?", uid); err != nil {
		return err
	}
	return sm.remember(ctx, uid, hash)
}

func (sm *syncMerge) remember(ctx context.Context, uid, hash string) error {
	if hash == "" {
		_, err := sm.tx.ExecContext(ctx, "DELETE FROM sync_entries WHERE uid = ?", uid)
		return err
	}
	_, err := sm.setHash.ExecContext(ctx, uid, hash)
	return err
}

func ids(vs []changelog.Version) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.ID
	}
	return out
}

// add records v, which replaces its parents.
func (sm *syncMerge) add(ctx context.Context, v changelog.Version, published bool) error {
	parents, err := json.Marshal(nonNilStrings(v.Parents))
	if err != nil {
		return err
	}
	var entry sql.NullString
	if !v.Deleted {
		entry = sql.NullString{String: string(v.Entry), Valid: true}
	}
	if _, err := sm.insertVersion.ExecContext(ctx, v.ID, v.UID, v.Device, v.Clock.Wall, v.Clock.Logical,
		string(parents), v.Deleted, entry, published, v.Correction); err != nil {
		return err
	}
	for _, p := range v.Parents {
		if _, err := sm.replace.ExecContext(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (sm *syncMerge) headsOf(ctx context.Context, uid string) ([]changelog.Version, error) {
	rows, err := sm.heads.QueryContext(ctx, uid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []changelog.Version
	for rows.Next() {
		v := changelog.Version{UID: uid}
		var entry string
		if err := rows.Scan(&v.ID, &v.Device, &v.Clock.Wall, &v.Clock.Logical, &v.Deleted, &entry); err != nil {
			return nil, err
		}
		v.Entry = json.RawMessage(entry)
		out = append(out, v)
	}
	return out, rows.Err()
}

// remote adds the versions new to this journal and brings each entry they
// touch up to its newest head. The versions of entries this journal has
// never known (all of a new device's first sync) are written in bulk, as an
// import writes; the others one entry at a time.
func (sm *syncMerge) remote(ctx context.Context, versions []changelog.Version, res *Merged) error {
	fresh, rest, err := sm.splitNew(ctx, versions)
	if err != nil {
		return err
	}
	arrived := arrivals{peers: map[string]changelog.Version{}, counts: map[string]int{}}
	// The entries written in bulk so far are put in place first (their
	// ids, counts, indexes and index), so that no entry settled one by one
	// meets a journal half written.
	for _, v := range rest {
		if !v.Correction {
			if err := sm.endNew(ctx, res); err != nil {
				return err
			}
			break
		}
	}
	if err := sm.remoteOneByOne(ctx, rest, res, &arrived); err != nil {
		return err
	}
	if err := sm.remoteNew(ctx, fresh, res, &arrived); err != nil {
		return err
	}
	for dev, v := range arrived.peers {
		if _, err := sm.tx.ExecContext(ctx, `INSERT INTO sync_peers (device, versions, clock_wall, merged_at)
			VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET versions = versions + excluded.versions,
			clock_wall = max(clock_wall, excluded.clock_wall), merged_at = excluded.merged_at`,
			dev, arrived.counts[dev], v.Clock.Wall, formatTime(sm.now)); err != nil {
			return err
		}
	}
	return nil
}

// arrivals are the versions a merge received, by device: the newest of each
// and how many.
type arrivals struct {
	peers  map[string]changelog.Version
	counts map[string]int
}

// note counts v, received, and moves the device's clock past it.
func (a *arrivals) note(sm *syncMerge, v changelog.Version, res *Merged) {
	res.Received++
	sm.dev.Clock = sm.dev.Clock.Observe(v.Clock)
	if v.Device == sm.dev.ID {
		// This device's own, from before the journal was restored from
		// a backup: new versions must not take their names.
		if n, ok := changelog.VersionNumber(v.ID); ok && n > sm.dev.Made {
			sm.dev.Made = n
		}
	}
	if p, ok := a.peers[v.Device]; !ok || v.Newer(p) {
		a.peers[v.Device] = v
	}
	a.counts[v.Device]++
}

// remoteOneByOne adds the versions not known yet among versions, each on
// its own, and settles each entry or correction they touch.
func (sm *syncMerge) remoteOneByOne(ctx context.Context, versions []changelog.Version, res *Merged, arrived *arrivals) error {
	if len(versions) == 0 {
		return nil
	}
	known, err := sm.tx.PrepareContext(ctx, "SELECT 1 FROM sync_versions WHERE id = ?")
	if err != nil {
		return err
	}
	defer known.Close()
	touched, correction := map[string]bool{}, map[string]bool{}
	var order []string
	for _, v := range versions {
		var one int
		switch err := known.QueryRowContext(ctx, v.ID).Scan(&one); {
		case err == nil:
			continue
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		switch {
		case v.Deleted:
		case v.Correction:
			body, _, _, err := decodeVersionCorrection(v)
			if err != nil {
				res.Rejected++
				continue
			}
			v.Entry = body
		default:
			body, hash, e, err := decodeVersionEntry(v)
			if err != nil {
				res.Rejected++
				continue
			}
			v.Entry = body
			if sm.decoded == nil {
				sm.decoded = map[string]decodedEntry{}
			}
			sm.decoded[v.ID] = decodedEntry{e, hash}
		}
		if err := sm.add(ctx, v, true); err != nil {
			return err
		}
		arrived.note(sm, v, res)
		if !touched[v.UID] {
			touched[v.UID] = true
			order = append(order, v.UID)
			if v.Correction {
				correction[v.UID] = true
			}
		}
	}
	for _, uid := range order {
		settle := sm.settle
		if correction[uid] {
			settle = sm.settleCorrection
		}
		if err := settle(ctx, uid, res); err != nil {
			return err
		}
	}
	sm.decoded = nil
	if first := sm.firstCreated; first != 0 {
		sm.firstCreated = 0
		return sm.w.index(ctx, first, math.MaxInt64)
	}
	return nil
}

// decodeVersionEntry checks the entry a version carries and returns it in
// canonical form, with its fingerprint.
func decodeVersionEntry(v changelog.Version) ([]byte, string, journal.Entry, error) {
	return decodeVersion(v, "entry", func(e journal.Entry) string { return e.UID }, canonical)
}

// decodeVersion checks what version v carries, an entry or a correction
// (named what in errors), whose uid is uid's, and returns it in the
// canonical form canon makes, with its fingerprint.
func decodeVersion[T interface{ Validate() error }](v changelog.Version, what string, uid func(T) string,
	canon func(T) ([]byte, string)) ([]byte, string, T, error) {
	var x T
	if err := json.Unmarshal(v.Entry, &x); err != nil {
		return nil, "", x, err
	}
	if got := uid(x); got != v.UID {
		return nil, "", x, fmt.Errorf("the %s's uid %q is not the version's %q", what, got, v.UID)
	}
	if err := x.Validate(); err != nil {
		return nil, "", x, err
	}
	body, hash := canon(x)
	return body, hash, x, nil
}

// newest is the head an entry shows: the newest that is not a deletion, or
// nil when every head is one.
func newest(heads []changelog.Version) *changelog.Version {
	var best *changelog.Version
	for i := range heads {
		if !heads[i].Deleted && (best == nil || heads[i].Newer(*best)) {
			best = &heads[i]
		}
	}
	return best
}

// settle writes into the journal the newest head of entry uid.
func (sm *syncMerge) settle(ctx context.Context, uid string, res *Merged) error {
	heads, err := sm.headsOf(ctx, uid)
	if err != nil {
		return err
	}
	var was string
	if err := sm.hash.QueryRowContext(ctx, uid).Scan(&was); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	live := 0
	for _, h := range heads {
		if !h.Deleted {
			live++
		}
	}
	conflict := "DELETE FROM sync_conflicts WHERE uid = ?"
	if live > 1 {
		conflict = "INSERT OR IGNORE INTO sync_conflicts (uid) VALUES (?)"
	}
	if _, err := sm.tx.ExecContext(ctx, conflict, uid); err != nil {
		return err
	}
	best := newest(heads)
	var id int64
	err = sm.tx.QueryRowContext(ctx, "SELECT id FROM entries WHERE uid = ?", uid).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if live > 1 {
		if err := sm.keepShown(ctx, heads, id, was); err != nil {
			return err
		}
	}
	if best == nil {
		if id == 0 {
			return sm.remember(ctx, uid, "")
		}
		if err := sm.deleteEntry(ctx, id); err != nil {
			return err
		}
		res.Deleted++
		return sm.remember(ctx, uid, "")
	}
	if len(best.Entry) == 0 {
		return nil // the version the journal shows already
	}
	d, ok := sm.decoded[best.ID]
	if !ok {
		_, hash, e, err := decodeVersionEntry(*best)
		if err != nil {
			return fmt.Errorf("version %s: %w", best.ID, err)
		}
		d = decodedEntry{e, hash}
	}
	if e, hash := d.entry, d.hash; hash != was || id == 0 {
		if id == 0 {
			if err := sm.w.insert(ctx, &e); err != nil {
				return err
			}
			if sm.firstCreated == 0 {
				sm.firstCreated = e.ID
			}
			res.Created++
		} else {
			e.ID = id
			if err := sm.overwrite(ctx, &e); err != nil {
				return err
			}
			res.Updated++
		}
		if err := sm.remember(ctx, uid, hash); err != nil {
			return err
		}
	}
	if live == 1 {
		_, err := sm.lone.ExecContext(ctx, best.ID)
		return err
	}
	return nil
}

// keepShown gives back its entry, read from the journal, to the head of
// entry id (uid) that keeps none because the journal holds it (see lone),
// now that another head stands beside it: a conflict lists the entries of
// its versions, and the journal may be about to show another. was is the
// fingerprint of what the journal held when sync last looked, which local
// has made sure it still holds.
func (sm *syncMerge) keepShown(ctx context.Context, heads []changelog.Version, id int64, was string) error {
	for _, h := range heads {
		if h.Deleted || len(h.Entry) > 0 {
			continue
		}
		shown, err := sm.read(ctx, "SELECT "+entryColumns+" FROM entries e WHERE e.id = ?", id)
		if err != nil {
			return err
		}
		if len(shown) == 0 {
			return fmt.Errorf("entry %s: the journal no longer holds version %s, which it shows", h.UID, h.ID)
		}
		if err := sm.children(ctx, shown); err != nil {
			return err
		}
		body, hash := canonical(shown[0])
		if hash != was {
			return fmt.Errorf("entry %s: the journal no longer holds version %s, which it shows", h.UID, h.ID)
		}
		if _, err := sm.tx.ExecContext(ctx, "UPDATE sync_versions SET entry = ? WHERE id = ?", string(body), h.ID); err != nil {
			return err
		}
	}
	return nil
}

// overwrite replaces entry e.ID with e as it is, its times included.
func (sm *syncMerge) overwrite(ctx context.Context, e *journal.Entry) error {
	if _, err := sm.tx.ExecContext(ctx, `UPDATE entries SET created_at = ?, updated_at = ?, occurred_on = ?, title = ?,
		prompt_set = ?, lesson = ?, severity = ?, confidence = ?, follows_uid = ? WHERE id = ?`,
		formatTime(e.CreatedAt), formatTime(e.UpdatedAt), string(e.OccurredOn), e.Title, e.PromptSet, e.Lesson,
		e.Severity, e.Confidence, nullString(e.FollowsUID), e.ID); err != nil {
		return err
	}
	for _, table := range []string{"answers", "tags", "skills", "followups"} {
		if _, err := sm.tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE entry_id = ?", e.ID); err != nil {
			return err
		}
	}
	if _, err := sm.tx.ExecContext(ctx, "DELETE FROM entries_fts WHERE rowid = ?", e.ID); err != nil {
		return err
	}
	if err := sm.w.children(ctx, e); err != nil {
		return err
	}
	return sm.w.index(ctx, e.ID, e.ID)
}

func (sm *syncMerge) deleteEntry(ctx context.Context, id int64) error {
	if _, err := sm.tx.ExecContext(ctx, "DELETE FROM entries WHERE id = ?", id); err != nil {
		return err
	}
	_, err := sm.tx.ExecContext(ctx, "DELETE FROM entries_fts WHERE rowid = ?", id)
	return err
}

func (sm *syncMerge) files(ctx context.Context, files []SyncFile) error {
	for _, f := range files {
		if _, err := sm.tx.ExecContext(ctx, `INSERT INTO sync_files (path, device, consumed, complete, problem, checked_at)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET consumed = excluded.consumed,
			complete = excluded.complete, problem = excluded.problem, checked_at = excluded.checked_at`,
			f.Path, f.Device, f.Consumed, f.Complete, f.Problem, formatTime(sm.now)); err != nil {
			return err
		}
	}
	return nil
}

// finish keeps the device's clock, and forgets the entries the merge itself
// wrote as changed.
func (sm *syncMerge) finish(ctx context.Context) error {
	if _, err := sm.tx.ExecContext(ctx, "DELETE FROM sync_pending; DELETE FROM sync_pending_corrections"); err != nil {
		return err
	}
	_, err := sm.tx.ExecContext(ctx, `UPDATE sync_device SET made = ?, clock_wall = ?, clock_logical = ?,
		generation = (SELECT generation FROM journal_meta)`, sm.dev.Made, sm.dev.Clock.Wall, sm.dev.Clock.Logical)
	return err
}

// SyncDue reports whether the journal changed since a sync last ended (or
// has never synced).
func (s *Store) SyncDue(ctx context.Context) (bool, error) {
	var due bool
	err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT generation FROM sync_device), -1)
		<> (SELECT generation FROM journal_meta)`).Scan(&due)
	return due, err
}

// canonical is the entry as versions carry it, without its local id, and
// its fingerprint: the same entry gives the same bytes whether it was read
// from the journal or from another device.
func canonical(e journal.Entry) ([]byte, string) {
	e.ID = 0
	e.CreatedAt, e.UpdatedAt = e.CreatedAt.UTC(), e.UpdatedAt.UTC()
	if e.Answers == nil {
		e.Answers = []journal.Answer{}
	}
	if e.Tags == nil {
		e.Tags = []string{}
	}
	if e.Skills == nil {
		e.Skills = []journal.Skill{}
	}
	if f := e.Followup; f != nil {
		c := *f
		if c.CheckedInAt != nil {
			t := c.CheckedInAt.UTC()
			c.CheckedInAt = &t
		}
		if c.DroppedAt != nil {
			t := c.DroppedAt.UTC()
			c.DroppedAt = &t
		}
		e.Followup = &c
	}
	body, err := json.Marshal(e)
	if err != nil {
		panic(err) // an entry is plain values
	}
	return body, fingerprint(body)
}

func fingerprint(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:16])
}

// decodedEntry is a version's entry, decoded, with its fingerprint.
type decodedEntry struct {
	entry journal.Entry
	hash  string
}

// Unpublished lists up to limit versions made here that are not yet in the
// folder, oldest first.
func (s *Store) Unpublished(ctx context.Context, limit int) ([]changelog.Version, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, uid, device, clock_wall, clock_logical, parents, deleted,
		coalesce(entry, ''), correction FROM sync_versions WHERE NOT published ORDER BY rowid LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []changelog.Version
	for rows.Next() {
		var v changelog.Version
		var parents, entry string
		if err := rows.Scan(&v.ID, &v.UID, &v.Device, &v.Clock.Wall, &v.Clock.Logical, &parents, &v.Deleted, &entry, &v.Correction); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(parents), &v.Parents); err != nil {
			return nil, err
		}
		if !v.Deleted {
			v.Entry = json.RawMessage(entry)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Published marks versions as written to the folder in file, which is
// recorded as read, and lets go of the entries of those no longer heads, and
// of those that are an entry's one live head, whose entry the journal holds.
func (s *Store) Published(ctx context.Context, versions []changelog.Version, file SyncFile) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO sync_files (path, device, consumed, complete, problem,
			checked_at) VALUES (?, ?, ?, 1, '', ?)`, file.Path, file.Device, file.Consumed, formatTime(file.Checked)); err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, `UPDATE sync_versions SET published = 1,
			entry = CASE WHEN head AND (correction OR uid IN (SELECT uid FROM sync_conflicts)) THEN entry END WHERE id = ?`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, v := range versions {
			if _, err := stmt.ExecContext(ctx, v.ID); err != nil {
				return err
			}
		}
		return nil
	})
}

// Conflict is an entry edited on two devices before either saw the other's
// edit: the journal shows the newest version; the others wait for the
// person to choose.
type Conflict struct {
	UID     string                   `json:"uid"`
	ID      int64                    `json:"id"` // the entry's id here, or 0 when every version shown is elsewhere
	Shown   changelog.Version        `json:"shown"`
	Others  []changelog.Version      `json:"others"`
	Entries map[string]journal.Entry `json:"-"` // each version's entry, by version id
	// Here is this journal's device: the versions it wrote carry it.
	Here string `json:"-"`
}

// SyncConflicts lists the entries with more than one version standing, in
// the order of the entries' ids.
func (s *Store) SyncConflicts(ctx context.Context) ([]Conflict, error) {
	var here string
	if err := s.db.QueryRowContext(ctx, "SELECT device FROM sync_device").Scan(&here); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT v.uid, coalesce(e.id, 0), v.id, v.device, v.clock_wall, v.clock_logical,
		coalesce(v.entry, '') FROM sync_versions v LEFT JOIN entries e ON e.uid = v.uid
		WHERE v.head AND NOT v.deleted AND v.uid IN (SELECT uid FROM sync_conflicts)
		ORDER BY coalesce(e.id, 0), v.uid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byUID := map[string][]changelog.Version{}
	idOf := map[string]int64{}
	var order []string
	for rows.Next() {
		var v changelog.Version
		var id int64
		var entry string
		if err := rows.Scan(&v.UID, &id, &v.ID, &v.Device, &v.Clock.Wall, &v.Clock.Logical, &entry); err != nil {
			return nil, err
		}
		v.Entry = json.RawMessage(entry)
		if _, ok := byUID[v.UID]; !ok {
			order = append(order, v.UID)
		}
		byUID[v.UID] = append(byUID[v.UID], v)
		idOf[v.UID] = id
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Conflict, 0, len(order))
	for _, uid := range order {
		heads := byUID[uid]
		shown := newest(heads)
		c := Conflict{UID: uid, ID: idOf[uid], Shown: *shown, Entries: map[string]journal.Entry{}, Here: here}
		for _, v := range heads {
			_, _, e, err := decodeVersionEntry(v)
			if err != nil {
				return nil, fmt.Errorf("version %s: %w", v.ID, err)
			}
			e.ID = c.ID
			c.Entries[v.ID] = e
			if v.ID != shown.ID {
				c.Others = append(c.Others, v)
			}
		}
		sort.Slice(c.Others, func(i, j int) bool { return c.Others[i].Newer(c.Others[j]) })
		out = append(out, c)
	}
	return out, nil
}

// SyncConflictCount is how many entries have more than one version standing.
func (s *Store) SyncConflictCount(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sync_conflicts").Scan(&n)
	return n, err
}

// ErrNoConflict is returned by SyncResolve for an entry without one.
var ErrNoConflict = errors.New("the entry has no conflicting versions")

// SyncResolve ends the conflict over entry uid by making a version that
// replaces every version standing, with the entry of version keep, and
// showing it. The next sync tells the other devices.
func (s *Store) SyncResolve(ctx context.Context, uid, keep string, now time.Time) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		d, err := device(ctx, tx)
		if err != nil {
			return err
		}
		return withWriter(ctx, tx, func(w *writer) error {
			sm := &syncMerge{s: s, tx: tx, w: w, dev: d, now: now}
			if err := sm.prepare(ctx); err != nil {
				return err
			}
			defer sm.close()
			// What was written here since the last sync is a version first,
			// so that it is among those replaced, never lost unseen.
			var res Merged
			if err := sm.local(ctx, &res); err != nil {
				return err
			}
			if err := sm.localCorrections(ctx, &res); err != nil {
				return err
			}
			heads, err := sm.headsOf(ctx, uid)
			if err != nil {
				return err
			}
			live := 0
			var kept *changelog.Version
			for i := range heads {
				if !heads[i].Deleted {
					live++
				}
				if heads[i].ID == keep && !heads[i].Deleted {
					kept = &heads[i]
				}
			}
			if live < 2 {
				return ErrNoConflict
			}
			if kept == nil {
				return fmt.Errorf("%s is not one of the entry's versions", keep)
			}
			sm.dev.Made++
			sm.dev.Clock = sm.dev.Clock.Tick(now.UnixMilli())
			v := changelog.Version{
				ID: changelog.VersionID(sm.dev.ID, sm.dev.Made), UID: uid, Device: sm.dev.ID, Clock: sm.dev.Clock,
				Parents: ids(heads), Entry: kept.Entry,
			}
			if err := sm.add(ctx, v, false); err != nil {
				return err
			}
			if err := sm.settle(ctx, uid, &res); err != nil {
				return err
			}
			if sm.firstCreated != 0 {
				if err := w.index(ctx, sm.firstCreated, sm.firstCreated); err != nil {
					return err
				}
			}
			return sm.finish(ctx)
		})
	})
}

// SyncPeer is another device whose versions this journal merged.
type SyncPeer struct {
	Device   string    `json:"device"`
	Versions int       `json:"versions"`
	Latest   time.Time `json:"latest_change"` // by the device's own clock
	Merged   time.Time `json:"merged_at"`     // when this device last merged one of its versions
}

// SyncStatus is where sync stands, read without writing anything.
type SyncStatus struct {
	Device    string     `json:"device"` // "" before the first sync
	Peers     []SyncPeer `json:"peers"`
	Conflicts int        `json:"conflicts"`
	Unread    []SyncFile `json:"unread"` // files of the folder that could not be read, with why
}

// SyncState reports where sync stands.
func (s *Store) SyncState(ctx context.Context) (SyncStatus, error) {
	st := SyncStatus{Peers: []SyncPeer{}, Unread: []SyncFile{}}
	err := s.db.QueryRowContext(ctx, "SELECT device FROM sync_device").Scan(&st.Device)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return st, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT device, versions, clock_wall, merged_at FROM sync_peers WHERE device <> ? ORDER BY merged_at DESC", st.Device)
	if err != nil {
		return st, err
	}
	defer rows.Close()
	for rows.Next() {
		var p SyncPeer
		var wall int64
		var merged string
		if err := rows.Scan(&p.Device, &p.Versions, &wall, &merged); err != nil {
			return st, err
		}
		p.Latest = time.UnixMilli(wall).UTC()
		p.Merged, _ = parseTime(merged)
		st.Peers = append(st.Peers, p)
	}
	if err := rows.Err(); err != nil {
		return st, err
	}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM sync_conflicts").Scan(&st.Conflicts); err != nil {
		return st, err
	}
	files, err := s.SyncFiles(ctx)
	if err != nil {
		return st, err
	}
	for _, f := range files {
		if f.Problem != "" {
			st.Unread = append(st.Unread, f)
		}
	}
	sort.Slice(st.Unread, func(i, j int) bool { return st.Unread[i].Path < st.Unread[j].Path })
	return st, nil
}

// SyncNewDevice gives the journal a new device id, for a copy of a journal
// (restored from a backup, or copied to another machine) that must not sync
// as the device it was copied from. The versions made here and not yet in
// the folder are made the new device's, so that none is written under the
// old id, where the other journal writes too; the folder's files that were
// found written by that other journal are read again, as another device's.
func (s *Store) SyncNewDevice(ctx context.Context) (string, error) {
	var id string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := device(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM sync_device"); err != nil {
			return err
		}
		d, err := device(ctx, tx)
		if err != nil {
			return err
		}
		id = d.ID
		rows, err := tx.QueryContext(ctx, `SELECT id FROM sync_versions WHERE device = ? AND NOT published
			ORDER BY clock_wall, clock_logical, id`, old.ID)
		if err != nil {
			return err
		}
		var waiting []string
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return err
			}
			waiting = append(waiting, v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for i, v := range waiting {
			renamed := changelog.VersionID(d.ID, int64(i+1))
			for _, q := range []string{
				"UPDATE sync_versions SET id = ?2, device = ?3 WHERE id = ?1",
				"UPDATE sync_replaced SET id = ?2 WHERE id = ?1",
				`UPDATE sync_versions SET parents = replace(parents, json_quote(?1), json_quote(?2)) WHERE NOT published`,
			} {
				if _, err := tx.ExecContext(ctx, q, v, renamed, d.ID); err != nil {
					return err
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sync_device SET made = ?, clock_wall = ?, clock_logical = ?,
			generation = -1`, len(waiting), old.Clock.Wall, old.Clock.Logical); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, "DELETE FROM sync_files WHERE device = ? AND problem <> ''", old.ID)
		return err
	})
	return id, err
}

// SyncMadeHere reports whether every one of vs, versions found under this
// journal's device id, is one this journal made: one it holds, of the same
// entry at the same clock. A version it never made was written by another
// journal with the same device id: a copy of this one.
func (s *Store) SyncMadeHere(ctx context.Context, vs []changelog.Version) (bool, error) {
	stmt, err := s.db.PrepareContext(ctx, "SELECT uid, clock_wall, clock_logical FROM sync_versions WHERE id = ?")
	if err != nil {
		return false, err
	}
	defer stmt.Close()
	for _, v := range vs {
		var uid string
		var c changelog.Clock
		err := stmt.QueryRowContext(ctx, v.ID).Scan(&uid, &c.Wall, &c.Logical)
		if errors.Is(err, sql.ErrNoRows) || err == nil && (uid != v.UID || c != v.Clock) {
			return false, nil
		}
		if err != nil {
			return false, err
		}
	}
	return true, nil
}

// SyncFileProblem records what is wrong with a file of the shared folder,
// for doctor to show, without merging anything.
func (s *Store) SyncFileProblem(ctx context.Context, f SyncFile) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		sm := &syncMerge{tx: tx, now: f.Checked}
		return sm.files(ctx, []SyncFile{f})
	})
}
