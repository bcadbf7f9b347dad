-- Sync through a shared folder: this device's name and clock, every version
-- of every entry known from any device, what the journal held when sync last
-- looked, and which files of the folder have been read.

CREATE TABLE sync_device (
	id            INTEGER PRIMARY KEY CHECK (id = 1),
	device        TEXT    NOT NULL,
	made          INTEGER NOT NULL, -- versions this device has made
	clock_wall    INTEGER NOT NULL, -- the hybrid logical clock: milliseconds
	clock_logical INTEGER NOT NULL, -- and a counter within one
	generation    INTEGER NOT NULL DEFAULT -1 -- the journal's generation when a sync last ended
);

-- Every version known, from this device or another. The entry is kept while
-- the version is a head (no known version replaces it) or is not yet
-- written to the folder; a replaced one keeps its name, so that it stays
-- replaced however late it arrives.
CREATE TABLE sync_versions (
	id            TEXT    PRIMARY KEY, -- device:n
	uid           TEXT    NOT NULL,
	device        TEXT    NOT NULL,
	clock_wall    INTEGER NOT NULL,
	clock_logical INTEGER NOT NULL,
	parents       TEXT    NOT NULL, -- JSON list of the version ids it replaces
	deleted       INTEGER NOT NULL,
	entry         TEXT,
	head          INTEGER NOT NULL,
	published     INTEGER NOT NULL
);
CREATE INDEX sync_versions_heads ON sync_versions (uid) WHERE head;
CREATE INDEX sync_versions_unpublished ON sync_versions (published) WHERE NOT published;

-- Versions some version names as a parent, including ones not yet arrived.
CREATE TABLE sync_replaced (id TEXT PRIMARY KEY) WITHOUT ROWID;

-- A fingerprint of each entry as the journal held it when sync last looked:
-- an entry that differs from it was changed here since.
CREATE TABLE sync_entries (
	uid  TEXT PRIMARY KEY,
	hash TEXT NOT NULL
) WITHOUT ROWID;

-- Entries written to since sync last looked, kept by the triggers below so
-- that a sync reads only those.
CREATE TABLE sync_pending (uid TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO sync_pending (uid) SELECT uid FROM entries;
CREATE TRIGGER sync_pending_insert AFTER INSERT ON entries BEGIN
	INSERT OR IGNORE INTO sync_pending (uid) VALUES (new.uid);
END;
CREATE TRIGGER sync_pending_update AFTER UPDATE ON entries BEGIN
	INSERT OR IGNORE INTO sync_pending (uid) VALUES (new.uid);
END;
CREATE TRIGGER sync_pending_delete AFTER DELETE ON entries BEGIN
	INSERT OR IGNORE INTO sync_pending (uid) VALUES (old.uid);
END;

-- Each file of the shared folder read: how far, whether it is whole, and
-- what was wrong with it, if anything.
CREATE TABLE sync_files (
	path       TEXT    PRIMARY KEY, -- relative to the folder
	device     TEXT    NOT NULL,
	consumed   INTEGER NOT NULL,
	complete   INTEGER NOT NULL,
	problem    TEXT    NOT NULL,
	checked_at TEXT    NOT NULL
) WITHOUT ROWID;

-- Each device whose versions were merged.
CREATE TABLE sync_peers (
	device     TEXT    PRIMARY KEY,
	versions   INTEGER NOT NULL,
	clock_wall INTEGER NOT NULL, -- the latest clock among its versions
	merged_at  TEXT    NOT NULL  -- when this device last merged one of them
) WITHOUT ROWID;
