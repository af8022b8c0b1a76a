-- Avatars (issue 26): one re-encoded square image per account, served from the database so that
-- every web instance answers the same. version changes on every upload (it is the upload's time in
-- milliseconds, or one more than the last when that is not later) and makes the image's URL,
-- so a replaced avatar never hides behind a long-cached old one; a deleted avatar is no row.
CREATE TABLE avatars (
    user_id      BIGINT      PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    version      BIGINT      NOT NULL,
    content_type VARCHAR(20) NOT NULL,
    image        BYTEA       NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
