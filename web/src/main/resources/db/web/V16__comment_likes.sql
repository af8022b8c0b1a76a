-- Likes of comments, as of posts (V13): one row per person and comment, the count on the comment,
-- gone with the comment (ON DELETE CASCADE; a post's comments go with the post).
ALTER TABLE comments ADD COLUMN like_count INT NOT NULL DEFAULT 0;

CREATE TABLE comment_likes (
    comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);
