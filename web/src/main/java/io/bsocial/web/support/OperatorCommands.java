package io.bsocial.web.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.bsocial.shared.sql.SqlTime;

/**
 * Operator commands that must not run twice at once, on this instance or any other: each holds a
 * lease, its row in {@code operator_commands}, taken by one conditional {@code UPDATE} (so two
 * instances asking at the same moment cannot both get it) and given back when the command ends.
 * A command that finds the lease held is not run; its endpoint answers 409 ({@link #alreadyRunning}).
 *
 * <p>A long command renews its lease between steps ({@link Running#renew}). A lease not renewed
 * for {@link #LEASE} belongs to a command whose instance stopped, and may be taken: a crash blocks
 * the command for at most that long.
 */
@Component
public class OperatorCommands {

    /** How long a lease holds without renewal: far longer than any step of a command. */
    public static final Duration LEASE = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;

    OperatorCommands(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A command that holds its lease. */
    public interface Running {

        /** Keeps the lease; throws when it was lost (not renewed for {@link #LEASE} and taken by another). */
        void renew();
    }

    /** Runs {@code work} holding the command's lease; empty (nothing run) when it is held already. */
    public <T> Optional<T> runAlone(String command, Function<Running, T> work) {
        String holder = UUID.randomUUID().toString();
        if (!acquire(command, holder)) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.apply(() -> renew(command, holder)));
        } finally {
            jdbc.sql("""
                    UPDATE operator_commands SET holder = NULL, started_at = NULL, renewed_at = NULL
                     WHERE name = :name AND holder = :holder""")
                    .param("name", command).param("holder", holder).update();
        }
    }

    /** When the command that runs now started; empty when none runs. */
    public Optional<Instant> runningSince(String command) {
        return jdbc.sql("""
                SELECT started_at FROM operator_commands
                 WHERE name = :name AND holder IS NOT NULL AND renewed_at >= :expired""")
                .param("name", command).param("expired", SqlTime.of(clock.instant().minus(LEASE)))
                .query((rs, row) -> SqlTime.instant(rs, "started_at")).optional();
    }

    /** The answer to a command that runs already: 409, a problem document. */
    public static WebEndpointResponse<Object> alreadyRunning(String detail) {
        HttpStatus status = HttpStatus.CONFLICT;
        return new WebEndpointResponse<>(new Problem("about:blank", status.getReasonPhrase(), status.value(), detail),
                status.value(), MediaType.APPLICATION_PROBLEM_JSON);
    }

    public static WebEndpointResponse<Object> ok(Object body) {
        return new WebEndpointResponse<>(body, HttpStatus.OK.value());
    }

    record Problem(String type, String title, int status, String detail) {
    }

    private boolean acquire(String command, String holder) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO operator_commands (name) VALUES (?) ON CONFLICT DO NOTHING").param(command).update();
        return jdbc.sql("""
                UPDATE operator_commands SET holder = :holder, started_at = :now, renewed_at = :now
                 WHERE name = :name AND (holder IS NULL OR renewed_at < :expired)""")
                .param("holder", holder).param("now", SqlTime.of(now)).param("name", command)
                .param("expired", SqlTime.of(now.minus(LEASE)))
                .update() == 1;
    }

    private void renew(String command, String holder) {
        int renewed = jdbc.sql("UPDATE operator_commands SET renewed_at = :now WHERE name = :name AND holder = :holder")
                .param("now", SqlTime.of(clock.instant())).param("name", command).param("holder", holder)
                .update();
        if (renewed == 0) {
            throw new IllegalStateException("operator command " + command + " lost its lease (not renewed for "
                    + LEASE + ") and stops");
        }
    }
}
