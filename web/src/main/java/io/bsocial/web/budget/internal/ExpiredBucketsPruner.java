package io.bsocial.web.budget.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.bsocial.web.support.WorkerThread;

/**
 * Budgets keep one row per user (or address) and budget they were spent on: state that grows. A
 * row whose bucket is full again says nothing a missing row would not, so every
 * {@code prune-interval} this thread deletes such rows, {@code prune-batch} per statement (a
 * bounded delete that skips rows a request has locked), until a statement finds fewer.
 */
public class ExpiredBucketsPruner extends WorkerThread {

    private static final Logger log = LoggerFactory.getLogger(ExpiredBucketsPruner.class);

    private final DatabaseBuckets buckets;
    private final Duration interval;
    private final int batch;

    public ExpiredBucketsPruner(DatabaseBuckets buckets, Duration interval, int batch) {
        super("budget-pruner");
        this.buckets = buckets;
        this.interval = interval;
        this.batch = batch;
    }

    @Override
    protected void work() {
        while (isRunning()) {
            try {
                awaitWork(interval);
                prune();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failed) {
                // The database away for a moment: the next round tries again.
                log.warn("pruning expired budget buckets failed: {}", failed.getMessage());
            }
        }
    }

    /** One round: deletes every expired bucket, a batch at a time; answers how many. */
    public long prune() {
        long deleted = 0;
        int round;
        do {
            round = buckets.removeExpired(batch);
            deleted += round;
        } while (round == batch);
        return deleted;
    }
}
