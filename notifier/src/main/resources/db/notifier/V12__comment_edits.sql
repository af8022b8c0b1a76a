-- Edited comments. comment-updated travels on its own topic, so an edit may be processed before
-- its comment-created, or twice, or after a later edit: the latest text of each edited comment is
-- kept here with the time of the edit, and a notification takes it when it is newer than the text
-- it holds (excerpt_at; NULL on rows stored before: their created_at). A deleted comment or post
-- leaves no row here (the retraction deletes it; an edit that comes later finds the tombstone).
CREATE TABLE comment_edits (
    comment_id BIGINT       PRIMARY KEY,
    post_id    BIGINT       NOT NULL,
    excerpt    VARCHAR(800) NOT NULL,
    edited_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX comment_edits_post_idx ON comment_edits (post_id);

ALTER TABLE notifications ADD COLUMN excerpt_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX comment_edits_age_idx ON comment_edits (edited_at);
