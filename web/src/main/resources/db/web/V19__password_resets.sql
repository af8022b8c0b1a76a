-- Password reset by e-mail (issue 26, passwordreset module): one row per link mailed. Only the
-- SHA-256 digest of the link's token is kept, so whoever reads this table cannot use a link; the
-- row goes when the link is used (every row of the account goes then), and expired rows are
-- dropped as new links are made.
CREATE TABLE password_resets (
    token_hash CHAR(64)                 PRIMARY KEY,
    account_id BIGINT                   NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX password_resets_account_idx ON password_resets (account_id);
CREATE INDEX password_resets_expires_idx ON password_resets (expires_at);
