-- The phone agent's one search box: every identifier a caller may read out is served from an index.
-- Surnames: the last word of the name without accents, in lower case (SearchQuery.surnameKey), written with the
-- appeal. Rows filed before this migration have none and are found by every other identifier.
ALTER TABLE appeals ADD COLUMN surname_key TEXT;
CREATE INDEX appeals_surname ON appeals (surname_key);
-- Emails are matched without regard to case.
CREATE INDEX appeals_email_lower ON appeals (lower(email));
-- Last contact per case for the results: interactions_case (case_reference, occurred_at) already serves it.
