-- Blocks and mutes (issue 26), as the user-blocked / user-unblocked / user-muted / user-unmuted
-- events told them: who (user_id) blocked or muted whom (other_id). The four travel on different
-- topics, so their order is not guaranteed: as_of (the fact's time) keeps the latest fact of each
-- (who, whom, kind), as notifier_follows does.
CREATE TABLE notifier_silences (
    user_id  BIGINT      NOT NULL,
    other_id BIGINT      NOT NULL,
    kind     VARCHAR(5)  NOT NULL,
    active   BOOLEAN     NOT NULL,
    as_of    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notifier_silences_pk PRIMARY KEY (user_id, other_id, kind),
    CONSTRAINT notifier_silences_kind CHECK (kind IN ('block', 'mute'))
);
CREATE INDEX notifier_silences_other_idx ON notifier_silences (other_id, user_id);
