package io.bsocial.web.profile.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.follow.FollowProbes;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.AccountKey;
import io.bsocial.web.account.AvatarUrl;
import io.bsocial.web.block.Blocks;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.profile.Profile;

@Repository
public class ProfileRepository {

    /** A profile's columns, of {@code users u}, as seen by {@code :viewer}. */
    private static final String COLUMNS = """
            u.id, u.username, u.first_name, u.last_name, u.bio,
                   (SELECT a.version FROM avatars a WHERE a.user_id = u.id) AS avatar_version,
                   (SELECT COUNT(*) FROM follows f WHERE f.followee_id = u.id) AS followers,
                   (SELECT COUNT(*) FROM follows f WHERE f.follower_id = u.id) AS following,
                   EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = :viewer AND f.followee_id = u.id)
                       AS followed_by_me
            """;

    private static final String SELECT = "SELECT " + COLUMNS + " FROM users u\n";

    /** Who follows :owner: the follows of the (followee_id, created_at, follower_id) index. */
    private static final String FOLLOWERS = "SELECT lf.created_at AS followed_at, " + COLUMNS + """
              FROM follows lf JOIN users u ON u.id = lf.follower_id
             WHERE lf.followee_id = :owner AND (lf.created_at, lf.follower_id) < (:createdAt, :lastId)
             ORDER BY lf.created_at DESC, lf.follower_id DESC
             LIMIT :fetch""";

    /** Whom :owner follows: the follows of the (follower_id, created_at, followee_id) index. */
    private static final String FOLLOWING = "SELECT lf.created_at AS followed_at, " + COLUMNS + """
              FROM follows lf JOIN users u ON u.id = lf.followee_id
             WHERE lf.follower_id = :owner AND (lf.created_at, lf.followee_id) < (:createdAt, :lastId)
             ORDER BY lf.created_at DESC, lf.followee_id DESC
             LIMIT :fetch""";

    private final JdbcClient jdbc;
    private final FollowProbes follows;

    ProfileRepository(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.follows = FollowProbes.on(jdbc, dataSource);
    }

