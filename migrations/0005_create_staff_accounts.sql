-- Staff sign-in: a bcrypt hash per account, sessions kept in the database (so several instances share them),
-- and failed sign-ins, for the lock-out (10 failures in 15 minutes per account and per address).
ALTER TABLE staff ADD COLUMN password_hash TEXT;

CREATE TABLE staff_sessions (
    token_hash TEXT PRIMARY KEY,           -- SHA-256 of the cookie's 256-bit token; the token itself is never stored
    staff_id TEXT NOT NULL REFERENCES staff (id),
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL               -- absolute end: created_at + 12 hours
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);

CREATE TABLE sign_in_failures (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    address TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX sign_in_failures_email ON sign_in_failures (email, failed_at);
CREATE INDEX sign_in_failures_address ON sign_in_failures (address, failed_at);
