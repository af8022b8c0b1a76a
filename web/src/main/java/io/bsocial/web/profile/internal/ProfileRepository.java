package io.bsocial.web.profile.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bsocial.web.account.AccountKey;
import io.bsocial.web.profile.Profile;

@Repository
public class ProfileRepository {

    private static final String SELECT = """
            SELECT u.id, u.username, u.first_name, u.last_name,
                   (SELECT COUNT(*) FROM follows f WHERE f.followee_id = u.id) AS followers,
                   (SELECT COUNT(*) FROM follows f WHERE f.follower_id = u.id) AS following,
                   EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = :viewer AND f.followee_id = u.id)
                       AS followed_by_me
              FROM users u
            """;

    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Profile> find(String username, long viewerId) {
        String key = AccountKey.of(username);
        if (!AccountKey.canMatch(key)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE u.username_key = :key")
                .param("viewer", viewerId).param("key", key)
                .query(ProfileRepository::map).optional();
    }

    /**
     * Users whose username, first name, last name or full name starts with {@code prefix}; a prefix
     * that no key can hold (a control character) matches nobody and is never sent to the database.
     */
    List<Profile> search(String prefix, long viewerId, int limit) {
        String key = AccountKey.of(prefix);
        if (!AccountKey.canMatch(key)) {
            return List.of();
        }
        String pattern = escapeLike(key) + "%";
        return jdbc.sql(SELECT + """
                 WHERE u.username_key LIKE :pattern ESCAPE '\\'
                    OR u.name_key LIKE :pattern ESCAPE '\\'
                    OR u.last_name_key LIKE :pattern ESCAPE '\\'
                 ORDER BY u.username_key
                 LIMIT :limit""")
                .param("viewer", viewerId).param("pattern", pattern).param("limit", limit)
                .query(ProfileRepository::map).list();
    }

    /** People to follow for someone whose feed is empty: the newest users they do not follow yet. */
    public List<Profile> suggestions(long viewerId, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE u.id <> :viewer
                   AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = :viewer AND f.followee_id = u.id)
                 ORDER BY u.id DESC
                 LIMIT :limit""")
                .param("viewer", viewerId).param("limit", limit)
                .query(ProfileRepository::map).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Profile map(ResultSet rs, int row) throws SQLException {
        return new Profile(rs.getLong("id"), rs.getString("username"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getLong("followers"), rs.getLong("following"),
                rs.getBoolean("followed_by_me"));
    }
}
