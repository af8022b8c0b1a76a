-- Follow notifications: no post, comment or excerpt (nullable now; existing comment rows keep
-- theirs). follow_day is the UTC day of a follow, NULL on comments: the unique key makes a
-- re-follow on the same day, or a redelivered message, store nothing, and leaves comment rows
-- alone (NULLs are distinct on H2 and PostgreSQL alike).
ALTER TABLE notifications ALTER COLUMN post_id DROP NOT NULL;
ALTER TABLE notifications ALTER COLUMN comment_id DROP NOT NULL;
ALTER TABLE notifications ALTER COLUMN excerpt DROP NOT NULL;
ALTER TABLE notifications ADD COLUMN follow_day DATE;
ALTER TABLE notifications ADD CONSTRAINT notifications_follow_uq UNIQUE (recipient_id, type, actor_id, follow_day);

-- Whose user destination a live retraction goes to (the event that stored the row named them).
-- NULL on rows stored before: the user directory's name stands in.
ALTER TABLE notifications ADD COLUMN recipient_username VARCHAR(30);

-- A deleted post retracts the notifications of all its comments.
CREATE INDEX notifications_post_idx ON notifications (post_id);

-- Tombstones of deleted comments and posts. comment-deleted and comment-created travel on
-- different topics, so a deletion may be processed first: the later comment-created must find
-- the tombstone and store nothing.
CREATE TABLE retracted_comments (
    comment_id   BIGINT PRIMARY KEY,
    retracted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE retracted_posts (
    post_id      BIGINT PRIMARY KEY,
    retracted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
