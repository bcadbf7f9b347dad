-- One row about the journal as a whole: a generation that every change to an
-- entry moves on, so results computed from every entry (the recurring
-- patterns) can be kept until the journal changes; and the highest entry id
-- ever given, so an id is never given twice, even after the newest entry is
-- deleted: a reminder that says "failup checkin 12" must not come to mean
-- another entry. (IF NOT EXISTS lets a test build an older journal with
-- today's writes.)
CREATE TABLE IF NOT EXISTS journal_meta (
	id            INTEGER PRIMARY KEY CHECK (id = 1),
	generation    INTEGER NOT NULL,
	last_entry_id INTEGER NOT NULL
);
INSERT OR IGNORE INTO journal_meta (id, generation, last_entry_id) SELECT 1, 0, coalesce(max(id), 0) FROM entries;

CREATE TRIGGER IF NOT EXISTS entries_generation_insert AFTER INSERT ON entries BEGIN
	UPDATE journal_meta SET generation = generation + 1, last_entry_id = max(last_entry_id, new.id);
END;
CREATE TRIGGER IF NOT EXISTS entries_generation_update AFTER UPDATE ON entries BEGIN
	UPDATE journal_meta SET generation = generation + 1;
END;
CREATE TRIGGER IF NOT EXISTS entries_generation_delete AFTER DELETE ON entries BEGIN
	UPDATE journal_meta SET generation = generation + 1;
END;

-- Results kept by name until the journal's generation, or what else they
-- depend on (the day, the lexicon), moves on.
CREATE TABLE IF NOT EXISTS cache (
	name    TEXT PRIMARY KEY,
	version TEXT NOT NULL,
	body    BLOB NOT NULL
);
