package io.bsocial.web.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay's pace: batches of {@code batchSize}; woken at each commit, and every
 * {@code pollInterval} anyway (entries of another instance, or left by a crash); while Kafka is
 * away it retries with a backoff doubling from {@code initialBackoff} to {@code maxBackoff}.
 */
@ConfigurationProperties("bsocial.outbox")
public record OutboxProperties(
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("30s") Duration sendTimeout) {
}
