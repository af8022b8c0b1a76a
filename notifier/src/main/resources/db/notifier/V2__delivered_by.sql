-- Which way a notification was delivered: 'http' (GET /api/notifications) or 'socket' (pushed
-- over a WebSocket). Every notifier instance pushes to the sockets open on it; a notification one
-- instance pushed may still be pushed by another to its sockets, but never after HTTP took it.
ALTER TABLE notifications ADD COLUMN delivered_by VARCHAR(10);
