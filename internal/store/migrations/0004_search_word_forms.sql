-- Search finds every form of a word: the index holds each word in the form
-- it shares with its other forms ("slept", "sleeping": "sleep"; "Priya's":
-- "priya"), made by failup's own failup_words(), and queries are read the
-- same way. It covers everything a person would search: the title, the
-- lesson, the answers, the commitment and its outcome, tags and skills. It
-- keeps no copy of the text: snippets are made from the entries themselves.
DROP TABLE entries_fts;
CREATE VIRTUAL TABLE entries_fts USING fts5 (
	title, lesson, answers, followup, labels,
	content = '', contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 2'
);

-- What the index holds for each entry: inserting from this view is the one
-- way the index is written.
CREATE VIEW IF NOT EXISTS entries_search_text (id, title, lesson, answers, followup, labels) AS
	SELECT e.id, failup_words(e.title), failup_words(e.lesson),
		failup_words(coalesce((SELECT group_concat(text, char(10)) FROM (SELECT a.text FROM answers a WHERE a.entry_id = e.id ORDER BY a.position)), '')),
		failup_words(coalesce((SELECT f.commitment || char(10) || coalesce(f.outcome, '') FROM followups f WHERE f.entry_id = e.id), '')),
		failup_words(coalesce((SELECT group_concat(t.tag, ' ') FROM tags t WHERE t.entry_id = e.id), '') || ' ' ||
			coalesce((SELECT group_concat(s.skill, ' ') FROM skills s WHERE s.entry_id = e.id), ''))
	FROM entries e;

INSERT INTO entries_fts (rowid, title, lesson, answers, followup, labels) SELECT * FROM entries_search_text;

-- A check-in writes the outcome in place: the entry is indexed again.
CREATE TRIGGER IF NOT EXISTS followups_search_update AFTER UPDATE OF commitment, outcome ON followups BEGIN
	DELETE FROM entries_fts WHERE rowid = new.entry_id;
	INSERT INTO entries_fts (rowid, title, lesson, answers, followup, labels)
		SELECT * FROM entries_search_text WHERE id = new.entry_id;
END;

-- The words in the index, for suggestions when nothing matches.
CREATE VIRTUAL TABLE IF NOT EXISTS entries_fts_words USING fts5vocab (entries_fts, row);
