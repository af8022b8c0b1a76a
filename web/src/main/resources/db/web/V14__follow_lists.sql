-- Followers and following lists, newest follow first, paged by (created_at, the other user's id):
-- one index for each direction, so that a page costs the same however many follows there are.
CREATE INDEX follows_followee_created_idx ON follows (followee_id, created_at DESC, follower_id DESC);
CREATE INDEX follows_follower_created_idx ON follows (follower_id, created_at DESC, followee_id DESC);
