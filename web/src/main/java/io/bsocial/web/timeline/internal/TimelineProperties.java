package io.bsocial.web.timeline.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Home timelines (docs/feed.md): each keeps the newest {@code size} entries; an author with more
 * than {@code popularFollowers} followers is not fanned out but read at feed time. The fan-out
 * runs after each post's commit and every {@code fanOutInterval} anyway (posts of another
 * instance, or left by a crash), {@code fanOutBatch} posts at a time; every
 * {@code maintenanceInterval} timelines beyond {@code size} are trimmed and up to
 * {@code buildBatch} unbuilt ones are built. A post's fan-out may take {@code fanOutTimeout}
 * (waiting for a lock included); after {@code fanOutAttempts} failures the post is set aside (the
 * feed still reads it) and health is DEGRADED while a post has waited longer than
 * {@code maxPendingAge}.
 */
@ConfigurationProperties("bsocial.timelines")
public record TimelineProperties(
        @DefaultValue("800") int size,
        @DefaultValue("10000") int popularFollowers,
        @DefaultValue("1s") Duration fanOutInterval,
        @DefaultValue("100") int fanOutBatch,
        @DefaultValue("1m") Duration maintenanceInterval,
        @DefaultValue("500") int buildBatch,
        @DefaultValue("3") int fanOutAttempts,
        @DefaultValue("30s") Duration fanOutTimeout,
        @DefaultValue("5m") Duration maxPendingAge) {

    public TimelineProperties {
        if (size < 1 || popularFollowers < 0 || fanOutBatch < 1 || buildBatch < 1 || fanOutAttempts < 1) {
            throw new IllegalArgumentException("bsocial.timelines: size, fan-out-batch, build-batch and"
                    + " fan-out-attempts must be at least 1, popular-followers at least 0");
        }
        if (fanOutTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("bsocial.timelines.fan-out-timeout must be at least 1s");
        }
    }
}
