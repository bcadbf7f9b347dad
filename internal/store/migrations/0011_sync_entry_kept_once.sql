-- The one live head of an entry (published, and in no conflict) holds what
-- the journal holds, as sync leaves it: it keeps no second copy of the
-- entry. Its entry is read back from the journal when another head comes to
-- stand beside it.
UPDATE sync_versions SET entry = NULL
	WHERE head AND published AND NOT deleted AND NOT correction AND uid NOT IN (SELECT uid FROM sync_conflicts);
