package io.bsocial.web.timeline.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Home timelines (docs/feed.md): each keeps the newest {@code size} entries, trimmed as the
 * fan-out writes (a timeline is trimmed back to {@code size} once it gained {@code trimSlack}
 * entries); an author with more than {@code popularFollowers} followers is not fanned out but
 * read at feed time. Only people active within {@code activeWindow} keep a timeline (activity is
 * recorded at most every {@code activityInterval}); every {@code maintenanceInterval} up to
 * {@code inactiveBatch} idle ones are dropped and up to {@code buildBatch} unbuilt ones are built
 * (at once when someone comes back). The fan-out runs after each post's commit and every
 * {@code fanOutInterval} anyway (posts of another instance, or left by a crash),
 * {@code fanOutBatch} posts at a time. A post's fan-out may take {@code fanOutTimeout}
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
        @DefaultValue("5m") Duration maxPendingAge,
        @DefaultValue("50") int trimSlack,
        @DefaultValue("30d") Duration activeWindow,
        @DefaultValue("1h") Duration activityInterval,
        @DefaultValue("200") int inactiveBatch) {

    public TimelineProperties {
        if (size < 1 || popularFollowers < 0 || fanOutBatch < 1 || buildBatch < 1 || fanOutAttempts < 1
                || trimSlack < 1 || inactiveBatch < 1) {
            throw new IllegalArgumentException("bsocial.timelines: size, fan-out-batch, build-batch,"
                    + " fan-out-attempts, trim-slack and inactive-batch must be at least 1, popular-followers at least 0");
        }
        if (activityInterval.isNegative() || activeWindow.compareTo(activityInterval) <= 0) {
            throw new IllegalArgumentException("bsocial.timelines.active-window must be longer than activity-interval");
        }
        if (fanOutTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("bsocial.timelines.fan-out-timeout must be at least 1s");
        }
    }
}
