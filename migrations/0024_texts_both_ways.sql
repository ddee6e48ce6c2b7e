-- Texts both ways. `delivered_at`: the SMS provider's receipt that a text reached the phone. `texts_stopped`: the
-- numbers that texted STOP (or a synonym); no text goes to them again, and their cases were switched to e-mail,
-- or the post when a case had no e-mail.
ALTER TABLE notifications ADD COLUMN delivered_at TEXT;
CREATE TABLE texts_stopped (
    mobile_e164 TEXT PRIMARY KEY,
    stopped_at TEXT NOT NULL
);
