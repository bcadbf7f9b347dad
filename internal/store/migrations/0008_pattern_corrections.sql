-- The person's corrections to the recurring patterns (a theme renamed,
-- dismissed, merged into another, an entry put in or taken out, words that
-- mean a theme for them). The uid is the same on every device for the same
-- correction of the same theme, so one made twice, imported or synced is one
-- row.
CREATE TABLE pattern_corrections (
	uid        TEXT PRIMARY KEY,
	kind       TEXT NOT NULL,
	theme      TEXT NOT NULL, -- the theme's key
	target     TEXT NOT NULL, -- the new name, the theme merged in, the entry's uid or the word
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- Corrections written since sync last looked, as sync_pending is for
-- entries.
CREATE TABLE sync_pending_corrections (uid TEXT PRIMARY KEY) WITHOUT ROWID;

-- A correction changes what the patterns are, as a change to an entry does:
-- kept results are made anew, and the next sync sends it. (Not INSERT OR
-- IGNORE: an upsert's conflict handling would override it.)
CREATE TRIGGER pattern_corrections_insert AFTER INSERT ON pattern_corrections BEGIN
	UPDATE journal_meta SET generation = generation + 1;
	INSERT INTO sync_pending_corrections (uid) SELECT new.uid
		WHERE NOT EXISTS (SELECT 1 FROM sync_pending_corrections WHERE uid = new.uid);
END;
CREATE TRIGGER pattern_corrections_update AFTER UPDATE ON pattern_corrections BEGIN
	UPDATE journal_meta SET generation = generation + 1;
	INSERT INTO sync_pending_corrections (uid) SELECT new.uid
		WHERE NOT EXISTS (SELECT 1 FROM sync_pending_corrections WHERE uid = new.uid);
END;
CREATE TRIGGER pattern_corrections_delete AFTER DELETE ON pattern_corrections BEGIN
	UPDATE journal_meta SET generation = generation + 1;
	INSERT INTO sync_pending_corrections (uid) SELECT old.uid
		WHERE NOT EXISTS (SELECT 1 FROM sync_pending_corrections WHERE uid = old.uid);
END;

-- Versions of corrections travel in the change log beside those of
-- entries; this tells them apart.
ALTER TABLE sync_versions ADD COLUMN correction INTEGER NOT NULL DEFAULT 0;
