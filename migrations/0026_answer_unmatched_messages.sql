-- A member of staff answers an unmatched message (no case found for it: "which appeal is this about?"). The answer
-- goes through the outbox like any message, as a notification without a case (`case_reference` empty) to the
-- sender's own address or number (`address`), under `subject` ("Re: …" of theirs); the message then leaves the
-- Unmatched queue, kept with who answered and when.
ALTER TABLE notifications ADD COLUMN address TEXT;
ALTER TABLE notifications ADD COLUMN subject TEXT;
ALTER TABLE inbound_messages ADD COLUMN answered_at TEXT;
ALTER TABLE inbound_messages ADD COLUMN answered_by TEXT;
