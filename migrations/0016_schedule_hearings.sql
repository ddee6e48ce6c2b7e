-- The independent hearing a citizen asked for: when and where, set by a supervisor. Setting it queues the hearing
-- notice (a new date later queues a new notice: a letter never changes).
CREATE TABLE hearings (
    case_reference TEXT PRIMARY KEY REFERENCES cases (reference),
    starts_at TEXT NOT NULL,
    place TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL
);
