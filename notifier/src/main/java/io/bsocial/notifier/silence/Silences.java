package io.bsocial.notifier.silence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.bsocial.shared.sql.SqlTime;

/**
 * Who silenced whom: the latest fact of each block and mute, and the rule of what they silence. A
 * recipient hears nothing from an actor when the recipient blocked or muted the actor, or the
 * actor blocked the recipient (a block works both ways, a mute one way; the muted is not told).
 */
@Component
public class Silences {

    /** Whether it is a block or a mute: the column's values. */
    public enum Kind {
        BLOCK, MUTE;

        String column() {
            return name().toLowerCase();
        }
    }

    /**
     * SQL: true unless the user bound as {@code :recipient} may not hear from the one bound as
     * {@code :actor}, or either deleted their account (the tombstone of kind {@code user} in
     * {@code retractions}: a late event of a deleted account stores nothing). Every insert of a notification carries it, and looks again once committed.
     */
    public static final String NOT_SILENCED = """
            NOT EXISTS (SELECT 1 FROM notifier_silences s1
                         WHERE s1.user_id = :recipient AND s1.other_id = :actor AND s1.active = TRUE)
            AND NOT EXISTS (SELECT 1 FROM notifier_silences s2
                         WHERE s2.user_id = :actor AND s2.other_id = :recipient AND s2.kind = 'block' AND s2.active = TRUE)
            AND NOT EXISTS (SELECT 1 FROM retractions gone
                         WHERE gone.kind = 'user' AND (gone.item_id = :recipient OR gone.item_id = :actor))""";

    /** Bound on one IN list. */
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    Silences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps the fact unless a later one about the same (who, whom, kind) is kept already; answers
     * whether it is now the latest (a redelivered or older fact changes nothing).
     */
    public boolean remember(long userId, long otherId, Kind kind, boolean active, Instant at) {
        if (jdbc.sql("SELECT COUNT(*) FROM retractions WHERE kind = 'user' AND item_id IN (:user, :other)")
                .param("user", userId).param("other", otherId).query(Long.class).single() > 0) {
            return false; // a late fact about a deleted account (see notification.internal.AccountErasure)
        }
        int updated = jdbc.sql("""
                UPDATE notifier_silences SET active = :active, as_of = :at
                 WHERE user_id = :user AND other_id = :other AND kind = :kind AND as_of < :at""")
                .param("active", active).param("at", SqlTime.of(at)).param("user", userId).param("other", otherId)
                .param("kind", kind.column()).update();
        if (updated == 1) {
            return true;
        }
        return jdbc.sql("""
                INSERT INTO notifier_silences (user_id, other_id, kind, active, as_of)
                VALUES (:user, :other, :kind, :active, :at) ON CONFLICT DO NOTHING""")
                .param("active", active).param("at", SqlTime.of(at)).param("user", userId).param("other", otherId)
                .param("kind", kind.column()).update() == 1;
    }

    /** Whether one of the two blocked the other (as the latest facts say). */
    public boolean eitherBlocks(long one, long other) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM notifier_silences
                 WHERE kind = 'block' AND active = TRUE
                   AND ((user_id = :a AND other_id = :b) OR (user_id = :b AND other_id = :a))""")
                .param("a", one).param("b", other).query(Long.class).single() > 0;
    }

    /** Of {@code recipients}, those who may not hear from {@code actorId}. */
    public Set<Long> silencedFrom(long actorId, Collection<Long> recipients) {
        List<Long> all = new ArrayList<>(recipients);
        Set<Long> silenced = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            silenced.addAll(jdbc.sql("""
                    SELECT s.user_id FROM notifier_silences s
                     WHERE s.other_id = :actor AND s.active = TRUE AND s.user_id IN (:ids)
                    UNION
                    SELECT s.other_id FROM notifier_silences s
                     WHERE s.user_id = :actor AND s.kind = 'block' AND s.active = TRUE AND s.other_id IN (:ids)""")
                    .param("actor", actorId).param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query(Long.class).list());
        }
        return silenced;
    }
}
