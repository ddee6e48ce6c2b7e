-- Messages citizens send us (an e-mail reply, a text), each stored once: `message_key` is the e-mail's Message-ID
-- (or a hash of the message when it has none), so a message delivered twice, or read again after a receiver died
-- before it flagged it, is not stored twice. `disposition` says where it went: on a case, to the unmatched queue,
-- an auto-reply recorded and changing nothing, or a delivery failure of one of our messages (`outbox_id`).
CREATE TABLE inbound_messages (
    id TEXT PRIMARY KEY,
    message_key TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    received_at TEXT NOT NULL,
    sender TEXT NOT NULL,
    sender_name TEXT,
    subject TEXT NOT NULL,
    new_text TEXT NOT NULL,
    full_text TEXT NOT NULL,
    disposition TEXT NOT NULL,
    case_reference TEXT,
    outbox_id TEXT,
    attachments INTEGER NOT NULL,
    why TEXT,
    read_at TEXT,
    read_by TEXT
);
CREATE INDEX inbound_messages_case ON inbound_messages (case_reference, received_at);
CREATE INDEX inbound_messages_unmatched ON inbound_messages (received_at) WHERE disposition = 'unmatched' AND case_reference IS NULL;
