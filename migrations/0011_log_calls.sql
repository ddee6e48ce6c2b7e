-- A logged call's reason, outcome and whether it was resolved on the call (first-contact resolution), beside the
-- interaction's channel, direction, agent, time and note.
ALTER TABLE interactions ADD COLUMN call_reason TEXT;
ALTER TABLE interactions ADD COLUMN call_outcome TEXT;
ALTER TABLE interactions ADD COLUMN call_resolved BOOLEAN;
