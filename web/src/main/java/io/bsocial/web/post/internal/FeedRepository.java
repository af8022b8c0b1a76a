package io.bsocial.web.post.internal;

import java.sql.DatabaseMetaData;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.Post;

/**
 * The feed: posts of the viewer and of everyone they follow, newest first, one SQL query per
 * page. On PostgreSQL each visible author contributes at most one page of (created_at, id) pairs
 * read from the (author_id, created_at, id) index alone (a LATERAL join), and only the rows of the
 * page itself are then read: a page costs the same however many posts the database holds
 * (docs/feed.md shows the plan). H2, which has no LATERAL, gets the same rule as a plain IN: it is
 * the development and test database.
 */
@Repository
public class FeedRepository {

    private static final String PER_AUTHOR_TOP = "SELECT " + PostRows.COLUMNS + """
              FROM (SELECT top.id, top.created_at
                      FROM (""" + Visibility.VISIBLE_AUTHORS + """
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
             WHERE p.author_id IN (""" + Visibility.VISIBLE_AUTHORS + """
                   )
               AND (p.created_at, p.id) < (:createdAt, :lastId)
             ORDER BY p.created_at DESC, p.id DESC
             LIMIT :fetch""";

    private final JdbcClient jdbc;
    private final String query;

    FeedRepository(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.query = "PostgreSQL".equals(database) ? PER_AUTHOR_TOP : PLAIN;
    }

    public List<Post> page(long viewerId, PageRequest page) {
        return jdbc.sql(query)
                .param("viewer", viewerId)
                .param("createdAt", SqlTime.of(page.cursor().createdAt()))
                .param("lastId", page.cursor().id())
                .param("fetch", page.fetchSize())
                .query(PostRows::map).list();
    }
}
