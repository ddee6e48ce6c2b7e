-- Cases and everything the workflow engine keeps about them.
-- Times are UTC text (2026-03-03T14:15:00Z); booleans are BOOLEAN (0/1 on SQLite).

CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    started_on TEXT NOT NULL,              -- local date, for the first-month four-eyes rule
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TEXT NOT NULL
);

CREATE TABLE staff_roles (
    staff_id TEXT NOT NULL REFERENCES staff (id),
    role TEXT NOT NULL,
    PRIMARY KEY (staff_id, role)
);

CREATE TABLE staff_skills (
    staff_id TEXT NOT NULL REFERENCES staff (id),
    skill TEXT NOT NULL,                   -- stolen_vehicles, disability, not_owner, commercial_fleet, language:es
    PRIMARY KEY (staff_id, skill)
);

CREATE TABLE cases (
    reference TEXT PRIMARY KEY,            -- nine characters, no separators
    ticket_number TEXT NOT NULL REFERENCES tickets (ticket_number),
    ticket_amount_cents BIGINT NOT NULL,
    towed BOOLEAN NOT NULL,
    grounds TEXT NOT NULL,                 -- comma-separated ground codes
    received_at TEXT NOT NULL,
    late BOOLEAN NOT NULL,
    state TEXT NOT NULL,
    version INTEGER NOT NULL,
    state_changed_at TEXT NOT NULL,
    assignee TEXT REFERENCES staff (id),
    queue TEXT NOT NULL,
    escalated BOOLEAN NOT NULL,
    vulnerable BOOLEAN NOT NULL,
    contact_count INTEGER NOT NULL,
    priority INTEGER NOT NULL,
    pending_decision TEXT,                 -- JSON
    decision TEXT,                         -- JSON
    updated_at TEXT NOT NULL
);
CREATE INDEX cases_ticket ON cases (ticket_number);
CREATE INDEX cases_work ON cases (state, assignee, priority);

-- What the citizen told us: one row per case.
CREATE TABLE appeals (
    case_reference TEXT PRIMARY KEY REFERENCES cases (reference),
    statement TEXT NOT NULL,
    late_reason TEXT,
    contact_name TEXT NOT NULL,
    postal_address TEXT NOT NULL,
    email TEXT,
    mobile_e164 TEXT,
    preferred_channel TEXT NOT NULL,       -- letter, email, sms
    language TEXT NOT NULL
);
CREATE INDEX appeals_email ON appeals (email);
CREATE INDEX appeals_mobile ON appeals (mobile_e164);

-- The append-only, hash-chained audit trail. `seq` runs 1, 2, 3 … without gaps; each event stores the hash of
-- the one before it and of its own canonical content. The head row holds the last seq and hash, so that a
-- deleted last event is detected too. Nothing in the product updates or deletes these rows.
CREATE TABLE audit_events (
    seq BIGINT PRIMARY KEY,
    case_reference TEXT,
    occurred_at TEXT NOT NULL,
    actor_role TEXT NOT NULL,
    actor_id TEXT,
    event TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT,
    reason TEXT,
    request_id TEXT,
    detail TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_events_case ON audit_events (case_reference, seq);

CREATE TABLE audit_chain_head (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Deadline rules, versioned: the highest version of each kind applies.
CREATE TABLE deadline_policies (
    kind TEXT NOT NULL,
    version INTEGER NOT NULL,
    length INTEGER NOT NULL CHECK (length > 0),
    unit TEXT NOT NULL,
    warning_business_days INTEGER NOT NULL CHECK (warning_business_days >= 0),
    created_at TEXT NOT NULL,
    PRIMARY KEY (kind, version)
);
INSERT INTO deadline_policies VALUES ('acknowledgement', 1, 2, 'business_days', 1, '2026-01-01T00:00:00Z');
INSERT INTO deadline_policies VALUES ('first_review', 1, 10, 'business_days', 2, '2026-01-01T00:00:00Z');
INSERT INTO deadline_policies VALUES ('decision', 1, 56, 'calendar_days', 2, '2026-01-01T00:00:00Z');
INSERT INTO deadline_policies VALUES ('information_response', 1, 14, 'calendar_days', 0, '2026-01-01T00:00:00Z');

CREATE TABLE holidays (
    day TEXT PRIMARY KEY,                  -- local date, 2026-12-25
    name TEXT NOT NULL
);

-- Each case's deadlines as last computed, and the next warning or breach to fire.
CREATE TABLE case_deadlines (
    case_reference TEXT NOT NULL REFERENCES cases (reference),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,                  -- running, paused, met, cancelled
    due_at TEXT,
    warn_at TEXT,
    met_at TEXT,
    due_date TEXT,                         -- local due date
    start_date TEXT NOT NULL,
    paused_days INTEGER NOT NULL,
    policy_version INTEGER NOT NULL,
    next_fire_at TEXT,                     -- NULL when nothing is left to fire
    next_fire_level TEXT,                  -- warning, breach
    PRIMARY KEY (case_reference, kind)
);
-- The sweeper's only way in: what is due, never a scan of all cases.
CREATE INDEX case_deadlines_next_fire ON case_deadlines (next_fire_at) WHERE next_fire_at IS NOT NULL;

-- Exactly once: a warning or breach of one deadline at one due time can be recorded only once, whatever
-- restarts or parallel sweepers happen. A deadline that moves gets a new due time and can fire again.
CREATE TABLE deadline_firings (
    case_reference TEXT NOT NULL,
    kind TEXT NOT NULL,
    level TEXT NOT NULL,
    due_at TEXT NOT NULL,
    fired_at TEXT NOT NULL,
    sweeper TEXT NOT NULL,
    PRIMARY KEY (case_reference, kind, level, due_at)
);

-- Messages to staff and citizens, queued in the same transaction as the change that causes them.
CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    case_reference TEXT NOT NULL,
    recipient TEXT NOT NULL,               -- citizen, supervisors, staff:<id>
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX notifications_unsent ON notifications (created_at) WHERE sent_at IS NULL;

CREATE TABLE letters (
    id TEXT PRIMARY KEY,
    case_reference TEXT NOT NULL REFERENCES cases (reference),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,                  -- queued, printed, posted, returned
    queued_at TEXT NOT NULL
);
CREATE INDEX letters_status ON letters (status, queued_at);

-- The one timeline: every interaction on every channel.
CREATE TABLE interactions (
    id TEXT PRIMARY KEY,
    case_reference TEXT NOT NULL REFERENCES cases (reference),
    occurred_at TEXT NOT NULL,
    channel TEXT NOT NULL,                 -- web, phone, mail, email, sms, in_person, system
    direction TEXT NOT NULL,               -- in, out, internal
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    summary TEXT,
    public BOOLEAN NOT NULL
);
CREATE INDEX interactions_case ON interactions (case_reference, occurred_at);
