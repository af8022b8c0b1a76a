-- Edits: when a post or comment was last changed by its author; NULL until then.
ALTER TABLE posts ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE comments ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;

-- Deletes remove the rows (their text is gone for good) and leave only these tombstones: who
-- deleted what, so that the author's repeated DELETE still answers 204 while everyone else gets
-- 404 for an item that no longer exists. Comments deleted with their post get one too.
CREATE TABLE deleted_posts (
    id         BIGINT PRIMARY KEY,
    author_id  BIGINT NOT NULL REFERENCES users (id),
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE deleted_comments (
    id         BIGINT PRIMARY KEY,
    post_id    BIGINT NOT NULL,
    author_id  BIGINT NOT NULL REFERENCES users (id),
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
