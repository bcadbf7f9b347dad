-- The journal's own identity, and a stamp of it that every write
-- transaction rewrites, so that each generation of the write-ahead log holds
-- a page saying which journal, and which of its writes, it belongs to. A
-- -wal file beside the journal whose stamp names another journal, or writes
-- older than the journal already holds, is refused before SQLite can replay
-- it. The mark is the bytes ff fe "failup-id" ff fe (never valid UTF-8, so
-- never in an entry's text), the 16-byte id, and the count of writes as 20
-- digits.
CREATE TABLE journal_stamp (
	id      INTEGER PRIMARY KEY CHECK (id = 1),
	journal BLOB    NOT NULL, -- 16 random bytes, for good
	writes  INTEGER NOT NULL,
	mark    BLOB    NOT NULL
);
INSERT INTO journal_stamp (id, journal, writes, mark) VALUES (1, randomblob(16), 0, x'');
UPDATE journal_stamp SET mark = CAST(x'fffe' || 'failup-id' || x'fffe' || journal || printf('%020d', writes) AS BLOB);

-- Drafts and cached results are written outside the store's transactions.
CREATE TRIGGER drafts_stamp_insert AFTER INSERT ON drafts BEGIN
	UPDATE journal_stamp SET writes = writes + 1, mark = CAST(x'fffe' || 'failup-id' || x'fffe' || journal || printf('%020d', writes + 1) AS BLOB);
END;
CREATE TRIGGER drafts_stamp_update AFTER UPDATE ON drafts BEGIN
	UPDATE journal_stamp SET writes = writes + 1, mark = CAST(x'fffe' || 'failup-id' || x'fffe' || journal || printf('%020d', writes + 1) AS BLOB);
END;
CREATE TRIGGER drafts_stamp_delete AFTER DELETE ON drafts BEGIN
	UPDATE journal_stamp SET writes = writes + 1, mark = CAST(x'fffe' || 'failup-id' || x'fffe' || journal || printf('%020d', writes + 1) AS BLOB);
END;
CREATE TRIGGER cache_stamp_insert AFTER INSERT ON cache BEGIN
	UPDATE journal_stamp SET writes = writes + 1, mark = CAST(x'fffe' || 'failup-id' || x'fffe' || journal || printf('%020d', writes + 1) AS BLOB);
END;
CREATE TRIGGER cache_stamp_update AFTER UPDATE ON cache BEGIN
	UPDATE journal_stamp SET writes = writes + 1, mark = CAST(x'fffe' || 'failup-id' || x'fffe' || journal || printf('%020d', writes + 1) AS BLOB);
END;
