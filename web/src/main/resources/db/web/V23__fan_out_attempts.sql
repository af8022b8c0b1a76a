-- The fan-out's tries per post (issue 27): a post whose fan-out failed this many times
-- (bsocial.timelines.fan-out-attempts) is set aside: still pending, so the feed reads it directly,
-- but no longer tried by every round, so the posts behind it flow. An operator retries it
-- (./bsocial timelines retry). The last failure is kept for them, never the post's content.
ALTER TABLE posts ADD COLUMN fan_out_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN fan_out_error VARCHAR(500);
