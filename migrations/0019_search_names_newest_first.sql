-- The agent's search by name, and newest first.
--
-- A whole name ("Jo Smith"): the surname's index finds the Smiths, and each word typed before the surname must begin
-- a word of the name. name_key holds the name's words without accents, in lower case, letters only, each after a
-- space (SearchQuery.nameKey), written with the appeal and when its contact details change. Rows stored before this
-- migration get their name in lower case, accents and punctuation kept: a first name typed without them does not
-- narrow to those rows (the surname alone still finds them).
--
-- Newest first: a common surname (or a fleet's phone number) matches more appeals than a search shows, and the
-- caller is most likely calling about a recent one. The appeal keeps its case's received time, and the indexes the
-- search reads by name, phone and email end with it, so "the newest ten" is read from the end of an index range.
ALTER TABLE appeals ADD COLUMN name_key TEXT;
ALTER TABLE appeals ADD COLUMN received_at TEXT;
UPDATE appeals SET name_key = ' ' || lower(contact_name),
    received_at = (SELECT c.received_at FROM cases c WHERE c.reference = appeals.case_reference);
DROP INDEX appeals_surname;
CREATE INDEX appeals_surname ON appeals (surname_key, received_at);
DROP INDEX appeals_mobile;
CREATE INDEX appeals_mobile ON appeals (mobile_e164, received_at);
DROP INDEX appeals_email_lower;
CREATE INDEX appeals_email_lower ON appeals (lower(email), received_at);
