package io.bsocial.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SlidingWindowCounterTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void waitsOnlyOnceTheLimitIsReachedAndUntilTheOldestEventLeavesTheWindow() {
        SlidingWindowCounter counter = new SlidingWindowCounter(3, Duration.ofMinutes(5));
        counter.record("k", T0);
        counter.record("k", T0.plusSeconds(60));
        assertThat(counter.retryAfter("k", T0.plusSeconds(61))).isZero();

        counter.record("k", T0.plusSeconds(120));
        assertThat(counter.retryAfter("k", T0.plusSeconds(121))).isEqualTo(Duration.ofSeconds(179));
        assertThat(counter.retryAfter("other", T0.plusSeconds(121))).isZero();

        // After the first event expires, one more attempt is allowed, not all of them.
        assertThat(counter.retryAfter("k", T0.plusSeconds(300))).isZero();
        counter.record("k", T0.plusSeconds(301));
        assertThat(counter.retryAfter("k", T0.plusSeconds(302))).isEqualTo(Duration.ofSeconds(58));
    }

    @Test
    void clearingAKeyForgetsItsEvents() {
        SlidingWindowCounter counter = new SlidingWindowCounter(1, Duration.ofMinutes(5));
        counter.record("k", T0);
        assertThat(counter.retryAfter("k", T0)).isPositive();
        counter.clear("k");
        assertThat(counter.retryAfter("k", T0)).isZero();
    }
}
