-- Who delivered a notification is one column: delivered_by holds 'http:<call>' or
-- 'socket:<instance>:<call>' (<call> unique per claim, so a claim finds exactly the rows it took;
-- <instance> lets each notifier instance push a notification to its own sockets once).
-- delivery_claim is no longer needed. Rows delivered before keep 'http' or 'socket': no instance
-- pushes an HTTP-answered one, and any instance may still push a socket-delivered one to its own
-- sockets, as before.
ALTER TABLE notifications ALTER COLUMN delivered_by SET DATA TYPE VARCHAR(100);
DROP INDEX notifications_claim_idx;
ALTER TABLE notifications DROP COLUMN delivery_claim;
