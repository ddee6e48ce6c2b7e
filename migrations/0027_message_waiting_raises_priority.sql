-- A message from the citizen waits on the case (nobody who works it has opened it since): the queues say "new
-- message from the citizen" from this column, and the case's priority is 20 higher while it is set. Cases with
-- such a message already take the flag and the rise now; every later change recomputes the priority with it.
ALTER TABLE cases ADD COLUMN message_waiting BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE cases SET message_waiting = TRUE, priority = priority + 20
WHERE EXISTS (SELECT 1 FROM inbound_messages m WHERE m.case_reference = cases.reference AND m.read_at IS NULL
              AND m.disposition = 'on_case');
