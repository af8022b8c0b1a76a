-- Blocks and mutes (issue 26), one row per (who, whom). Each primary key answers "whom did X
-- block/mute" (the viewer's side of every check); the second index answers "who blocked/muted X"
-- (the author's side); the third pages a person's own list, newest first.
CREATE TABLE blocks (
    blocker_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT blocks_pk PRIMARY KEY (blocker_id, blocked_id),
    CONSTRAINT blocks_not_self CHECK (blocker_id <> blocked_id)
);
CREATE INDEX blocks_blocked_idx ON blocks (blocked_id, blocker_id);
CREATE INDEX blocks_listed_idx ON blocks (blocker_id, created_at DESC, blocked_id DESC);

CREATE TABLE mutes (
    muter_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    muted_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mutes_pk PRIMARY KEY (muter_id, muted_id),
    CONSTRAINT mutes_not_self CHECK (muter_id <> muted_id)
);
CREATE INDEX mutes_listed_idx ON mutes (muter_id, created_at DESC, muted_id DESC);

-- One lockable row per user, made on first use: a follow and a block between the same two people
-- lock both rows (lower id first) before either writes, so a follow never survives a block that
-- raced it, and a follow never begins after a block committed. Nothing else locks these rows.
CREATE TABLE relation_locks (
    user_id BIGINT NOT NULL PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE
);
