-- Tickets as issued by the enforcement system, received by CSV import.
-- Times are UTC text in the form 2026-03-03T14:15:00Z, which sorts in time order on every engine.

CREATE TABLE ticket_imports (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    imported_count INTEGER,
    updated_count INTEGER,
    unchanged_count INTEGER,
    rejected_count INTEGER
);

CREATE TABLE tickets (
    ticket_number TEXT PRIMARY KEY,          -- normalised: upper-case letters and digits
    plate TEXT NOT NULL,                     -- normalised the same way
    plate_region TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    location TEXT NOT NULL,
    violation_code TEXT NOT NULL,
    violation TEXT NOT NULL,
    amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
    officer_id TEXT NOT NULL,
    towed BOOLEAN NOT NULL DEFAULT FALSE,
    first_imported_at TEXT NOT NULL,
    last_import_id TEXT NOT NULL REFERENCES ticket_imports (id),
    last_import_line INTEGER NOT NULL       -- the line of that import's file: tells a duplicate in one file
);

-- Agents and the "other appeals on this plate" panel look tickets up by plate.
CREATE INDEX tickets_plate ON tickets (plate, plate_region);
