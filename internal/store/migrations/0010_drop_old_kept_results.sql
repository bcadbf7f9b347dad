-- Results an earlier failup kept beside its patterns report (the top
-- patterns for stats, the patterns' names and each one's entries for
-- search): the report's own parts hold them now, and nothing reads these.
DELETE FROM cache WHERE name IN ('top-patterns', 'pattern-names') OR name GLOB 'pattern-entries-*';
