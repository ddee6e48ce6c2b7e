-- When a decided case closes: set when its decision letter is deemed served (the end of the hearing window for an
-- upheld decision, the service itself otherwise). The deadline sweeper closes the cases whose time has come.
ALTER TABLE cases ADD COLUMN closes_at TEXT;
CREATE INDEX cases_closing ON cases (state, closes_at);
