-- Calls back that a citizen asked for on the status page, or an agent booked while logging a call. A callback is
-- due from its window's start (`starts_at`); the sweeper marks it missed once its window has ended (`ends_at`),
-- once, warning the supervisors; it is done when a call is logged on the case after its window started. One open
-- callback per case.
CREATE TABLE callbacks (
    id TEXT PRIMARY KEY,
    case_reference TEXT NOT NULL REFERENCES cases (reference),
    phone TEXT NOT NULL,
    window_id TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    status TEXT NOT NULL,
    missed_at TEXT,
    done_at TEXT,
    done_by TEXT
);
CREATE INDEX callbacks_open ON callbacks (status, starts_at);
CREATE UNIQUE INDEX callbacks_one_open_per_case ON callbacks (case_reference) WHERE status IN ('due', 'missed');
