package io.bsocial.web.post.internal;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.Post;
import io.bsocial.web.timeline.TimelineHorizons;

/**
 * The feed: posts of the viewer and of everyone they follow (Visibility.FEED_AUTHORS: not across a
 * block, not from someone they muted), newest first. Each page is read
 * from the viewer's home timeline where it is built (docs/feed.md, "Home timelines"), and with
 * the query of before where it is not: below its horizon, or for a user without one.
 * <p>
 * The materialised read takes the union of the timeline's entries (each still followed), the
 * posts still waiting for their fan-out, and the posts of the viewer and of the popular authors
 * they follow (a few index probes), all at or after the horizon: so it answers exactly what the
 * query of before answers, whatever the fan-out has done so far.
 * <p>
 * The query of before: on PostgreSQL each visible author contributes at most one page of
 * (created_at, id) pairs read from the (author_id, created_at, id) index alone (a LATERAL join),
 * and only the rows of the page itself are then read. H2, which has no LATERAL, gets the same
 * rule as a plain IN: it is the development and test database.
 */
@Repository
public class FeedRepository {

    private static final String PER_AUTHOR_TOP = "SELECT " + PostRows.COLUMNS + """
              FROM (SELECT top.id, top.created_at
                      FROM (""" + Visibility.FEED_AUTHORS + """
                           ) a
                     CROSS JOIN LATERAL (
                           SELECT lp.id, lp.created_at FROM posts lp
                            WHERE lp.author_id = a.author_id
                              AND (lp.created_at, lp.id) < (:createdAt, :lastId)
                            ORDER BY lp.created_at DESC, lp.id DESC
                            LIMIT :fetch) top
                     ORDER BY top.created_at DESC, top.id DESC
                     LIMIT :fetch) page
              JOIN posts p ON p.id = page.id
              JOIN users u ON u.id = p.author_id
             ORDER BY p.created_at DESC, p.id DESC""";

    private static final String PLAIN = "SELECT " + PostRows.COLUMNS + """
              FROM posts p JOIN users u ON u.id = p.author_id
             WHERE p.author_id IN (""" + Visibility.FEED_AUTHORS + """
                   )
               AND (p.created_at, p.id) < (:createdAt, :lastId)
             ORDER BY p.created_at DESC, p.id DESC
             LIMIT :fetch""";

    /** The tables whose author_id the materialised read checks against the viewer's follows. */
    private static final List<String> FOLLOWED_ALIASES = List.of("t", "q", "ta");

    /** The viewer and the popular authors they follow: read at feed time, never fanned out. */
    private static final String PROBED_AUTHORS = """
            SELECT CAST(:viewer AS BIGINT) AS author_id
            UNION ALL
            SELECT ta.author_id FROM timeline_authors ta {join:ta}
             WHERE ta.popular = TRUE {and:ta}""";

    private static final String ENTRIES_AND_PENDING = """
                    (SELECT t.post_id AS id, t.created_at FROM home_timelines t {join:t}
                      WHERE t.user_id = :viewer
                        AND (t.created_at, t.post_id) < (:createdAt, :lastId)
                        AND (t.created_at, t.post_id) >= (:horizonAt, :horizonId) {and:t}
                      ORDER BY t.created_at DESC, t.post_id DESC
                      LIMIT :fetch)
                    UNION
                    (SELECT q.id, q.created_at FROM posts q {join:q}
                      WHERE q.fanned_out = FALSE
                        AND (q.created_at, q.id) < (:createdAt, :lastId)
                        AND (q.created_at, q.id) >= (:horizonAt, :horizonId) {and:q}
                      ORDER BY q.created_at DESC, q.id DESC
                      LIMIT :fetch)
                    UNION
            """;

    private static final String PAGE_OF = "SELECT " + PostRows.COLUMNS + """
              FROM (SELECT m.id, m.created_at FROM (
            %s
                   ) m
                     ORDER BY m.created_at DESC, m.id DESC
                     LIMIT :fetch) page
              JOIN posts p ON p.id = page.id
              JOIN users u ON u.id = p.author_id
             ORDER BY p.created_at DESC, p.id DESC""";

    private static final String MATERIALISED_PER_AUTHOR_TOP = followedAsJoins(PAGE_OF.formatted(ENTRIES_AND_PENDING + """
                    (SELECT top.id, top.created_at
                       FROM (""" + PROBED_AUTHORS + """
                            ) a
                      CROSS JOIN LATERAL (
                            SELECT lp.id, lp.created_at FROM posts lp
                             WHERE lp.author_id = a.author_id
                               AND (lp.created_at, lp.id) < (:createdAt, :lastId)
                               AND (lp.created_at, lp.id) >= (:horizonAt, :horizonId)
                             ORDER BY lp.created_at DESC, lp.id DESC
                             LIMIT :fetch) top)"""));

