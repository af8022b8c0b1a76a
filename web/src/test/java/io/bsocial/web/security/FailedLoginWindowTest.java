package io.bsocial.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.SqlTime;

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

    private long countOlderThan(Instant horizon) {
        return jdbc.sql("SELECT COUNT(*) FROM login_failures WHERE failed_at <= ?")
                .param(SqlTime.of(horizon)).query(Long.class).single();
    }
}
