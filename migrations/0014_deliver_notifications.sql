-- The outbox's delivery: each citizen message is claimed by one sender for a lease (claimed_by, claimed_until),
-- marked sent when the mail server or the text provider accepted it, tried again later (next_attempt_at, the wait
-- doubling) or given up on (failed, with last_error). Status: pending, sending, sent, failed, skipped (nobody to
-- send it to: the citizen chose the post). Messages to staff stay pending: the workspace's queues show them.
ALTER TABLE notifications ADD COLUMN status TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE notifications ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notifications ADD COLUMN next_attempt_at TEXT;
ALTER TABLE notifications ADD COLUMN claimed_by TEXT;
ALTER TABLE notifications ADD COLUMN claimed_until TEXT;
ALTER TABLE notifications ADD COLUMN last_error TEXT;
-- When the case took the message's effect (an acknowledgement accepted acknowledges the case).
ALTER TABLE notifications ADD COLUMN case_updated_at TEXT;
CREATE INDEX notifications_outbox ON notifications (recipient, status, next_attempt_at);
CREATE INDEX notifications_case ON notifications (case_reference, created_at);