    private static final String MATERIALISED_PLAIN = followedAsConditions(PAGE_OF.formatted(ENTRIES_AND_PENDING + """
                    (SELECT lp.id, lp.created_at FROM posts lp
                      WHERE lp.author_id IN (""" + PROBED_AUTHORS + """
                            )
                        AND (lp.created_at, lp.id) < (:createdAt, :lastId)
                        AND (lp.created_at, lp.id) >= (:horizonAt, :horizonId)
                      ORDER BY lp.created_at DESC, lp.id DESC
                      LIMIT :fetch)"""));

    /**
     * "The viewer follows {@code x.author_id}" (and neither blocked nor muted them,
     * {@link Visibility#inFeed}) as one probe of follows' primary key per row. On
     * PostgreSQL a LATERAL join with LIMIT 1: written as EXISTS, the plan that PostgreSQL keeps for
     * the prepared statement after a few runs (a generic plan) hashed all of the viewer's follows
     * instead, 2.5 ms rather than 0.25 ms a page for someone following 5,000 people (docs/feed.md).
     */
    private static String followedAsJoins(String sql) {
        for (String alias : FOLLOWED_ALIASES) {
            sql = sql.replace("{join:" + alias + "}", "CROSS JOIN LATERAL (SELECT 1 FROM follows f_" + alias
                    + " WHERE f_" + alias + ".follower_id = :viewer AND f_" + alias + ".followee_id = " + alias
                    + ".author_id AND " + Visibility.inFeed("f_" + alias + ".followee_id") + " LIMIT 1) followed_" + alias)
                    .replace(" {and:" + alias + "}", "");
        }
        return sql;
    }

    /** The same rule for H2, which has no LATERAL: an EXISTS per row. */
    private static String followedAsConditions(String sql) {
        for (String alias : FOLLOWED_ALIASES) {
            sql = sql.replace(" {join:" + alias + "}", "").replace("{and:" + alias + "}", "AND EXISTS (SELECT 1 FROM"
                    + " follows f_" + alias + " WHERE f_" + alias + ".follower_id = :viewer AND f_" + alias
                    + ".followee_id = " + alias + ".author_id AND " + Visibility.inFeed("f_" + alias + ".followee_id")
                    + ")");
        }
        return sql;
    }

    private final JdbcClient jdbc;
    private final TimelineHorizons timelines;
    private final String query;
    private final String materialised;

    FeedRepository(JdbcClient jdbc, DataSource dataSource, TimelineHorizons timelines) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.timelines = timelines;
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        boolean postgres = "PostgreSQL".equals(database);
        this.query = postgres ? PER_AUTHOR_TOP : PLAIN;
        this.materialised = postgres ? MATERIALISED_PER_AUTHOR_TOP : MATERIALISED_PLAIN;
    }

    public List<Post> page(long viewerId, PageRequest page) {
        Cursor cursor = page.cursor();
        Cursor horizon = timelines.horizon(viewerId).orElse(TimelineHorizons.UNBUILT);
        if (!isBefore(horizon, cursor)) {
            return withoutTimeline(viewerId, cursor, page.fetchSize()); // not built, or beyond its horizon
        }
        List<Post> posts = jdbc.sql(materialised)
                .param("viewer", viewerId)
                .param("createdAt", SqlTime.of(cursor.createdAt()))
                .param("lastId", cursor.id())
                .param("horizonAt", SqlTime.of(horizon.createdAt()))
                .param("horizonId", horizon.id())
                .param("fetch", page.fetchSize())
                .query(PostRows::map).list();
        if (posts.size() == page.fetchSize() || horizon.equals(TimelineHorizons.COMPLETE)) {
            return posts;
        }
        // The page reaches below the horizon: the rest, from the horizon on, as before.
        List<Post> whole = new ArrayList<>(posts);
        whole.addAll(withoutTimeline(viewerId, horizon, page.fetchSize() - posts.size()));
        return whole;
    }

    /** The feed's page as the query of before reads it (without timelines): the rule itself. */
    public List<Post> withoutTimeline(long viewerId, Cursor cursor, int fetch) {
        return jdbc.sql(query)
                .param("viewer", viewerId)
                .param("createdAt", SqlTime.of(cursor.createdAt()))
                .param("lastId", cursor.id())
                .param("fetch", fetch)
                .query(PostRows::map).list();
    }

    private static boolean isBefore(Cursor a, Cursor b) {
        int byTime = a.createdAt().compareTo(b.createdAt());
        return byTime < 0 || (byTime == 0 && a.id() < b.id());
    }
}
