package io.bsocial.web.report.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.paging.Cursor;

/** The {@code reports} table: one row per reporter and target, open until a moderator acts. */
@Repository
class ReportRepository {

    static final int DELETED = 1;
    static final int SUSPENDED = 2;
    static final int DISMISSED = 3;

    /** A report as stored. */
    record Row(long id, long reporterId, int kind, long targetId, long targetUserId, String reason, Instant createdAt,
            boolean open) {
    }

    /** An open report as moderators see it: the reported content (null when gone or for an account). */
    record Listed(long id, int kind, long targetId, Long postId, String content, String targetUsername,
            String targetFirstName, String targetLastName, boolean targetSuspended, String reporterUsername,
            String reason, Instant createdAt) {
    }

    private static final String ROW = """
            SELECT id, reporter_id, target_kind, target_id, target_user_id, reason, created_at, closed_at
              FROM reports""";

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the report unless this reporter has one of this target already; true when inserted. */
    boolean insert(long reporterId, int kind, long targetId, long targetUserId, String reason, Instant at) {
        return jdbc.sql("""
                        INSERT INTO reports (reporter_id, target_kind, target_id, target_user_id, reason, created_at)
                        VALUES (:reporter, :kind, :target, :targetUser, :reason, :at)
                        ON CONFLICT DO NOTHING""")
                .param("reporter", reporterId).param("kind", kind).param("target", targetId)
                .param("targetUser", targetUserId).param("reason", reason).param("at", SqlTime.of(at))
                .update() == 1;
    }

    /** The reporter's report of this target, locked for the rest of the transaction. */
    Optional<Row> mine(long reporterId, int kind, long targetId) {
        return jdbc.sql(ROW + " WHERE reporter_id = :reporter AND target_kind = :kind AND target_id = :target FOR UPDATE")
                .param("reporter", reporterId).param("kind", kind).param("target", targetId)
                .query(ReportRepository::row).optional();
    }

    /** Opens a closed report again, with the new reason and time. */
    void reopen(long id, String reason, Instant at) {
        jdbc.sql("""
                        UPDATE reports SET reason = :reason, created_at = :at, closed_at = NULL, closed_by = NULL,
                               resolution = NULL
                         WHERE id = :id""")
                .param("reason", reason).param("at", SqlTime.of(at)).param("id", id).update();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(ROW + " WHERE id = ?").param(id).query(ReportRepository::row).optional();
    }

    /**
     * Locks every report about this account, in id order, and answers the one asked for as it is
     * now: moderators acting on reports about one account take turns, and never wait for each other
     * in a circle (every action locks the same set, the same way).
     */
    Optional<Row> lockAbout(long targetUserId, long id) {
        List<Long> locked = jdbc.sql("SELECT id FROM reports WHERE target_user_id = ? ORDER BY id FOR UPDATE")
                .param(targetUserId).query(Long.class).list();
        return locked.contains(id) ? find(id) : Optional.empty();
    }

    /** Closes the open reports of this target; how many. */
    int closeTarget(int kind, long targetId, long moderatorId, int resolution, Instant at) {
        return jdbc.sql("""
                        UPDATE reports SET closed_at = :at, closed_by = :moderator, resolution = :resolution
                         WHERE target_kind = :kind AND target_id = :target AND closed_at IS NULL""")
                .param("at", SqlTime.of(at)).param("moderator", moderatorId).param("resolution", resolution)
                .param("kind", kind).param("target", targetId).update();
    }

    /** Closes every open report about this account (its content or itself); how many. */
    int closeAbout(long targetUserId, long moderatorId, int resolution, Instant at) {
        return jdbc.sql("""
                        UPDATE reports SET closed_at = :at, closed_by = :moderator, resolution = :resolution
                         WHERE target_user_id = :user AND closed_at IS NULL""")
                .param("at", SqlTime.of(at)).param("moderator", moderatorId).param("resolution", resolution)
                .param("user", targetUserId).update();
    }

    /** Open reports, oldest first, after {@code from}: keyset by (created_at, id). */
    List<Listed> open(Cursor from, int fetch) {
        return jdbc.sql("""
                        SELECT r.id, r.target_kind, r.target_id, r.reason, r.created_at,
                               CASE r.target_kind WHEN 1 THEN r.target_id WHEN 2 THEN c.post_id END AS post_id,
                               CASE r.target_kind WHEN 1 THEN p.content WHEN 2 THEN c.content END AS content,
                               tu.username AS target_username, tu.first_name AS target_first_name,
                               tu.last_name AS target_last_name,
                               EXISTS (SELECT 1 FROM suspensions s WHERE s.user_id = tu.id) AS target_suspended,
                               ru.username AS reporter_username
                          FROM reports r
                          JOIN users tu ON tu.id = r.target_user_id
                          JOIN users ru ON ru.id = r.reporter_id
                          LEFT JOIN posts p ON r.target_kind = 1 AND p.id = r.target_id
                          LEFT JOIN comments c ON r.target_kind = 2 AND c.id = r.target_id
                         WHERE r.closed_at IS NULL AND (r.created_at, r.id) > (:createdAt, :lastId)
                         ORDER BY r.created_at, r.id
                         LIMIT :fetch""")
                .param("createdAt", SqlTime.of(from.createdAt())).param("lastId", from.id()).param("fetch", fetch)
                .query((rs, n) -> new Listed(rs.getLong("id"), rs.getInt("target_kind"), rs.getLong("target_id"),
                        (Long) rs.getObject("post_id", Long.class), rs.getString("content"),
                        rs.getString("target_username"), rs.getString("target_first_name"),
                        rs.getString("target_last_name"), rs.getBoolean("target_suspended"),
                        rs.getString("reporter_username"), rs.getString("reason"), SqlTime.instant(rs, "created_at")))
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("reporter_id"), rs.getInt("target_kind"), rs.getLong("target_id"),
                rs.getLong("target_user_id"), rs.getString("reason"), SqlTime.instant(rs, "created_at"),
                rs.getObject("closed_at") == null);
    }
}
