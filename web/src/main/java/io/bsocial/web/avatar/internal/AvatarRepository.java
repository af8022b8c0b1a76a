package io.bsocial.web.avatar.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.avatar.internal.AvatarImages.EncodedAvatar;

/** The {@code avatars} table: one row per account that has an avatar. */
@Repository
class AvatarRepository {

    private final JdbcClient jdbc;

    AvatarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the account's avatar and answers its new version: the time in milliseconds, or one more
     * than the version it replaces when that is not earlier, so that a version is never reused.
     */
    @Transactional
    long store(long userId, EncodedAvatar avatar, Instant now) {
        // The account's row is the lock: two uploads of one account take turns, so the second
        // sees the first's row and version instead of racing it to the insert.
        jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE").param(userId).query(Long.class).single();
        Optional<Long> current = jdbc.sql("SELECT version FROM avatars WHERE user_id = ?")
                .param(userId).query(Long.class).optional();
        long version = current.map(previous -> Math.max(previous + 1, now.toEpochMilli())).orElse(now.toEpochMilli());
        String sql = current.isPresent() ? """
                UPDATE avatars SET version = :version, content_type = :type, image = :image, updated_at = :at
                 WHERE user_id = :user
                """ : """
                INSERT INTO avatars (user_id, version, content_type, image, updated_at)
                VALUES (:user, :version, :type, :image, :at)
                """;
        jdbc.sql(sql).param("user", userId).param("version", version).param("type", avatar.type().mediaType())
                .param("image", avatar.bytes()).param("at", SqlTime.of(now)).update();
        return version;
    }

    /** Whether there was one to delete. */
    boolean delete(long userId) {
        return jdbc.sql("DELETE FROM avatars WHERE user_id = ?").param(userId).update() > 0;
    }

    Optional<StoredAvatar> find(long userId) {
        return jdbc.sql("SELECT version, content_type, image FROM avatars WHERE user_id = ?").param(userId)
                .query((rs, row) -> new StoredAvatar(rs.getLong("version"),
                        AvatarType.ofStored(rs.getString("content_type")), rs.getBytes("image")))
                .optional();
    }

    record StoredAvatar(long version, AvatarType type, byte[] bytes) {
    }
}
