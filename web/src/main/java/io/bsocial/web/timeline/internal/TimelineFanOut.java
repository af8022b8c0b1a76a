package io.bsocial.web.timeline.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.web.timeline.internal.HomeTimelines.Heads;
import io.bsocial.web.timeline.internal.HomeTimelines.PendingPost;
import io.bsocial.web.support.WorkerThread;

/**
 * Fans posts out into their followers' timelines, after the post's commit and never inside its
 * request: a post's 201 never waits for it. The post row itself says it is pending
 * ({@code fanned_out = FALSE}, set in its own transaction), so nothing is lost when the process
 * stops half-way; the feed reads pending posts directly until then. Each post is one transaction
 * (claim, author's lock, entries) of at most {@code fanOutTimeout}; any instance may run it, the
 * claim makes it once. A failure is counted on the post; after {@code fanOutAttempts} the post is
 * set aside (still read by the feed, retried by {@code ./bsocial timelines retry}), so that one
 * post that cannot fan out never holds up the ones behind it.
 * <p>
 * The same thread keeps timelines bounded as it writes: it counts the entries each follower's
 * timeline gained since its last trim, and trims it back to {@code size} once that reaches
 * {@code trimSlack} (so a timeline holds at most {@code size + trimSlack} entries from this
 * instance's fan-outs; back-fills and builds trim themselves). The counts live in memory: after a
 * restart a timeline may gain up to {@code trimSlack} more before its next trim. Each
 * {@code maintenanceInterval} it drops the timelines of people idle longer than
 * {@code activeWindow} and builds unbuilt ones; a returning person's is built at once.
 */
@Component
class TimelineFanOut extends WorkerThread {

    private static final Logger log = LoggerFactory.getLogger(TimelineFanOut.class);
    /** Past this many counted timelines, the counts start over (each is at most {@code trimSlack} behind). */
    private static final int MAX_COUNTED = 200_000;

    private final HomeTimelines timelines;
    private final TransactionTemplate transactions;
    private final TransactionTemplate fanOutTransactions;
    private final TimelineProperties properties;
    private final Clock clock;
    /** Entries written to each timeline by this instance since it was last trimmed. */
    private final Map<Long, Integer> addedSinceTrim = new ConcurrentHashMap<>();
    /** Held by the drain under way (not this object's monitor: WorkerThread's start and stop hold that). */
    private final Object draining = new Object();
    private final AtomicBoolean buildRequested = new AtomicBoolean();
    /** The users whose heads the last maintenance step dropped: their entries are checked once more. */
    private List<Long> lastDropped = List.of();
    private long nextMaintenance;

    TimelineFanOut(HomeTimelines timelines, TransactionTemplate transactions, TimelineProperties properties,
            Clock clock) {
        super("timeline-fan-out");
        this.timelines = timelines;
        this.transactions = transactions;
        this.fanOutTransactions = new TransactionTemplate(transactions.getTransactionManager(), transactions);
        this.fanOutTransactions.setTimeout((int) properties.fanOutTimeout().toSeconds());
        this.properties = properties;
        this.clock = clock;
    }

    /** Someone came back: their new, unbuilt timeline is built at the next turn, not at the next maintenance. */
    void requestBuild() {
        buildRequested.set(true);
        wakeUp();
    }

