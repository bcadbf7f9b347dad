-- What a journal of 100,000 entries needs to stay quick: indexes that answer
-- the browse filter, what is due and chains of attempts without reading every
-- entry, and counts for stats kept up to date as entries change.

-- The browse filter matches titles while walking newest first: with the title
-- in the index it never reads the entries themselves.
DROP INDEX entries_newest_first;
CREATE INDEX entries_newest_first ON entries (occurred_on DESC, created_at DESC, id DESC, title);

-- Commitments not yet checked in on or set aside, by due day.
CREATE INDEX followups_open_by_due ON followups (due_on, entry_id)
	WHERE checked_in_at IS NULL AND dropped_at IS NULL;

-- The few entries written as a follow-on to another.
CREATE INDEX entries_by_follows ON entries (follows_uid) WHERE follows_uid IS NOT NULL;

-- How many entries (or skills, or commitments) have each value of what stats
-- shows, so it reads a few hundred counts instead of every entry. Rows whose
-- count falls to 0 stay, and are ignored.
CREATE TABLE tallies (
	kind TEXT    NOT NULL, -- month, confidence, skill, state, after, change or days
	key          NOT NULL, -- the value counted: a month, a skill name, a number
	n    INTEGER NOT NULL,
	PRIMARY KEY (kind, key)
) WITHOUT ROWID;

-- A commitment's tallies, one row each. state is where it stands; stats
-- splits the open ones into waiting and upcoming by the day it is asked on.
-- change and days read the commitment's entry too.
CREATE VIEW followup_tallies (entry_id, kind, key) AS
	SELECT entry_id, 'state', CASE
		WHEN dropped_at IS NOT NULL THEN 'dropped'
		WHEN checked_in_at IS NULL THEN 'open'
		WHEN tried_again THEN 'tried'
		ELSE 'not-tried' END
	FROM followups
	UNION ALL SELECT entry_id, 'after', confidence_after FROM followups WHERE confidence_after IS NOT NULL
	UNION ALL SELECT f.entry_id, 'change', f.confidence_after - e.confidence
		FROM followups f JOIN entries e ON e.id = f.entry_id
		WHERE f.confidence_after IS NOT NULL AND e.confidence IS NOT NULL
	UNION ALL SELECT f.entry_id, 'days',
		max(CAST(julianday(substr(f.checked_in_at, 1, 10)) - julianday(e.occurred_on) AS INTEGER), 0)
		FROM followups f JOIN entries e ON e.id = f.entry_id
		WHERE f.checked_in_at IS NOT NULL AND f.tried_again;

-- Each trigger adds to or takes from the tallies its row changes, in one
-- upsert; a NULL key is a value the row does not have, and counts nothing.
CREATE TRIGGER entries_tally_insert AFTER INSERT ON entries BEGIN
	INSERT INTO tallies (kind, key, n)
		SELECT * FROM (VALUES ('month', substr(new.occurred_on, 1, 7), 1), ('confidence', new.confidence, 1))
		WHERE column2 IS NOT NULL
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
-- Before, while the commitment's tallies that read the entry can be found;
-- the commitment's own are taken away when it goes with the entry.
CREATE TRIGGER entries_tally_delete BEFORE DELETE ON entries BEGIN
	INSERT INTO tallies (kind, key, n)
		SELECT * FROM (VALUES ('month', substr(old.occurred_on, 1, 7), -1), ('confidence', old.confidence, -1))
		WHERE column2 IS NOT NULL
		UNION ALL SELECT kind, key, -1 FROM followup_tallies WHERE entry_id = old.id AND kind IN ('change', 'days')
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER entries_tally_update_before BEFORE UPDATE OF occurred_on, confidence ON entries BEGIN
	INSERT INTO tallies (kind, key, n)
		SELECT kind, key, -1 FROM followup_tallies WHERE entry_id = old.id AND kind IN ('change', 'days')
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER entries_tally_update_after AFTER UPDATE OF occurred_on, confidence ON entries BEGIN
	INSERT INTO tallies (kind, key, n)
		SELECT * FROM (VALUES
			('month', substr(old.occurred_on, 1, 7), -1), ('month', substr(new.occurred_on, 1, 7), 1),
			('confidence', old.confidence, -1), ('confidence', new.confidence, 1))
		WHERE column2 IS NOT NULL
		UNION ALL SELECT kind, key, 1 FROM followup_tallies WHERE entry_id = new.id AND kind IN ('change', 'days')
		ON CONFLICT DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER skills_tally_insert AFTER INSERT ON skills BEGIN
	INSERT INTO tallies (kind, key, n) VALUES ('skill', new.skill, 1) ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER skills_tally_delete AFTER DELETE ON skills BEGIN
	UPDATE tallies SET n = n - 1 WHERE kind = 'skill' AND key = old.skill;
END;

CREATE TRIGGER followups_tally_insert AFTER INSERT ON followups BEGIN
	INSERT INTO tallies (kind, key, n) SELECT kind, key, 1 FROM followup_tallies WHERE entry_id = new.entry_id
		ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER followups_tally_delete BEFORE DELETE ON followups BEGIN
	UPDATE tallies SET n = n - 1 FROM followup_tallies t
		WHERE t.entry_id = old.entry_id AND tallies.kind = t.kind AND tallies.key = t.key;
END;
CREATE TRIGGER followups_tally_update_before BEFORE UPDATE ON followups BEGIN
	UPDATE tallies SET n = n - 1 FROM followup_tallies t
		WHERE t.entry_id = old.entry_id AND tallies.kind = t.kind AND tallies.key = t.key;
END;
CREATE TRIGGER followups_tally_update_after AFTER UPDATE ON followups BEGIN
	INSERT INTO tallies (kind, key, n) SELECT kind, key, 1 FROM followup_tallies WHERE entry_id = new.entry_id
		ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- The counts of the entries already in the journal.
INSERT INTO tallies (kind, key, n)
	SELECT 'month', substr(occurred_on, 1, 7), count(*) FROM entries GROUP BY 2
	UNION ALL SELECT 'confidence', confidence, count(*) FROM entries WHERE confidence IS NOT NULL GROUP BY 2
	UNION ALL SELECT 'skill', skill, count(*) FROM skills GROUP BY 2
	UNION ALL SELECT kind, key, count(*) FROM followup_tallies GROUP BY 1, 2;
