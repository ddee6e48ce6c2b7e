-- What the supervisors' dashboard and the enforcement feed read, as columns instead of the decision's JSON:
--   channel            the channel the appeal came by (web, phone, mail), written when the case is filed;
--   outcome            cancelled, reduced, upheld, deemed_accepted or withdrawn, once the case has one;
--   concluded_at       when that outcome took effect (the decision, the deemed acceptance, the withdrawal);
--   decided_by         the reviewer whose decision it is (the proposer of an approved one);
--   hours_to_decision  whole hours from receipt to the decision (decisions by reviewers only);
--   amount_due_cents   what the ticket stands at after the outcome (zero when cancelled);
--   case_deadlines.met_on_time  whether a met deadline was met by the time it fell due.
-- This file reads the decisions' JSON, which the engines read differently; 0018 does the rest on both alike.
ALTER TABLE cases ADD COLUMN channel TEXT;
ALTER TABLE cases ADD COLUMN outcome TEXT;
ALTER TABLE cases ADD COLUMN concluded_at TEXT;
ALTER TABLE cases ADD COLUMN decided_by TEXT;
ALTER TABLE cases ADD COLUMN hours_to_decision INTEGER;
ALTER TABLE cases ADD COLUMN amount_due_cents BIGINT;
ALTER TABLE case_deadlines ADD COLUMN met_on_time BOOLEAN;
UPDATE cases SET
    outcome = CASE WHEN (decision::json ->> 'reasonCode') = 'deemed_accepted' THEN 'deemed_accepted'
                   ELSE decision::json ->> 'outcome' END,
    concluded_at = to_char(to_timestamp((decision::json ->> 'decidedAt')::double precision) AT TIME ZONE 'UTC',
                           'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    decided_by = decision::json -> 'decidedBy' ->> 'value',
    amount_due_cents = (decision::json ->> 'amountDueCents')::bigint,
    hours_to_decision = CASE WHEN (decision::json -> 'decidedBy' ->> 'value') IS NULL THEN NULL
        ELSE FLOOR(((decision::json ->> 'decidedAt')::double precision - EXTRACT(EPOCH FROM received_at::timestamptz)) / 3600)::integer END
WHERE decision IS NOT NULL;
