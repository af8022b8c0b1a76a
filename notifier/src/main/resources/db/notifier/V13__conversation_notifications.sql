-- Likes, replies and mentions (issue 25).

-- The post a comment, reply, like or mention is about: its first 80 characters, as the events carry them.
ALTER TABLE notifications ADD COLUMN post_excerpt VARCHAR(400);

-- One notification per person per comment (a reply, a mention or a comment, in that precedence),
-- and per person per post for the mentions of a post: subject_key is 'comment:<id>' or 'post:<id>'
-- on those rows, NULL on likes and follows (NULLs are distinct: the key never touches them). It
-- replaces the key of one notification per comment, which replies and mentions outgrow.
ALTER TABLE notifications ADD COLUMN subject_key VARCHAR(40);
UPDATE notifications SET subject_key = 'comment:' || CAST(comment_id AS VARCHAR(20)) WHERE type = 'comment';
ALTER TABLE notifications DROP CONSTRAINT notifications_comment_uq;
ALTER TABLE notifications ADD CONSTRAINT notifications_subject_uq UNIQUE (recipient_id, subject_key);
CREATE INDEX notifications_comment_idx ON notifications (comment_id);

-- What the notifier knows of a post: its author, excerpt and mentions as of version_at (the
-- latest post-created / post-updated processed). A row known only from a comment-created or a
-- like has version_at and mentioned_user_ids NULL. comment-updated carries no post excerpt: it
-- comes from here.
CREATE TABLE notifier_posts (
    post_id            BIGINT PRIMARY KEY,
    author_id          BIGINT NOT NULL,
    excerpt            VARCHAR(400),
    mentioned_user_ids VARCHAR(8000),
    version_at         TIMESTAMP WITH TIME ZONE
);

-- The mentions of a comment as of its latest version processed (comment-created, or a later
-- comment-updated: they travel on different topics, in no order). Comma-separated user ids.
-- (Not web's comment_mentions: the two share one database.) Only an older version than this is refused, so this need outlive Kafka's retention only.
CREATE TABLE notifier_comment_mentions (
    comment_id         BIGINT PRIMARY KEY,
    post_id            BIGINT NOT NULL,
    mentioned_user_ids VARCHAR(8000) NOT NULL,
    version_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX notifier_comment_mentions_post_idx ON notifier_comment_mentions (post_id);
CREATE INDEX notifier_comment_mentions_age_idx ON notifier_comment_mentions (version_at);

-- Whether a person likes a post (comment_id 0) or a comment, as of the latest like/unlike
-- processed (two topics, in no order), and the UTC day they last notified its author of a like:
-- liking again notifies at most once per liker, item and day.
CREATE TABLE like_states (
    actor_id     BIGINT  NOT NULL,
    post_id      BIGINT  NOT NULL,
    comment_id   BIGINT  NOT NULL,
    liked        BOOLEAN NOT NULL,
    as_of        TIMESTAMP WITH TIME ZONE NOT NULL,
    notified_day DATE,
    CONSTRAINT like_states_pk PRIMARY KEY (actor_id, post_id, comment_id)
);
CREATE INDEX like_states_post_idx ON like_states (post_id);
CREATE INDEX like_states_age_idx ON like_states (as_of);
