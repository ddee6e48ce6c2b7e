-- Hardening (issue 11).
--
-- A secret per deployment, made on first use and shared by every instance on this database: staff anti-forgery
-- tokens are HMACs of the session with it, and typed emails of failed sign-ins are kept only as HMACs.
CREATE TABLE server_keys (
    name TEXT PRIMARY KEY,
    key_hex TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Sign-in attempts, recorded before the password is checked (so that parallel guesses count each other), and
-- deleted again when the password was right. The typed email is never stored: account_key is an HMAC of it.
-- Replaces sign_in_failures, which kept the typed email.
DROP TABLE sign_in_failures;
CREATE TABLE sign_in_attempts (
    id TEXT PRIMARY KEY,
    account_key TEXT NOT NULL,
    address TEXT NOT NULL,                 -- client address (IPv4, or an IPv6 /64)
    attempted_at TEXT NOT NULL
);
CREATE INDEX sign_in_attempts_account ON sign_in_attempts (account_key, attempted_at);
CREATE INDEX sign_in_attempts_address ON sign_in_attempts (address, attempted_at);
CREATE INDEX sign_in_attempts_time ON sign_in_attempts (attempted_at);

-- Ticket and status look-ups per client and fixed window, when several instances share one PostgreSQL.
CREATE TABLE lookup_counts (
    client TEXT NOT NULL,
    window_start TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    PRIMARY KEY (client, window_start)
);
CREATE INDEX lookup_counts_window ON lookup_counts (window_start);

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
