package io.bsocial.web.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.WebIntegrationTest;

/** The throttle's sliding window on the real database (H2, and PostgreSQL with -Ppostgres). */
@WebIntegrationTest
class FailedLoginWindowTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Test
    void waitsOnlyOnceTheLimitIsReachedAndUntilTheOldestFailureLeavesTheWindow() {
        FailedLoginWindow failures = new FailedLoginWindow(jdbc, "test", 3, Duration.ofMinutes(5));
        String key = UUID.randomUUID().toString();
        failures.record(key, T0);
        failures.record(key, T0.plusSeconds(60));
        assertThat(failures.retryAfter(key, T0.plusSeconds(61))).isZero();

        failures.record(key, T0.plusSeconds(120));
        assertThat(failures.retryAfter(key, T0.plusSeconds(121))).isEqualTo(Duration.ofSeconds(179));
        assertThat(failures.retryAfter("other " + key, T0.plusSeconds(121))).isZero();

        // After the first failure expires, one more attempt is allowed, not all of them.
        assertThat(failures.retryAfter(key, T0.plusSeconds(300))).isZero();
        failures.record(key, T0.plusSeconds(301));
        assertThat(failures.retryAfter(key, T0.plusSeconds(302))).isEqualTo(Duration.ofSeconds(58));
    }

    @Test
    void clearingAKeyForgetsItsFailuresAndOnlyItsOwn() {
        FailedLoginWindow failures = new FailedLoginWindow(jdbc, "test", 1, Duration.ofMinutes(5));
        FailedLoginWindow otherKind = new FailedLoginWindow(jdbc, "test-other", 1, Duration.ofMinutes(5));
        String key = UUID.randomUUID().toString();
        failures.record(key, T0);
        otherKind.record(key, T0);
        assertThat(failures.retryAfter(key, T0)).isPositive();

        failures.clear(key);
        assertThat(failures.retryAfter(key, T0)).isZero();
        assertThat(otherKind.retryAfter(key, T0)).isPositive();
    }

    @Test
    void failuresOlderThanTheWindowAreDeleted() {
        FailedLoginWindow failures = new FailedLoginWindow(jdbc, "test", 5, Duration.ofMinutes(5));
        failures.record(UUID.randomUUID().toString(), T0.minus(Duration.ofDays(1)));
        assertThat(countOlderThan(T0.minus(Duration.ofMinutes(5)))).isPositive();

        failures.record(UUID.randomUUID().toString(), T0);

        assertThat(countOlderThan(T0.minus(Duration.ofMinutes(5)))).isZero();
    }

    /**
     * The clean-up deletes "everything older than the window" while other transactions still
     * record failures. That is safe because what it deletes could never count again: a failure
     * is counted only while it is inside the window, and the window only moves forward. Many
     * clients failing at once, each clean-up racing the others' inserts, lose no failure that
     * still counts.
     */
    @Test
    void concurrentFailuresAndCleanUpsLoseNoFailureInsideTheWindow() throws Exception {
        int threads = 8;
        int each = 25;
        FailedLoginWindow failures = new FailedLoginWindow(jdbc, "test-race", threads * each, Duration.ofMinutes(5));
        String key = UUID.randomUUID().toString();
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        failures.record(key, Instant.now());
                        // Someone else's old failure, which a clean-up removes meanwhile.
                        failures.record(UUID.randomUUID().toString(), Instant.now().minus(Duration.ofHours(1)));
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdown();
        }
        Instant end = Instant.now();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_failures WHERE scope = 'test-race' AND failed_at > ?")
                .param(SqlTime.of(start.minusMillis(1))).query(Long.class).single()).isEqualTo((long) threads * each);
        // Exactly at the limit: the key waits, and one failure fewer would not.
        assertThat(failures.retryAfter(key, end)).isPositive();
        assertThat(new FailedLoginWindow(jdbc, "test-race", threads * each + 1, Duration.ofMinutes(5))
                .retryAfter(key, end)).isZero();
    }

    private long countOlderThan(Instant horizon) {
        return jdbc.sql("SELECT COUNT(*) FROM login_failures WHERE failed_at <= ?")
                .param(SqlTime.of(horizon)).query(Long.class).single();
    }
}
