package io.bsocial.web.post.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.Post;

/**
 * The posts that carry a tag, as a viewer may see them: one range of post_tags' (tag, created_at,
 * post_id) index read newest first, each post checked against the visibility rule.
 */
@Repository
public class TaggedPosts {

    private final JdbcClient jdbc;

    TaggedPosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Post> page(String tag, long viewerId, PageRequest page) {
        return jdbc.sql("SELECT " + PostRows.COLUMNS + """
                         FROM post_tags t
                         JOIN posts p ON p.id = t.post_id
                         JOIN users u ON u.id = p.author_id
                        WHERE t.tag = :tag
                          AND (t.created_at, t.post_id) < (:createdAt, :lastId)
                          AND p.author_id IN (""" + Visibility.VISIBLE_AUTHORS + """
                        )
                        ORDER BY t.created_at DESC, t.post_id DESC
                        LIMIT :fetch""")
                .param("tag", tag).param("viewer", viewerId)
                .param("createdAt", SqlTime.of(page.cursor().createdAt())).param("lastId", page.cursor().id())
                .param("fetch", page.fetchSize())
                .query(PostRows::map).list();
    }
}
