-- Evidence files: the chain of custody of what a citizen sent and what was derived from it. The bytes live in
-- the evidence storage (a local folder) under random keys; a row is committed only after its files are durable.
-- Before the appeal is filed a file belongs to a draft (draft_key = SHA-256 of the draft's cookie token); filing
-- sets case_reference in the same transaction as the case.
CREATE TABLE evidence (
    id TEXT PRIMARY KEY,
    case_reference TEXT REFERENCES cases (reference),
    draft_key TEXT,
    original_name TEXT NOT NULL,           -- as the citizen's device named it; shown, never used as a path
    kind TEXT NOT NULL,                    -- photo, pdf
    media_type TEXT NOT NULL,              -- detected from the bytes by libmagic
    original_key TEXT NOT NULL,
    original_size BIGINT NOT NULL,
    original_sha256 TEXT NOT NULL,
    display_key TEXT,
    display_size BIGINT,
    display_sha256 TEXT,
    thumbnail_key TEXT,
    thumbnail_size BIGINT,
    thumbnail_sha256 TEXT,
    pixel_width INTEGER,
    pixel_height INTEGER,
    page_count INTEGER,
    received_at TEXT NOT NULL
);
CREATE INDEX evidence_case ON evidence (case_reference);
CREATE INDEX evidence_draft ON evidence (draft_key);
