-- API keys for systems that call the portal (the enforcement system's exports): shown once when created, kept
-- only as a SHA-256, revocable. The prefix (first 8 characters) lets an administrator tell keys apart.
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL REFERENCES staff (id),
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
