-- A message is claimed before anything is done with it, and finished with its rows in one transaction:
-- `state` is 'receiving' from the claim until 'done'. A receiver that dies in between leaves the row 'receiving';
-- once `claimed_until` has passed, the next delivery of the message takes it over and goes on where the dead one
-- stopped (`files_kept` attachments are already kept), so nothing is done twice and nothing is lost. Rows stored
-- before this migration are finished.
ALTER TABLE inbound_messages ADD COLUMN state TEXT NOT NULL DEFAULT 'done';
ALTER TABLE inbound_messages ADD COLUMN claimed_until TEXT;
ALTER TABLE inbound_messages ADD COLUMN files_kept INTEGER NOT NULL DEFAULT 0;
