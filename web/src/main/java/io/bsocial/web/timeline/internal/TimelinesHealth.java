package io.bsocial.web.timeline.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The fan-out for monitoring, as the {@code timelines} health component: DEGRADED (HTTP 200) while
 * the oldest post waiting for its fan-out (set aside or not) is older than
 * {@code bsocial.timelines.max-pending-age}: feeds stay right (they read pending posts), but the
 * fan-out is stuck or an operator must look at set-aside posts. Reads the oldest pending post by
 * its index and counts the pending ones (few, unless something is wrong).
 */
@Component("timelines")
class TimelinesHealth extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "posts wait longer than bsocial.timelines.max-pending-age");

    private final HomeTimelines timelines;
    private final TimelineProperties properties;
    private final Clock clock;

    TimelinesHealth(HomeTimelines timelines, TimelineProperties properties, Clock clock) {
        this.timelines = timelines;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<Duration> age = timelines.oldestPendingAt().map(oldest -> Duration.between(oldest, clock.instant()));
        builder.status(age.filter(a -> a.compareTo(properties.maxPendingAge()) > 0).isPresent() ? DEGRADED : Status.UP)
                .withDetail("pending", timelines.pendingCount())
                .withDetail("setAside", timelines.setAsideCount(properties.fanOutAttempts()))
                .withDetail("maxPendingAgeSeconds", properties.maxPendingAge().toSeconds());
        age.ifPresent(a -> builder.withDetail("oldestPendingAgeSeconds", Math.max(0, a.toSeconds())));
    }
}
