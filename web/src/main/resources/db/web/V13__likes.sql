-- Likes of posts: one row per person and post; the count lives on the post itself, changed in the
-- like's transaction, so that a page of posts reads it with no count of likes per row. A deleted
-- post takes its likes with it (ON DELETE CASCADE).
ALTER TABLE posts ADD COLUMN like_count INT NOT NULL DEFAULT 0;

CREATE TABLE post_likes (
    post_id    BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (post_id, user_id)
);

