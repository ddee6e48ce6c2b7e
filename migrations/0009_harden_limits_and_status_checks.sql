-- Hardening (issue 11).
--
-- A secret per deployment, made on first use and shared by every instance on this database: staff anti-forgery
-- tokens are HMACs of the session with it, and typed emails of failed sign-ins are kept only as HMACs.
CREATE TABLE server_keys (
    name TEXT PRIMARY KEY,
    key_hex TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Rate counters: sign-in attempts (per account and client address, per address, per account) and, when several
-- instances share one PostgreSQL, ticket and status look-ups per client. One row per counter and fixed window,
-- incremented in one statement that returns the new count, so that parallel requests each get their own number
-- and exactly the limit passes. A sign-in attempt is counted before the password is hashed and taken off again
-- when it was not a failure. Counter keys never hold a typed email: the account part is an HMAC of it.
-- Replaces sign_in_failures, which kept the typed email and was counted only after hashing.
DROP TABLE sign_in_failures;
CREATE TABLE rate_counters (
    counter_key TEXT NOT NULL,
    window_start TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    PRIMARY KEY (counter_key, window_start)
);
CREATE INDEX rate_counters_window ON rate_counters (window_start);

-- Online status checks: one row per case and day with a count, instead of a timeline row per view (20,000 views
-- of one case made its staff page unreadable). `day` is the authority's local date.
CREATE TABLE status_checks (
    case_reference TEXT NOT NULL REFERENCES cases (reference),
    day TEXT NOT NULL,
    checks INTEGER NOT NULL,
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    PRIMARY KEY (case_reference, day)
);
INSERT INTO status_checks (case_reference, day, checks, first_at, last_at)
    SELECT case_reference, SUBSTR(occurred_at, 1, 10), COUNT(*), MIN(occurred_at), MAX(occurred_at)
    FROM interactions WHERE kind = 'status_checked' GROUP BY case_reference, SUBSTR(occurred_at, 1, 10);
DELETE FROM interactions WHERE kind = 'status_checked';
