package io.bsocial.web.outbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The outbox for people and for monitoring: the {@code outbox} health component and the gauges
 * {@code bsocial.outbox.oldest.age} (seconds) and {@code bsocial.outbox.set.aside}. Web keeps
 * serving while Kafka is away and nothing is lost, so the status is never DOWN: it is
 * {@link #DEGRADED} (HTTP 200) while the oldest entry not yet on Kafka — waiting or set aside — is
 * older than {@code bsocial.outbox.max-age}, which says that publishing is stuck or that an
 * operator must look at set-aside entries. Each probe reads one row by primary key from each
 * outbox table and counts the small set-aside table: its cost does not grow with the backlog.
 */
@Component("outbox")
class OutboxHealth extends AbstractHealthIndicator implements MeterBinder {

    /** Serving, but events wait longer than they should; mapped to HTTP 200. */
    static final Status DEGRADED = new Status("DEGRADED", "events wait longer than bsocial.outbox.max-age");

    private final OutboxRepository outbox;
    private final OutboxRelay relay;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxHealth(OutboxRepository outbox, OutboxRelay relay, OutboxProperties properties, Clock clock) {
        this.outbox = outbox;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Optional<Duration> age = oldestAge();
        builder.status(age.filter(a -> a.compareTo(properties.maxAge()) > 0).isPresent() ? DEGRADED : Status.UP)
                .withDetail("setAside", outbox.setAsideCount())
                .withDetail("maxAgeSeconds", properties.maxAge().toSeconds());
        age.ifPresent(a -> builder.withDetail("oldestAgeSeconds", a.toSeconds()));
        Instant published = relay.lastPublishedAt();
        if (published != null) {
            builder.withDetail("lastPublishedAt", published.toString());
        }
        if (relay.lastError() != null) {
            builder.withDetail("lastError", relay.lastError());
        }
    }

    private Optional<Duration> oldestAge() {
        return outbox.oldestUnpublishedAt().map(oldest -> Duration.between(oldest, clock.instant()));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("bsocial.outbox.oldest.age", this, health -> health.oldestAge().map(Duration::toMillis).orElse(0L) / 1000.0)
                .description("Age of the oldest event not yet on Kafka (waiting or set aside); 0 when none")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("bsocial.outbox.set.aside", outbox, OutboxRepository::setAsideCount)
                .description("Events Kafka refused for what they are, kept until an operator re-publishes them")
                .register(registry);
    }
}
