-- API keys name what they may do (space-separated scopes: status:read, cases:by-phone) and how many requests a
-- minute they may make. Keys made before this could read statuses only.
ALTER TABLE api_keys ADD COLUMN scopes TEXT NOT NULL DEFAULT 'status:read';
ALTER TABLE api_keys ADD COLUMN requests_per_minute INTEGER NOT NULL DEFAULT 600;

-- Status look-ups are counted per case, day and channel: the citizen's page (web) and the status API, which the
-- automated phone line calls (phone). Rebuilt to put the channel in the primary key.
CREATE TABLE status_checks_by_channel (
    case_reference TEXT NOT NULL REFERENCES cases (reference),
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    checks INTEGER NOT NULL,
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    PRIMARY KEY (case_reference, day, channel)
);
INSERT INTO status_checks_by_channel (case_reference, day, channel, checks, first_at, last_at)
    SELECT case_reference, day, 'web', checks, first_at, last_at FROM status_checks;
DROP TABLE status_checks;
ALTER TABLE status_checks_by_channel RENAME TO status_checks;
