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
    outcome = CASE WHEN json_extract(decision, '$.reasonCode') = 'deemed_accepted' THEN 'deemed_accepted'
                   ELSE json_extract(decision, '$.outcome') END,
    concluded_at = strftime('%Y-%m-%dT%H:%M:%SZ', json_extract(decision, '$.decidedAt'), 'unixepoch'),
    decided_by = json_extract(decision, '$.decidedBy.value'),
    amount_due_cents = json_extract(decision, '$.amountDueCents'),
    hours_to_decision = CASE WHEN json_extract(decision, '$.decidedBy.value') IS NULL THEN NULL
        ELSE CAST((json_extract(decision, '$.decidedAt') - CAST(strftime('%s', received_at) AS REAL)) / 3600 AS INTEGER) END
WHERE decision IS NOT NULL;
