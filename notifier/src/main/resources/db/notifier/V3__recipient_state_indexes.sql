-- What the bell and HTTP ask on every page and poll: a recipient's undelivered and unread
-- notifications. Indexed by recipient and state, so that the cost follows what is waiting, not
-- how many notifications the user ever had. (H2 has no partial indexes; NULLs sort together.)
CREATE INDEX notifications_undelivered_idx ON notifications (recipient_id, delivered_at);
CREATE INDEX notifications_unread_idx ON notifications (recipient_id, read_at);
