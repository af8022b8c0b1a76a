package io.bsocial.web.timeline.internal;

import java.util.List;

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
 * The same thread keeps timelines bounded (a slice of users is trimmed each
 * {@code maintenanceInterval}) and builds the timelines of users who have none yet.
 */
@Component
class TimelineFanOut extends WorkerThread {

    private static final Logger log = LoggerFactory.getLogger(TimelineFanOut.class);
    /** Users whose sizes one maintenance step checks. */
    private static final long SWEEP_SLICE = 1_000;

    private final HomeTimelines timelines;
    private final TransactionTemplate transactions;
    private final TransactionTemplate fanOutTransactions;
    private final TimelineProperties properties;
    private long nextMaintenance;
    private long sweepFrom;

    TimelineFanOut(HomeTimelines timelines, TransactionTemplate transactions, TimelineProperties properties) {
        super("timeline-fan-out");
        this.timelines = timelines;
        this.transactions = transactions;
        this.fanOutTransactions = new TransactionTemplate(transactions.getTransactionManager(), transactions);
        this.fanOutTransactions.setTimeout((int) properties.fanOutTimeout().toSeconds());
        this.properties = properties;
    }

    @Override
    protected void work() {
        while (isRunning()) {
            try {
                awaitWork(properties.fanOutInterval());
                drain();
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

    /** Fans out every pending post; returns the entries written. */
    long drain() {
        long entries = 0;
        List<PendingPost> batch;
        do {
            batch = timelines.pending(properties.fanOutBatch(), properties.fanOutAttempts());
            int failed = 0;
            for (PendingPost post : batch) {
                try {
                    entries += fanOutTransactions.execute(status -> timelines.fanOut(post));
                } catch (DataAccessException failure) {
                    // Deleted meanwhile (its entries would reference nothing), a lock held too long:
                    // the transaction rolled back, so the post is still pending if it still exists.
                    failed++;
                    failed(post, failure);
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
     * One maintenance step: trim a slice of users, build a batch of unbuilt timelines. Both skip the
     * heads another transaction holds (a rebuild's batch, a back-fill): this is the fan-out's
     * thread, and it must never wait for them.
     */
    void maintain() {
        long last = timelines.lastUser();
        if (sweepFrom > last) {
            sweepFrom = 0;
        }
        long to = sweepFrom + SWEEP_SLICE;
        for (long user : timelines.oversized(sweepFrom, to)) {
            transactions.executeWithoutResult(status -> timelines.trim(user));
        }
        sweepFrom = to;
        buildUnbuilt(Heads.SKIP_LOCKED);
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
