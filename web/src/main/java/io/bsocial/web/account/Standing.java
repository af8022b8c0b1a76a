package io.bsocial.web.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;

/**
 * An account's standing: whether it moderates ({@code moderators}, given by an operator) and
 * whether it is suspended ({@code suspensions}, by a moderator). A suspended account cannot log in
 * ({@link Accounts#authenticate}), is signed out everywhere when suspended, and everything it wrote
 * is hidden by the visibility rule ({@code block.Blocks}' SQL names suspended accounts).
 * A change of the moderator role signs the account out everywhere: its sessions carry the
 * authorities of their login, and the next login has the new ones.
 */
@Service
public class Standing {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SignedInSessions sessions;

    Standing(JdbcClient jdbc, Clock clock, SignedInSessions sessions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sessions = sessions;
    }

    public boolean isModerator(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM moderators WHERE user_id = ?").param(userId).query(Long.class).single() > 0;
    }

    public boolean isSuspended(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM suspensions WHERE user_id = ?").param(userId).query(Long.class).single() > 0;
    }

    /** The usernames of every moderator, in order. */
    public List<String> moderators() {
        return jdbc.sql("SELECT u.username FROM moderators m JOIN users u ON u.id = m.user_id ORDER BY u.username")
                .query(String.class).list();
    }

    /** Gives the role; true when it changed (then the account's sessions end, to log in with it). */
    @Transactional
    public boolean grantModerator(UserView user) {
        boolean changed = jdbc.sql("INSERT INTO moderators (user_id, granted_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .param(user.id()).param(SqlTime.of(SqlTime.now(clock))).update() == 1;
        if (changed) {
            sessions.endEverywhere(session(user));
        }
        return changed;
    }

    /** Takes the role back; true when it changed (then the account's sessions end at once). */
    @Transactional
    public boolean revokeModerator(UserView user) {
        boolean changed = jdbc.sql("DELETE FROM moderators WHERE user_id = ?").param(user.id()).update() == 1;
        if (changed) {
            sessions.endEverywhere(session(user));
        }
        return changed;
    }

    /**
     * Suspends the account (idempotent; true when it changed) and signs it out everywhere: every
     * session, API token and device cookie stops working, as after a password reset.
     */
    @Transactional
    public boolean suspend(UserView user, long moderatorId) {
        Instant now = SqlTime.now(clock);
        boolean changed = jdbc.sql("""
                        INSERT INTO suspensions (user_id, suspended_by, suspended_at) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                .param(user.id()).param(moderatorId).param(SqlTime.of(now)).update() == 1;
        sessions.endEverywhere(session(user));
        return changed;
    }

    /** Lifts the suspension (idempotent); true when there was one. */
    @Transactional
    public boolean unsuspend(UserView user) {
        return jdbc.sql("DELETE FROM suspensions WHERE user_id = ?").param(user.id()).update() == 1;
    }

    private static SessionUser session(UserView user) {
        return new SessionUser(user.id(), user.username(), user.firstName(), user.lastName());
    }
}
