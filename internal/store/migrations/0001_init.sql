-- The first schema: entries with their answers, tags, skills and follow-up,
-- drafts of reflections in progress, and a full-text index.

CREATE TABLE entries (
	id          INTEGER PRIMARY KEY,
	uid         TEXT    NOT NULL UNIQUE,
	created_at  TEXT    NOT NULL,
	updated_at  TEXT    NOT NULL,
	occurred_on TEXT    NOT NULL,
	title       TEXT    NOT NULL,
	prompt_set  TEXT    NOT NULL,
	lesson      TEXT    NOT NULL DEFAULT '',
	severity    INTEGER CHECK (severity BETWEEN 1 AND 5),
	confidence  INTEGER CHECK (confidence BETWEEN 1 AND 10),
	follows_uid TEXT
);
CREATE INDEX entries_newest_first ON entries (occurred_on DESC, created_at DESC, id DESC);

CREATE TABLE answers (
	entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	key      TEXT    NOT NULL,
	question TEXT    NOT NULL,
	text     TEXT    NOT NULL,
	PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;

CREATE TABLE tags (
	entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	tag      TEXT    NOT NULL COLLATE NOCASE,
	PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;
CREATE INDEX tags_by_name ON tags (tag, entry_id);

CREATE TABLE skills (
	entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	skill    TEXT    NOT NULL,
	PRIMARY KEY (entry_id, position)
) WITHOUT ROWID;
CREATE INDEX skills_by_name ON skills (skill, entry_id);

CREATE TABLE followups (
	entry_id         INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
	commitment       TEXT    NOT NULL,
	due_on           TEXT,
	checked_in_at    TEXT,
	tried_again      INTEGER,
	outcome          TEXT,
	confidence_after INTEGER CHECK (confidence_after BETWEEN 1 AND 10),
	dropped_at       TEXT
);
CREATE INDEX followups_by_due ON followups (due_on);

-- One draft per reflection in progress: key is "new" or "edit:ID".
CREATE TABLE drafts (
	key        TEXT PRIMARY KEY,
	body       TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

-- Kept in step with entries by the store, in the same transaction as each write:
-- the answers column gathers every answer of the entry.
CREATE VIRTUAL TABLE entries_fts USING fts5 (
	title, answers, lesson,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
