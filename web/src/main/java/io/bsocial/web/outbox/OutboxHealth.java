package io.bsocial.web.outbox;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog, for people and for monitoring: the {@code bsocial.outbox.backlog} gauge and
 * the {@code outbox} health details. The status stays UP while Kafka is away, because web keeps
 * serving and nothing is lost; the backlog and the last error say that publishing waits.
 */
@Component("outbox")
class OutboxHealth extends AbstractHealthIndicator implements MeterBinder {

    private final OutboxRepository outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    OutboxHealth(OutboxRepository outbox, OutboxRelay relay, Clock clock) {
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("backlog", outbox.backlog());
        outbox.oldestCreatedAt().ifPresent(oldest ->
                builder.withDetail("oldestAgeSeconds", Duration.between(oldest, clock.instant()).toSeconds()));
        if (relay.lastPublishedAt() != null) {
            builder.withDetail("lastPublishedAt", relay.lastPublishedAt().toString());
        }
        if (relay.lastError() != null) {
            builder.withDetail("lastError", relay.lastError());
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("bsocial.outbox.backlog", outbox, OutboxRepository::backlog)
                .description("Events written but not yet acknowledged by Kafka")
                .register(registry);
    }
}
