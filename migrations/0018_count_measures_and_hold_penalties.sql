-- The dashboard's indexes and daily counts, the auditor's indexes, and the enforcement feed, filled from the columns
-- 0017 added. Deadlines met before this migration are judged on time by the UTC date of the meeting against the
-- local due date (the store writes the exact answer from now on).
--
-- The enforcement feed: the ticket's late penalties are on hold from the filing of an appeal until its outcome; each
-- hold and each outcome is a row written with the case change, exported once to the enforcement system (`appeals
-- export enforcement`), which may receive a row again after a failed export (its id is stable).
UPDATE case_deadlines SET met_on_time = (SUBSTR(met_at, 1, 10) <= due_date) WHERE status = 'met' AND due_date IS NOT NULL;
UPDATE cases SET channel = COALESCE((SELECT MIN(i.channel) FROM interactions i
    WHERE i.case_reference = cases.reference AND i.kind = 'appeal_filed'), 'web');
UPDATE cases SET outcome = 'withdrawn', concluded_at = state_changed_at, amount_due_cents = ticket_amount_cents WHERE state = 'withdrawn';
CREATE INDEX cases_received ON cases (received_at, channel);
CREATE INDEX cases_concluded ON cases (concluded_at, received_at);
CREATE INDEX cases_open_age ON cases (state, received_at);
-- Partial, not led by `status`: an index led by it made SQLite answer "this case's running deadlines" (every case
-- write) by reading every running deadline.
CREATE INDEX case_deadlines_met ON case_deadlines (met_at, kind, met_on_time) WHERE status = 'met';
CREATE INDEX interactions_kind_time ON interactions (kind, occurred_at);
CREATE INDEX letters_posted ON letters (posted_on);
CREATE INDEX letters_returned ON letters (returned_at);
CREATE INDEX letter_batches_printed ON letter_batches (printed_at);
-- The auditor's view of the trail, filtered by who, what or when, newest first.
CREATE INDEX audit_events_actor ON audit_events (actor_id, seq);
CREATE INDEX audit_events_role ON audit_events (actor_role, seq);
CREATE INDEX audit_events_event ON audit_events (event, seq);
CREATE INDEX audit_events_time ON audit_events (occurred_at, seq);

CREATE TABLE enforcement_events (
    id TEXT PRIMARY KEY,
    ticket_number TEXT NOT NULL,
    case_reference TEXT NOT NULL REFERENCES cases (reference),
    event TEXT NOT NULL,                   -- hold (penalties on hold from hold_from), outcome (hold released)
    hold_from TEXT NOT NULL,               -- when the appeal was received (UTC)
    hold_to TEXT,                          -- when the outcome took effect (UTC)
    outcome TEXT,                          -- cancelled, reduced, upheld, deemed_accepted, withdrawn
    amount_cents BIGINT,                   -- what the ticket now stands at (zero when cancelled)
    occurred_at TEXT NOT NULL,
    export_id TEXT                         -- the export that sent it; NULL until sent
);
CREATE INDEX enforcement_events_unsent ON enforcement_events (export_id, occurred_at);
CREATE INDEX enforcement_events_time ON enforcement_events (occurred_at);

CREATE TABLE enforcement_exports (
    id TEXT PRIMARY KEY,
    exported_at TEXT NOT NULL,
    rows_sent INTEGER NOT NULL,
    file_name TEXT
);

-- Every appeal on record holds its ticket's penalties from its receipt; a case concluded already has its outcome
-- (its amount from the decision). Nothing is marked sent: the first export tells the enforcement system all.
INSERT INTO enforcement_events (id, ticket_number, case_reference, event, hold_from, occurred_at)
    SELECT 'hold-' || reference, ticket_number, reference, 'hold', received_at, received_at FROM cases;
INSERT INTO enforcement_events (id, ticket_number, case_reference, event, hold_from, hold_to, outcome, amount_cents, occurred_at)
    SELECT 'outcome-' || reference, ticket_number, reference, 'outcome', received_at, concluded_at, outcome,
           amount_due_cents,
           concluded_at
    FROM cases WHERE outcome IS NOT NULL;

