package io.bsocial.web.outbox.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay's pace: batches of {@code batchSize}; woken at each commit, and every
 * {@code pollInterval} anyway (entries of another instance, or left by a crash); while Kafka is
 * away it retries with a backoff doubling from {@code initialBackoff} to {@code maxBackoff}. An
 * entry Kafka refuses for what it is (too large, an invalid topic) is set aside after
 * {@code maxAttempts} refusals. Health is DEGRADED while the oldest unpublished entry is older
 * than {@code maxAge}.
 */
@ConfigurationProperties("bsocial.outbox")
public record OutboxProperties(
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("5m") Duration maxAge) {

    public OutboxProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("bsocial.outbox.max-attempts must be at least 1");
        }
    }
}