    Optional<Profile> find(String username, long viewerId) {
        String key = AccountKey.of(username);
        if (!AccountKey.canMatch(key)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE u.username_key = :key AND (u.id = :viewer OR " + Blocks.notSuspended("u.id") + ")")
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
                 WHERE (u.username_key LIKE :pattern ESCAPE '\\'
                    OR u.name_key LIKE :pattern ESCAPE '\\'
                    OR u.last_name_key LIKE :pattern ESCAPE '\\')
                   AND\s""" + Blocks.notSuspended("u.id") + """
                 ORDER BY u.username_key
                 LIMIT :limit""")
                .param("viewer", viewerId).param("pattern", pattern).param("limit", limit)
                .query(ProfileRepository::map).list();
    }

    /**
     * People followed by the people {@code viewerId} follows, the most of them first; never the
     * viewer nor anyone they follow, nor anyone in a block with them. Reads the viewer's follows, then theirs (two index ranges).
     */
    public List<Long> followedByFollowed(long viewerId, int limit) {
        return jdbc.sql("""
                SELECT theirs.followee_id FROM follows mine
                  JOIN follows theirs ON theirs.follower_id = mine.followee_id
                 WHERE mine.follower_id = :viewer AND theirs.followee_id <> :viewer
                   AND NOT EXISTS (SELECT 1 FROM follows f
                                    WHERE f.follower_id = :viewer AND f.followee_id = theirs.followee_id)
                   AND\s""" + Blocks.neitherBlocks(":viewer", "theirs.followee_id") + """
                 GROUP BY theirs.followee_id
                 ORDER BY COUNT(*) DESC, theirs.followee_id DESC
                 LIMIT :limit""")
                .param("viewer", viewerId).param("limit", limit).query(Long.class).list();
    }

    /** Which of these users {@code viewerId} follows. */
    public Set<Long> followedAmong(long viewerId, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(follows.followeesAmong(viewerId, ids));
    }

    /** The newest users {@code viewerId} does not follow (nor is in a block with): the last resort of suggestions, in a new network. */
    public List<Long> newestNotFollowed(long viewerId, int limit) {
        return jdbc.sql("""
                SELECT u.id FROM users u
                 WHERE u.id <> :viewer
                   AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = :viewer AND f.followee_id = u.id)
                   AND\s""" + Blocks.neitherBlocks(":viewer", "u.id") + """
                 ORDER BY u.id DESC
                 LIMIT :limit""")
                .param("viewer", viewerId).param("limit", limit).query(Long.class).list();
    }

    /** These users' profiles, as {@code viewerId} sees them, in the order of {@code ids}. */
    public List<Profile> byIds(List<Long> ids, long viewerId) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Profile> found = new HashMap<>();
        jdbc.sql(SELECT + " WHERE u.id IN (:ids)").param("viewer", viewerId).param("ids", ids)
                .query(ProfileRepository::map).list().forEach(profile -> found.put(profile.id(), profile));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** Whom :owner blocked, newest block first (blocks_listed_idx). */
    private static final String BLOCKED = "SELECT lb.created_at AS followed_at, " + COLUMNS + """
              FROM blocks lb JOIN users u ON u.id = lb.blocked_id
             WHERE lb.blocker_id = :owner AND (lb.created_at, lb.blocked_id) < (:createdAt, :lastId)
             ORDER BY lb.created_at DESC, lb.blocked_id DESC
             LIMIT :fetch""";

    /** Whom :owner muted, newest mute first (mutes_listed_idx). */
    private static final String MUTED = "SELECT lm.created_at AS followed_at, " + COLUMNS + """
              FROM mutes lm JOIN users u ON u.id = lm.muted_id
             WHERE lm.muter_id = :owner AND (lm.created_at, lm.muted_id) < (:createdAt, :lastId)
             ORDER BY lm.created_at DESC, lm.muted_id DESC
             LIMIT :fetch""";

    /** Whom {@code userId} blocked, newest first, keyset paged (their own list: viewer and owner are one). */
    public List<Listed> blocked(long userId, PageRequest page) {
        return followList(BLOCKED, userId, userId, page);
    }

    /** Whom {@code userId} muted, newest first, keyset paged. */
    public List<Listed> muted(long userId, PageRequest page) {
        return followList(MUTED, userId, userId, page);
    }

    /** A person in a followers or following list, with when that follow began (the list's order). */
    record Listed(Profile profile, Cursor position) {
    }

    /** Who follows {@code userId}, newest follow first, keyset paged. */
    List<Listed> followers(long userId, long viewerId, PageRequest page) {
        return followList(FOLLOWERS, userId, viewerId, page);
    }

    /** Whom {@code userId} follows, newest follow first, keyset paged. */
    List<Listed> following(long userId, long viewerId, PageRequest page) {
        return followList(FOLLOWING, userId, viewerId, page);
    }

    private List<Listed> followList(String sql, long userId, long viewerId, PageRequest page) {
        return jdbc.sql(sql)
                .param("viewer", viewerId).param("owner", userId)
                .param("createdAt", SqlTime.of(page.cursor().createdAt())).param("lastId", page.cursor().id())
                .param("fetch", page.fetchSize())
                .query((rs, row) -> {
                    Profile profile = map(rs, row);
                    return new Listed(profile, new Cursor(SqlTime.instant(rs, "followed_at"), profile.id()));
                }).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Profile map(ResultSet rs, int row) throws SQLException {
        return new Profile(rs.getLong("id"), rs.getString("username"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("bio"),
                AvatarUrl.of(rs.getString("username"), rs.getObject("avatar_version", Long.class)), rs.getLong("followers"), rs.getLong("following"),
                rs.getBoolean("followed_by_me"));
    }
}