-- The dashboard's daily counts, added to in the transaction of each change they count (a filing, a conclusion, a
-- deadline met, a call, letters printed, posted or returned), so that a period's figures are a sum over a few rows
-- per day: reading the cases themselves took 5 s for two years of a million appeals on SQLite. Days are local to
-- the authority; the counts of what happened before this migration are by UTC day.
CREATE TABLE measure_counts (
    day TEXT NOT NULL,
    measure TEXT NOT NULL,
    key TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (day, measure, key)
);
INSERT INTO measure_counts (day, measure, key, n)
    SELECT day, 'received', channel, COUNT(*) FROM (SELECT SUBSTR(received_at, 1, 10) AS day, channel FROM cases) AS x
    GROUP BY day, channel;
INSERT INTO measure_counts (day, measure, key, n)
    SELECT day, 'concluded', k, COUNT(*)
    FROM (SELECT SUBSTR(concluded_at, 1, 10) AS day, outcome || '|' || grounds AS k FROM cases WHERE concluded_at IS NOT NULL) AS x
    GROUP BY day, k;
INSERT INTO measure_counts (day, measure, key, n)
    SELECT day, 'decided', k, COUNT(*)
    FROM (SELECT SUBSTR(concluded_at, 1, 10) AS day, outcome || '|' || decided_by AS k FROM cases
          WHERE decided_by IS NOT NULL AND hours_to_decision IS NOT NULL) AS x
    GROUP BY day, k;
INSERT INTO measure_counts (day, measure, key, n)
    SELECT day, 'decision_hours', CAST(h AS TEXT), COUNT(*)
    FROM (SELECT SUBSTR(concluded_at, 1, 10) AS day, hours_to_decision / 6 * 6 AS h FROM cases
          WHERE decided_by IS NOT NULL AND hours_to_decision IS NOT NULL) AS x
    GROUP BY day, h;
INSERT INTO measure_counts (day, measure, key, n)
    SELECT day, 'deadline_met', k, COUNT(*)
    FROM (SELECT SUBSTR(met_at, 1, 10) AS day, kind || CASE WHEN met_on_time THEN '|on_time' ELSE '|late' END AS k
          FROM case_deadlines WHERE status = 'met' AND met_on_time IS NOT NULL) AS x
    GROUP BY day, k;
INSERT INTO measure_counts (day, measure, key, n)
    SELECT day, 'call', k, COUNT(*)
    FROM (SELECT SUBSTR(i.occurred_at, 1, 10) AS day,
                 CASE WHEN i.call_resolved THEN 'resolved' ELSE 'unresolved' END
                 || CASE WHEN EXISTS (SELECT 1 FROM interactions p WHERE p.case_reference = i.case_reference AND p.kind = 'call'
                                      AND p.occurred_at < i.occurred_at) THEN '|repeat' ELSE '|first' END AS k
          FROM interactions i WHERE i.kind = 'call') AS x
    GROUP BY day, k;
INSERT INTO measure_counts (day, measure, key, n)
    SELECT day, 'letters_printed', '', SUM(letters) FROM (SELECT SUBSTR(printed_at, 1, 10) AS day, letters FROM letter_batches
    WHERE printed_at IS NOT NULL) AS x GROUP BY day;
INSERT INTO measure_counts (day, measure, key, n)
    SELECT posted_on, 'letters_posted', '', COUNT(*) FROM letters WHERE posted_on IS NOT NULL GROUP BY posted_on;
INSERT INTO measure_counts (day, measure, key, n)
    SELECT day, 'letters_returned', '', COUNT(*) FROM (SELECT SUBSTR(returned_at, 1, 10) AS day FROM letters
    WHERE returned_at IS NOT NULL) AS x GROUP BY day;
-- Deadlines still open past their due time (the "missed" figure), from the running ones only.
CREATE INDEX case_deadlines_running ON case_deadlines (due_date, kind, due_at) WHERE status = 'running';
