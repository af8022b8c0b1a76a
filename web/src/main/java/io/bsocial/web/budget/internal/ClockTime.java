package io.bsocial.web.budget.internal;

import java.time.Clock;

import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j's clock is the application's: wall-clock time in milliseconds, on which every web
 * instance agrees (a bucket in the database is read by all of them).
 */
record ClockTime(Clock clock) implements TimeMeter {

    @Override
    public long currentTimeNanos() {
        return clock.millis() * 1_000_000;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
