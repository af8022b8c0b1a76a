package io.bsocial.web.support;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Web's background threads (the outbox relay, the timeline fan-out, the budget pruner) as health
 * sees them, as the {@code workers} component: DOWN when a worker that should run has no living
 * thread (its work would silently stop), DEGRADED (HTTP 200) for {@link #RECENT} after a worker's
 * loop died and was run again, so that a death is seen even when the restart worked. Each worker's
 * details: alive, restarts, the last death and when.
 */
@Component("workers")
class WorkersHealth extends AbstractHealthIndicator {

    /** Serving, but a worker died lately; mapped to HTTP 200 like the outbox's. */
    static final Status DEGRADED = new Status("DEGRADED", "a background worker died lately and was run again");
    /** How long a death keeps the status DEGRADED. */
    static final Duration RECENT = Duration.ofMinutes(15);

    private final List<WorkerThread> workers;
    private final Clock clock;

    WorkersHealth(List<WorkerThread> workers, Clock clock) {
        this.workers = workers;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Status status = Status.UP;
        for (WorkerThread worker : workers) {
            WorkerThread.State state = worker.state();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("alive", state.alive());
            details.put("restarts", state.restarts());
            if (state.lastDeathAt() != null) {
                details.put("lastDeathAt", state.lastDeathAt().toString());
                details.put("lastDeath", state.lastDeath());
            }
            builder.withDetail(state.name(), details);
            if (state.running() && !state.alive()) {
                status = Status.DOWN;
            } else if (status == Status.UP && state.lastDeathAt() != null
                    && state.lastDeathAt().isAfter(clock.instant().minus(RECENT))) {
                status = DEGRADED;
            }
        }
        builder.status(status);
    }
}
