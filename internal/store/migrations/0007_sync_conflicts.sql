-- The entries with more than one version standing, kept as each merge
-- settles an entry, so that listing and counting conflicts does not read
-- every version.
CREATE TABLE sync_conflicts (uid TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO sync_conflicts (uid)
	SELECT uid FROM sync_versions WHERE head AND NOT deleted GROUP BY uid HAVING count(*) > 1;
