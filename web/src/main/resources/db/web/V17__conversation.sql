-- Replies, one level deep: a reply names its top-level comment (parent_id) and the author of the
-- comment it answers (reply_to_user_id, who may have written a reply). A reply goes with its
-- top-level comment, as comments go with their post.
ALTER TABLE comments ADD COLUMN parent_id BIGINT REFERENCES comments (id) ON DELETE CASCADE;
ALTER TABLE comments ADD COLUMN reply_to_user_id BIGINT REFERENCES users (id);
-- A post's page pages its top-level comments, then reads the replies of that page.
CREATE INDEX comments_thread_idx ON comments (post_id, parent_id, created_at, id);
CREATE INDEX comments_replies_idx ON comments (parent_id, created_at, id);

-- A post's hashtags as its text now stands, with the post's time: a tag's page is one range of
-- post_tags_page_idx, newest first, whatever the number of posts.
CREATE TABLE post_tags (
    post_id    BIGINT       NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    tag        VARCHAR(200) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (post_id, tag)
);
CREATE INDEX post_tags_page_idx ON post_tags (tag, created_at, post_id);

-- The accounts a post or a comment mentions, as its text now stands.
CREATE TABLE post_mentions (
    post_id BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (post_id, user_id)
);
CREATE TABLE comment_mentions (
    comment_id BIGINT NOT NULL REFERENCES comments (id) ON DELETE CASCADE,
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (comment_id, user_id)
);
