package io.bsocial.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key over a sliding window and says how long a key must wait once it reached
 * its limit. Memory stays bounded: a key keeps at most {@code limit} timestamps, and keys whose
 * events all expired are dropped.
 */
class SlidingWindowCounter {

    private static final int PRUNE_THRESHOLD = 10_000;

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    SlidingWindowCounter(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    void record(String key, Instant now) {
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
            while (times.size() > limit) {
                times.removeFirst();
            }
        }
        if (events.size() > PRUNE_THRESHOLD) {
            prune(now);
        }
    }

    /** Zero while under the limit, else the time until the oldest counted event leaves the window. */
    Duration retryAfter(String key, Instant now) {
        Deque<Instant> times = events.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            expire(times, now);
            if (times.size() < limit) {
                return Duration.ZERO;
            }
            return Duration.between(now, times.peekFirst().plus(window));
        }
    }

    void clear(String key) {
        events.remove(key);
    }

    private void expire(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }

    private void prune(Instant now) {
        events.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                expire(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }
}
