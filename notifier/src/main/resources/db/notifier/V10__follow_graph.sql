-- Who follows whom, as the user-followed / user-unfollowed events told it: the live feed pushes a
-- post to the followers of its author who are connected. followed/unfollowed travel on different
-- topics, so their order is not guaranteed: as_of (the fact's time) keeps the latest fact.
CREATE TABLE notifier_follows (
    follower_id BIGINT  NOT NULL,
    followee_id BIGINT  NOT NULL,
    following   BOOLEAN NOT NULL,
    as_of       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (follower_id, followee_id)
);