    @Override
    protected void work() {
        while (isRunning()) {
            try {
                awaitWork(properties.fanOutInterval());
                drain();
                if (buildRequested.getAndSet(false)) {
                    buildUnbuilt(Heads.SKIP_LOCKED);
                }
                if (System.nanoTime() - nextMaintenance >= 0) {
                    nextMaintenance = System.nanoTime() + properties.maintenanceInterval().toNanos();
                    maintain();
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                // The database is away or busy: the posts stay pending and are tried at the next poll.
                log.warn("timeline fan-out failed, retrying at the next poll: {}", failure.toString());
            }
        }
    }

    /**
     * Fans out every pending post; returns the entries written. One drain at a time (the worker's,
     * or a caller's such as a test's): the counts of what each timeline gained are only right if
     * a trim does not overlap another drain's writes to the same timeline.
     */
    long drain() {
        synchronized (draining) {
            return drainPending();
        }
    }

    private long drainPending() {
        long entries = 0;
        List<PendingPost> batch;
        do {
            batch = timelines.pending(properties.fanOutBatch(), properties.fanOutAttempts());
            int failed = 0;
            for (PendingPost post : batch) {
                int written;
                try {
                    written = fanOutTransactions.execute(status -> timelines.fanOut(post));
                } catch (DataAccessException failure) {
                    // Deleted meanwhile (its entries would reference nothing), a lock held too long:
                    // the transaction rolled back, so the post is still pending if it still exists.
                    failed++;
                    failed(post, failure);
                    continue;
                }
                entries += written;
                if (written > 0) {
                    try {
                        trimGrown(post.authorId());
                    } catch (DataAccessException trimFailed) {
                        // The post is fanned out; the counts stay, so the next post of a follow tries again.
                        log.warn("trimming after the fan-out of post {} failed: {}", post.id(), trimFailed.toString());
                    }
                }
            }
            if (failed == batch.size() && !batch.isEmpty()) {
                break; // nothing moves: leave it to the next poll rather than spin
            }
        } while (batch.size() == properties.fanOutBatch() && isRunning());
        return entries;
    }

    private void failed(PendingPost post, DataAccessException failure) {
        try {
            Integer attempts = transactions.execute(status -> timelines.recordFailure(post.id(), failure.toString()));
            if (attempts != null && attempts >= properties.fanOutAttempts()) {
                log.error("fan-out of post {} failed {} times, set aside (./bsocial timelines retry): {}", post.id(),
                        attempts, failure.toString());
            } else {
                log.debug("fan-out of post {} rolled back: {}", post.id(), failure.toString());
            }
        } catch (DataAccessException notCounted) {
            // The database is away: the post stays pending with its count, and is tried again.
            log.warn("fan-out of post {} failed and could not be counted: {}", post.id(), notCounted.toString());
        }
    }

    /**
     * Counts one more entry in each timeline the author's post was written to, and trims those
     * that gained {@code trimSlack} since their last trim. A head another transaction holds keeps
     * its count and is trimmed after a later post.
     */
    private void trimGrown(long authorId) {
        if (addedSinceTrim.size() > MAX_COUNTED) {
            addedSinceTrim.clear();
        }
        for (long follower : timelines.followersWithHeads(authorId)) {
            int added = addedSinceTrim.merge(follower, 1, Integer::sum);
            if (added >= properties.trimSlack()
                    && Boolean.TRUE.equals(transactions.execute(status -> timelines.trim(follower)))) {
                // Only what was counted before the trim: an entry counted meanwhile may be newer than it saw.
                addedSinceTrim.computeIfPresent(follower, (user, now) -> now > added ? now - added : null);
            }
        }
    }

    /**
     * One maintenance step: drop a batch of idle people's timelines, build a batch of unbuilt
     * ones. Both skip the heads another transaction holds (a rebuild's batch, a back-fill): this is
     * the fan-out's thread, and it must never wait for them.
     */
    void maintain() {
        List<Long> dropped = dropIdle();
        // A fan-out that read the heads before the drop committed may have written to them since.
        List<Long> checkAgain = lastDropped;
        transactions.executeWithoutResult(status -> timelines.deleteEntriesOfHeadless(checkAgain));
        lastDropped = dropped;
        buildUnbuilt(Heads.SKIP_LOCKED);
    }

    /** Drops one batch of timelines idle longer than {@code activeWindow}; answers whose. */
    List<Long> dropIdle() {
        Instant cutoff = clock.instant().minus(properties.activeWindow());
        List<Long> dropped = transactions.execute(status -> timelines.dropIdle(cutoff, properties.inactiveBatch()));
        dropped.forEach(addedSinceTrim::remove);
        return dropped;
    }

    /** Builds up to one batch of unbuilt timelines; returns how many users were in the batch. */
    int buildUnbuilt(Heads heads) {
        List<Long> users = timelines.unbuilt(properties.buildBatch());
        if (!users.isEmpty()) {
            transactions.executeWithoutResult(status -> timelines.build(users, heads));
        }
        return users.size();
    }
}
