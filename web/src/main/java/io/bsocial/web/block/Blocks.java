package io.bsocial.web.block;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The rules of blocks and mutes as the other modules apply them, so each is written once:
 * <ul>
 * <li>a block works both ways: neither of the two sees, follows, answers, likes or mentions the
 * other ({@link #neitherBlocks});</li>
 * <li>a mute works one way and only on the feed and on notifications: the muter's feed leaves the
 * muted person out ({@link #notMuted}), and the muted person notifies the muter no more
 * ({@link #silencing}).</li>
 * <li>a suspended account (table {@code suspensions}, set by a moderator) is as if everyone blocked
 * it: each rule here that hides or silences across a block hides and silences a suspended account
 * too, so posts, comments, profiles, feeds, tags, suggestions and mentions drop it in this one
 * place.</li>
 * </ul>
 */
@Service
public class Blocks {

    private final JdbcClient jdbc;

    Blocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * SQL: true when neither of the two users (columns or parameters, e.g. {@code ":viewer"} and
     * {@code "p.author_id"}) blocked the other. Two probes of the blocks' primary key.
     */
    public static String neitherBlocks(String one, String other) {
        return "NOT EXISTS (SELECT 1 FROM suspensions ns WHERE ns.user_id IN (" + one + ", " + other + ")) AND NOT EXISTS (SELECT 1 FROM blocks nb1 WHERE nb1.blocker_id = " + one + " AND nb1.blocked_id = " + other
                + ") AND NOT EXISTS (SELECT 1 FROM blocks nb2 WHERE nb2.blocker_id = " + other
                + " AND nb2.blocked_id = " + one + ")";
    }

    /** SQL: true when {@code muter} did not mute {@code muted}. One probe of the mutes' primary key. */
    public static String notMuted(String muter, String muted) {
        return "NOT EXISTS (SELECT 1 FROM mutes nm WHERE nm.muter_id = " + muter + " AND nm.muted_id = " + muted + ")";
    }

    /**
     * SQL: the ids of the users in a block with {@code :viewer} (either way), as column
     * {@code user_id}: two index ranges, as small as the viewer's blocks.
     */
    public static final String BLOCKED_EITHER_WAY = """
            SELECT bw.blocked_id AS user_id FROM blocks bw WHERE bw.blocker_id = :viewer
            UNION ALL
            SELECT bw.blocker_id FROM blocks bw WHERE bw.blocked_id = :viewer
            UNION ALL
            SELECT sw.user_id FROM suspensions sw""";

    /** SQL: true when the user in {@code column} is not suspended (a profile found by name, a search). */
    public static String notSuspended(String column) {
        return "NOT EXISTS (SELECT 1 FROM suspensions su WHERE su.user_id = " + column + ")";
    }

    /** Whether one of the two blocked the other (or either is suspended). */
    public boolean eitherBlocks(long one, long other) {
        return jdbc.sql("SELECT COUNT(*) FROM blocks WHERE (blocker_id = :a AND blocked_id = :b)"
                        + " OR (blocker_id = :b AND blocked_id = :a)")
                .param("a", one).param("b", other).query(Long.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM suspensions WHERE user_id IN (:a, :b)")
                        .param("a", one).param("b", other).query(Long.class).single() > 0;
    }

    /** Of {@code userIds}, those in a block with {@code userId}, either way: a text's mentions leave them out. */
    public Set<Long> blockedEitherWay(long userId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT b.blocked_id FROM blocks b WHERE b.blocker_id = :user AND b.blocked_id IN (:ids)
                UNION
                SELECT b.blocker_id FROM blocks b WHERE b.blocked_id = :user AND b.blocker_id IN (:ids)
                UNION
                SELECT s.user_id FROM suspensions s WHERE s.user_id IN (:ids)""")
                .param("user", userId).param("ids", userIds).query(Long.class).list());
    }

    /**
     * Of {@code userIds}, those {@code actorId} may not reach (mention, notify): whoever is in a
     * block with the actor, either way, and whoever muted the actor.
     */
    public Set<Long> silencing(long actorId, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                SELECT b.blocked_id FROM blocks b WHERE b.blocker_id = :actor AND b.blocked_id IN (:ids)
                UNION
                SELECT b.blocker_id FROM blocks b WHERE b.blocked_id = :actor AND b.blocker_id IN (:ids)
                UNION
                SELECT m.muter_id FROM mutes m WHERE m.muted_id = :actor AND m.muter_id IN (:ids)
                UNION
                SELECT s.user_id FROM suspensions s WHERE s.user_id IN (:ids)""")
                .param("actor", actorId).param("ids", userIds).query(Long.class).list());
    }

    /** What {@code viewerId} did about {@code otherId}: the controls a profile page shows. */
    public record Stance(boolean blocked, boolean muted) {
    }

    public Stance stance(long viewerId, long otherId) {
        boolean blocked = jdbc.sql("SELECT COUNT(*) FROM blocks WHERE blocker_id = ? AND blocked_id = ?")
                .param(viewerId).param(otherId).query(Long.class).single() > 0;
        boolean muted = jdbc.sql("SELECT COUNT(*) FROM mutes WHERE muter_id = ? AND muted_id = ?")
                .param(viewerId).param(otherId).query(Long.class).single() > 0;
        return new Stance(blocked, muted);
    }

    /**
     * Takes the lock of the pair for the rest of the transaction: a follow and a block between the
     * same two people run one after the other, whoever started first (each row made on first use;
     * the lower id is locked first, so two such transactions never wait for each other in a circle).
     * Call after spending the budget, before writing.
     */
    public void lockPair(long one, long other) {
        lock(Math.min(one, other));
        lock(Math.max(one, other));
    }

    private void lock(long userId) {
        jdbc.sql("INSERT INTO relation_locks (user_id) VALUES (?) ON CONFLICT DO NOTHING").param(userId).update();
        jdbc.sql("SELECT user_id FROM relation_locks WHERE user_id = ? FOR UPDATE").param(userId).query(Long.class)
                .list();
    }
}
