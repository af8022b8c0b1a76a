-- One rule for "delivered" (issue 23): delivered_via says how ('http' or 'push'), NULL until then;
-- claims are conditional updates of this column alone, with no per-call or per-instance tokens.
ALTER TABLE notifications ADD COLUMN delivered_via VARCHAR(4);
UPDATE notifications SET delivered_via = CASE WHEN delivered_by LIKE 'http%' THEN 'http' ELSE 'push' END
 WHERE delivered_at IS NOT NULL;
DROP INDEX notifications_undelivered_idx;
ALTER TABLE notifications DROP COLUMN delivered_by;
CREATE INDEX notifications_undelivered_idx ON notifications (recipient_id, delivered_via);

-- The live feed reads who follows whom from web's follows table: the copy goes.
DROP TABLE notifier_follows;

-- One table of tombstones, with the age that prunes them.
CREATE TABLE retractions (
    kind         VARCHAR(7) NOT NULL,
    item_id      BIGINT     NOT NULL,
    retracted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT retractions_pk PRIMARY KEY (kind, item_id)
);
INSERT INTO retractions (kind, item_id, retracted_at) SELECT 'comment', comment_id, retracted_at FROM retracted_comments;
INSERT INTO retractions (kind, item_id, retracted_at) SELECT 'post', post_id, retracted_at FROM retracted_posts;
DROP TABLE retracted_comments;
DROP TABLE retracted_posts;
CREATE INDEX retractions_age_idx ON retractions (retracted_at);
