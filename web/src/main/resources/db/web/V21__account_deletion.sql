-- Account deletion (the right to erasure): the users row goes with everything of the account; only
-- this reservation stays, so that the username is never given to someone else (Mastodon keeps the
-- name of a deleted account reserved too). It holds the id and the username (as typed, and its
-- comparison key), never the e-mail address or the names.
CREATE TABLE reserved_usernames (
    username_key VARCHAR(30) PRIMARY KEY,
    username     VARCHAR(30) NOT NULL,
    user_id      BIGINT      NOT NULL,
    deleted_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX reserved_usernames_user_idx ON reserved_usernames (user_id);
