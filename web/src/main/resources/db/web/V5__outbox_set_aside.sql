-- How often Kafka refused an outbox entry for what it is (too large, an invalid topic), and why
-- the last time. Outages are not counted: they are retried for as long as they last.
ALTER TABLE outbox_events ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
ALTER TABLE outbox_events ADD COLUMN last_error VARCHAR(500);

-- Entries set aside after bsocial.outbox.max-attempts refusals: kept, not published, so that the
-- entries behind them go on. An operator re-publishes them (POST /actuator/outbox/{id|all}),
-- which moves them back into outbox_events under their own id. The table stays small: counting
-- it is cheap, and outbox_events keeps only what the relay must publish.
CREATE TABLE outbox_set_aside (
    id           BIGINT       PRIMARY KEY,
    event_id     VARCHAR(36)  NOT NULL,
    topic        VARCHAR(100) NOT NULL,
    message_key  VARCHAR(100) NOT NULL,
    payload      VARCHAR      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INT          NOT NULL,
    last_error   VARCHAR(500) NOT NULL,
    set_aside_at TIMESTAMP WITH TIME ZONE NOT NULL
);
