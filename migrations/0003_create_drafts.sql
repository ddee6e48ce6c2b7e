-- Appeals in progress, kept server-side for a day and bound to a cookie, so that nothing a citizen typed is
-- lost to an error, a reload or the back button. The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE appeal_drafts (
    token_hash TEXT PRIMARY KEY,
    data TEXT NOT NULL,                    -- JSON of the answers so far
    updated_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX appeal_drafts_expiry ON appeal_drafts (expires_at);
