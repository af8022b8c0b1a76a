package io.bsocial.web.timeline.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.web.timeline.internal.HomeTimelines.Heads;
import io.bsocial.web.support.OperatorCommands;
import io.bsocial.web.support.OperatorCommands.Running;

/**
 * The operator's view of home timelines and their commands ({@code ./bsocial timelines [rebuild|retry]}).
 * {@code GET /actuator/timelines}: sizes, what waits, the posts set aside, and since when a rebuild
 * runs. {@code POST /actuator/timelines/retry}: the set-aside posts are tried again from their first
 * attempt (after the cause is fixed), answering how many.
 * {@code POST /actuator/timelines/rebuild}: recomputes every timeline from posts and follows (after
 * a restore, or a changed {@code bsocial.timelines.*}), answering when it is done; 409 while a
 * rebuild runs on any instance ({@link OperatorCommands}). Meanwhile every feed stays right (a
 * timeline not built yet is read with the query of before) and posts keep fanning out: the rebuild
 * is a sequence of short transactions, none of which holds what a fan-out waits for. Operators
 * only, like the outbox's.
 */
@Component
@Endpoint(id = "timelines")
class TimelinesEndpoint {

    static final String REBUILD = "timelines-rebuild";

    private static final Logger log = LoggerFactory.getLogger(TimelinesEndpoint.class);
    /** Authors recounted per transaction. */
    private static final long RECOUNT_CHUNK = 1_000;
    /** Set-aside posts the view lists (the count says how many there are). */
    private static final int SET_ASIDE_SHOWN = 20;
    /** How long one step may keep finding its rows locked before the rebuild gives up. */
    private static final Duration PATIENCE = OperatorCommands.LEASE;

    private final HomeTimelines timelines;
    private final TimelineFanOut fanOut;
    private final TransactionTemplate transactions;
    private final TimelineProperties properties;
    private final OperatorCommands commands;

    TimelinesEndpoint(HomeTimelines timelines, TimelineFanOut fanOut, TransactionTemplate transactions,
            TimelineProperties properties, OperatorCommands commands) {
        this.timelines = timelines;
        this.fanOut = fanOut;
        this.transactions = transactions;
        this.properties = properties;
        this.commands = commands;
    }

    @ReadOperation
    public TimelinesView timelines() {
        return new TimelinesView(timelines.heads(), timelines.unbuiltCount(), timelines.entries(),
                timelines.pendingCount(), timelines.setAside(properties.fanOutAttempts(), SET_ASIDE_SHOWN),
                timelines.popularAuthors(), properties.size(), properties.popularFollowers(),
                commands.runningSince(REBUILD).orElse(null));
    }

    @WriteOperation
    public WebEndpointResponse<Object> command(@Selector String command) {
        if ("retry".equals(command)) {
            int retried = transactions.execute(status -> timelines.retryFailed());
            log.info("operator retried the fan-out of {} posts", retried);
            fanOut.wakeUp();
            return new WebEndpointResponse<>(new Retried(retried));
        }
        if (!"rebuild".equals(command)) {
            throw new InvalidEndpointRequestException("expected 'rebuild' or 'retry'", "expected 'rebuild' or 'retry'");
        }
        return commands.runAlone(REBUILD, this::rebuildAll).map(OperatorCommands::ok)
                .orElseGet(() -> OperatorCommands.alreadyRunning(
                        "A rebuild of the home timelines is running already; try again once it is done."));
    }

    private Rebuilt rebuildAll(Running running) {
        long started = System.nanoTime();
        retrying(running, () -> transactions.execute(status -> {
            timelines.addMissingAuthors();
            return null;
        }));
        long lastAuthor = timelines.lastAuthor();
        for (long from = 0; from <= lastAuthor; from += RECOUNT_CHUNK) {
            long chunk = from;
            retrying(running, () -> transactions.execute(status -> {
                timelines.recountFollowers(chunk, chunk + RECOUNT_CHUNK);
                return null;
            }));
        }
        Integer users = retrying(running, () -> transactions.execute(status -> timelines.unbuildAll()));
        while (retrying(running, () -> fanOut.buildUnbuilt(Heads.WAIT)) > 0) {
            running.renew(); // batch after batch, each its own transaction
        }
        timelines.refreshStatistics();
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("operator rebuilt {} home timelines in {} ms", users, millis);
        return new Rebuilt(users == null ? 0 : users, timelines.entries(), millis);
    }

    /**
     * Runs one step (one transaction) again when it found a row locked for too long (H2 stops
     * waiting for a lock after two seconds) or lost a deadlock: a follow's back-fill or a trim may
     * hold a head a moment. Nothing of the step stayed (its transaction rolled back).
     */
    private static <T> T retrying(Running running, Supplier<T> step) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            try {
                return step.get();
            } catch (PessimisticLockingFailureException | QueryTimeoutException busy) {
                if (Instant.now().isAfter(giveUp)) {
                    throw busy;
                }
                running.renew();
                log.debug("a rebuild step waited too long for a lock, trying again: {}", busy.toString());
            }
        }
    }

    /**
     * {@code unbuilt}: users whose feed is read without a timeline until it is built;
     * {@code rebuildingSince}: when the rebuild that runs now started (null: none runs);
     * {@code setAside}: the oldest posts whose fan-out failed {@code fan-out-attempts} times.
     */
    public record TimelinesView(long users, long unbuilt, long entries, long pending,
            List<HomeTimelines.SetAside> setAside, long popularAuthors, int size, int popularFollowers,
            Instant rebuildingSince) {
    }

    /** How many posts the retry put back to their first attempt. */
    public record Retried(int posts) {
    }

    public record Rebuilt(long users, long entries, long millis) {
    }
}
