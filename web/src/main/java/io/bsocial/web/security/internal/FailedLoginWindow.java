package io.bsocial.web.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.shared.sql.SqlTime;

/**
 * Failed logins of one kind (per client, per account) over a sliding window, in the database so
 * that every web instance sees the same count, and the time a key must wait once it reached its
 * limit. A key costs at most {@code limit} index entries to check, however many failures it has.
 */
class FailedLoginWindow {

    private final JdbcClient jdbc;
    private final String scope;
    private final int limit;
    private final Duration window;

    FailedLoginWindow(JdbcClient jdbc, String scope, int limit, Duration window) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.limit = limit;
        this.window = window;
    }

    void record(String key, Instant now) {
        jdbc.sql("INSERT INTO login_failures (scope, key_hash, failed_at) VALUES (:scope, :key, :at)")
                .param("scope", scope).param("key", digest(key)).param("at", SqlTime.of(now)).update();
        jdbc.sql("DELETE FROM login_failures WHERE failed_at <= :horizon")
                .param("horizon", SqlTime.of(now.minus(window))).update();
    }

    /** Zero while under the limit, else the time until the oldest counted failure leaves the window. */
    Duration retryAfter(String key, Instant now) {
        // The limit-th newest failure inside the window: while there is one, the key waits for it to expire.
        Optional<OffsetDateTime> oldestCounted = jdbc.sql("""
                SELECT failed_at FROM login_failures
                 WHERE scope = :scope AND key_hash = :key AND failed_at > :horizon
                 ORDER BY failed_at DESC
                 LIMIT 1 OFFSET :skip""")
                .param("scope", scope).param("key", digest(key)).param("horizon", SqlTime.of(now.minus(window)))
                .param("skip", limit - 1)
                .query(OffsetDateTime.class).optional();
        return oldestCounted.map(at -> Duration.between(now, at.toInstant().plus(window)))
                .filter(wait -> wait.compareTo(Duration.ZERO) > 0).orElse(Duration.ZERO);
    }

    void clear(String key) {
        jdbc.sql("DELETE FROM login_failures WHERE scope = :scope AND key_hash = :key")
                .param("scope", scope).param("key", digest(key)).update();
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
