-- The latest confidence ratings given at check-ins, which the growth screen
-- draws, are found through this index instead of by sorting every follow-up.
CREATE INDEX followups_checked_in ON followups (checked_in_at DESC)
	WHERE checked_in_at IS NOT NULL AND confidence_after IS NOT NULL;
