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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import io.bsocial.shared.sql.SqlTime;

/**
 * Failed logins of one kind (per client, per account, per device) over a sliding window, in the
 * database so that every web instance sees the same count, and the time a key must wait once it
 * reached its limit. A key costs at most {@code limit + 1} index entries to check, however many
 * failures it has.
 *
 * <p>An attempt is recorded <em>before</em> its password is checked ({@link #record}), committed at
 * once, and only then counted: the attempt ranked n-th among those committed sees at least n rows,
 * so however many run at once, no more than {@code limit} get past {@link #exceeded}. The bound is
 * an upper one: a burst whose attempts all record before any counts is refused whole, the safe
 * side. A success, a refused attempt, or one that never reached the password check withdraws its row.
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

    /** A failure recorded ahead of the check, to be withdrawn if the attempt succeeds. */
    record Reservation(FailedLoginWindow window, String key, long id) {

        boolean exceeded(Instant now) {
            return window.exceeded(key, now);
        }

        void withdraw() {
            window.withdraw(id);
        }

        Duration retryAfter(Instant now) {
            return window.retryAfter(key, now);
        }
    }

    /** Records an attempt as a failure now (it commits on its own, outside any transaction), and prunes old rows. */
    Reservation record(String key, Instant now) {
        KeyHolder id = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO login_failures (scope, key_hash, failed_at) VALUES (:scope, :key, :at)")
                .param("scope", scope).param("key", digest(key)).param("at", SqlTime.of(now))
                .update(id, "id");
        jdbc.sql("DELETE FROM login_failures WHERE failed_at <= :horizon")
                .param("horizon", SqlTime.of(now.minus(window))).update();
        return new Reservation(this, key, id.getKeyAs(Number.class).longValue());
    }

    /** Whether the key holds more than {@code limit} failures inside the window (a reserved one included). */
    boolean exceeded(String key, Instant now) {
        return failureAt(key, now, limit).isPresent();
    }

    void withdraw(long id) {
        jdbc.sql("DELETE FROM login_failures WHERE id = ?").param(id).update();
    }

    /** Zero while under the limit, else the time until the oldest counted failure leaves the window. */
    Duration retryAfter(String key, Instant now) {
        // The limit-th newest failure inside the window: while there is one, the key waits for it to expire.
        return failureAt(key, now, limit - 1).map(at -> Duration.between(now, at.toInstant().plus(window)))
                .filter(wait -> wait.compareTo(Duration.ZERO) > 0).orElse(Duration.ZERO);
    }

    /** The time of the key's failure that has {@code skip} newer ones inside the window, if it has one. */
    private Optional<OffsetDateTime> failureAt(String key, Instant now, int skip) {
        return jdbc.sql("""
                SELECT failed_at FROM login_failures
                 WHERE scope = :scope AND key_hash = :key AND failed_at > :horizon
                 ORDER BY failed_at DESC
                 LIMIT 1 OFFSET :skip""")
                .param("scope", scope).param("key", digest(key)).param("horizon", SqlTime.of(now.minus(window)))
                .param("skip", skip)
                .query(OffsetDateTime.class).optional();
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
