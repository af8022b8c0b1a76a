-- Home timelines materialised on write (docs/feed.md, "Home timelines").

-- A post is fanned out once, after its transaction (TimelineFanOut). Until then it is "pending"
-- and the feed reads it from here; a post inserted any other way is pending too. Posts that
-- existed before timelines did count as done: those timelines are built by the rebuild.
ALTER TABLE posts ADD COLUMN fanned_out BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE posts SET fanned_out = TRUE;
CREATE INDEX posts_fan_out_idx ON posts (fanned_out, created_at, id);

-- Per author: how many followers, and whether they are popular (more followers than
-- bsocial.timelines.popular-followers): a popular author's posts are not fanned out but read at
-- feed time. Popular never reverts by itself (only the rebuild may), so no post falls between
-- the two ways. The row is also the lock that puts an author's follows, unfollows and fan-outs
-- one after another.
CREATE TABLE timeline_authors (
    author_id BIGINT  PRIMARY KEY REFERENCES users (id),
    followers INT     NOT NULL,
    popular   BOOLEAN NOT NULL
);
CREATE INDEX timeline_authors_popular_idx ON timeline_authors (popular, author_id);
INSERT INTO timeline_authors (author_id, followers, popular)
SELECT u.id, (SELECT COUNT(*) FROM follows f WHERE f.followee_id = u.id), FALSE FROM users u;

-- A user with a head has a timeline, complete from its horizon on: every post of a followed,
-- not popular author at or after (horizon_created_at, horizon_post_id) is an entry (or still
-- pending). 0001-01-01: complete; 9999-12-31: not built (the feed uses the query of before).
-- Users registered before this migration have 9999-12-31 until ./bsocial timelines rebuild.
CREATE TABLE timeline_heads (
    user_id            BIGINT PRIMARY KEY REFERENCES users (id),
    horizon_created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    horizon_post_id    BIGINT NOT NULL
);
INSERT INTO timeline_heads (user_id, horizon_created_at, horizon_post_id)
SELECT u.id, TIMESTAMP WITH TIME ZONE '9999-12-31 23:59:59.999999+00', 9223372036854775807 FROM users u;

-- The entries, newest first per user; a deleted post leaves every timeline with its row. No key
-- to timeline_heads: a fan-out must not lock the heads it writes to (the build locks them).
CREATE TABLE home_timelines (
    user_id    BIGINT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    post_id    BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id  BIGINT NOT NULL,
    CONSTRAINT home_timelines_pk PRIMARY KEY (user_id, created_at, post_id)
);
CREATE INDEX home_timelines_post_idx ON home_timelines (post_id);
