-- Messages both ways. `delivered_at`: the SMS provider's receipt that a text reached the phone. `body`: the words
-- a member of staff wrote to the citizen from the case page (a `staff_message`; other kinds are worded from the
-- case when sent). `texts_stopped`: the numbers that texted STOP (or a synonym); no text goes to them again, and
-- their cases were switched to e-mail, or the post when a case had no e-mail.
ALTER TABLE notifications ADD COLUMN delivered_at TEXT;
ALTER TABLE notifications ADD COLUMN body TEXT;
CREATE TABLE texts_stopped (
    mobile_e164 TEXT PRIMARY KEY,
    stopped_at TEXT NOT NULL
);
