-- A letter states the facts of the event that queued it, kept with it (JSON: the state, the decision with its
-- amounts and replies, an answer's due day) in that event's transaction.
ALTER TABLE letters ADD COLUMN facts TEXT;

-- When a case was entered, apart from when it counts as received (a letter's postmark); and the clerk who typed a
-- postmark long before the day of entry, until a supervisor confirms it (deadlines count from entry till then).
ALTER TABLE cases ADD COLUMN entered_at TEXT;
UPDATE cases SET entered_at = received_at;
ALTER TABLE cases ADD COLUMN postmark_entered_by TEXT;
-- The supervisors' list of postmarks to confirm.
CREATE INDEX cases_postmark_to_confirm ON cases (received_at) WHERE postmark_entered_by IS NOT NULL;
