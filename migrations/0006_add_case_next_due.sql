-- The queue's order (priority, then the next due deadline) from one index instead of a deadline look-up per case.
-- next_due_at is the earliest running deadline's due time, or '9999-12-31T00:00:00Z' when none runs; the store
-- keeps it in step whenever it writes a case's deadlines.
ALTER TABLE cases ADD COLUMN next_due_at TEXT NOT NULL DEFAULT '9999-12-31T00:00:00Z';
UPDATE cases SET next_due_at = COALESCE(
    (SELECT MIN(d.due_at) FROM case_deadlines d WHERE d.case_reference = cases.reference AND d.status = 'running' AND d.due_at IS NOT NULL),
    '9999-12-31T00:00:00Z');
CREATE INDEX cases_queue ON cases (queue, assignee, priority DESC, next_due_at, reference);
