-- The dashboard's two-way measures read a period's range: messages received in it (by channel, and the time to
-- staff's first word back), and calls back whose window ended in it (kept within it, after it, or not at all).
CREATE INDEX inbound_messages_received ON inbound_messages (received_at);
CREATE INDEX callbacks_ends ON callbacks (ends_at);
