package io.bsocial.web.post.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.Post;

@Repository
public class PostRepository {

    private final JdbcClient jdbc;

    PostRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long authorId, String content, Instant createdAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO posts (author_id, content, created_at) VALUES (:author, :content, :at)")
                .param("author", authorId).param("content", content).param("at", SqlTime.of(createdAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The post, if it exists and {@code viewerId} may see it. */
    public Optional<Post> findVisible(long postId, long viewerId) {
        return jdbc.sql("SELECT " + PostRows.COLUMNS + """
                         FROM posts p JOIN users u ON u.id = p.author_id
                        WHERE p.id = :id AND p.author_id IN (""" + Visibility.VISIBLE_AUTHORS + ")")
                .param("id", postId).param("viewer", viewerId)
                .query(PostRows::map).optional();
    }

    /** A page of one author's posts, newest first; empty unless {@code viewerId} may see them. */
    public List<Post> byAuthor(long authorId, long viewerId, PageRequest page) {
        return jdbc.sql("SELECT " + PostRows.COLUMNS + """
                         FROM posts p JOIN users u ON u.id = p.author_id
                        WHERE p.author_id = :author
                          AND p.author_id IN (""" + Visibility.VISIBLE_AUTHORS + """
                        )
                          AND (p.created_at, p.id) < (:createdAt, :lastId)
                        ORDER BY p.created_at DESC, p.id DESC
                        LIMIT :fetch""")
                .param("author", authorId).param("viewer", viewerId)
                .param("createdAt", SqlTime.of(page.cursor().createdAt())).param("lastId", page.cursor().id())
                .param("fetch", page.fetchSize())
                .query(PostRows::map).list();
    }

    /** The text of each of these posts that {@code viewerId} may see, by id, in one query. */
    public Map<Long, String> visibleContents(Collection<Long> postIds, long viewerId) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> contents = new HashMap<>();
        jdbc.sql("SELECT p.id, p.content FROM posts p WHERE p.id IN (:ids) AND p.author_id IN ("
                        + Visibility.VISIBLE_AUTHORS + ")")
                .param("ids", postIds).param("viewer", viewerId)
                .query(rs -> {
                    contents.put(rs.getLong("id"), rs.getString("content"));
                });
        return contents;
    }

    /** Counted on write so that no page of posts ever has to count comments. */
    public void countComment(long postId) {
        jdbc.sql("UPDATE posts SET comment_count = comment_count + 1 WHERE id = ?").param(postId).update();
    }
}
