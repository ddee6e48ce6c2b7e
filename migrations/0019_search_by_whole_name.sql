-- The agent's search by a whole name ("Jo Smith"): the surname's index finds the Smiths, and each word typed before
-- the surname must begin a word of the name. name_key holds the name's words without accents, in lower case, letters
-- only, each after a space (SearchQuery.nameKey), written with the appeal and when its contact details change.
-- Rows stored before this migration get their name in lower case, accents and punctuation kept: a first name typed
-- without them does not narrow to those rows (the surname alone still finds them).
ALTER TABLE appeals ADD COLUMN name_key TEXT;
UPDATE appeals SET name_key = ' ' || lower(contact_name);
