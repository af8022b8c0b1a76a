-- Settings (issue 26): a bio on the profile, the device cookies each account issued, and the
-- indexes that let an account's export read its comments and likes by keyset.

-- A person's own words on their profile: at most 300 characters (code points, so up to 600 UTF-16
-- units), null when none.
ALTER TABLE users ADD COLUMN bio VARCHAR(600);

-- Every device cookie still valid (security/internal/DeviceCookies): the signature alone proves
-- a cookie was issued, this row that it was not revoked since. A password change deletes every
-- row of the account but the changing browser's; a cookie without a row proves nothing.
CREATE TABLE device_cookies (
    nonce      VARCHAR(22) PRIMARY KEY,
    account_id BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX device_cookies_account_idx ON device_cookies (account_id);
CREATE INDEX device_cookies_issued_idx ON device_cookies (issued_at);

-- The export pages through one account's comments and likes (deleting an account reads the same
-- rows): IF NOT EXISTS, as account deletion may bring the same indexes.
CREATE INDEX IF NOT EXISTS comments_author_idx ON comments (author_id, id);
CREATE INDEX IF NOT EXISTS post_likes_user_idx ON post_likes (user_id, post_id);
CREATE INDEX IF NOT EXISTS comment_likes_user_idx ON comment_likes (user_id, comment_id);
