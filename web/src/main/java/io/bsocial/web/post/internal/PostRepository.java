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

    /**
     * Counted on write so that no page of posts ever has to count comments. False when the post is
     * gone (deleted while the comment was being written): taking the post's row lock first orders
     * a new comment against a concurrent delete of its post.
     */
    public boolean countComment(long postId) {
        return jdbc.sql("UPDATE posts SET comment_count = comment_count + 1 WHERE id = ?").param(postId).update() == 1;
    }

    public void uncountComment(long postId) {
        jdbc.sql("UPDATE posts SET comment_count = comment_count - 1 WHERE id = ?").param(postId).update();
    }

    /**
     * Locks the post's row for the rest of the transaction; false when it no longer exists. Every
     * delete (of a post or of one of its comments) locks the post first, so that they are ordered
     * and never deadlock.
     */
    public boolean lock(long postId) {
        return !jdbc.sql("SELECT id FROM posts WHERE id = ? FOR UPDATE").param(postId).query(Long.class).list().isEmpty();
    }

    /** False when the post is no longer there. */
    public boolean update(long postId, String content, Instant editedAt) {
        return jdbc.sql("UPDATE posts SET content = :content, edited_at = :at WHERE id = :id")
                .param("content", content).param("at", SqlTime.of(editedAt)).param("id", postId).update() == 1;
    }

    /** The author of the post, if it exists (no visibility rule: for moderation). */
    public Optional<Long> authorOf(long postId) {
        return jdbc.sql("SELECT author_id FROM posts WHERE id = ?").param(postId).query(Long.class).optional();
    }

    /** Removes the post (its comments must be gone already) and leaves its tombstone. */
    public void delete(long postId, long authorId, Instant deletedAt) {
        jdbc.sql("DELETE FROM posts WHERE id = ?").param(postId).update();
        jdbc.sql("INSERT INTO deleted_posts (id, author_id, deleted_at) VALUES (:id, :author, :at)")
                .param("id", postId).param("author", authorId).param("at", SqlTime.of(deletedAt)).update();
    }

    /**
     * A like, counted on the post in the same transaction (its row lock orders concurrent likes);
     * false when this person liked it already.
     */
    public boolean like(long postId, long userId, Instant at) {
        int added = jdbc.sql("INSERT INTO post_likes (post_id, user_id, created_at) VALUES (:post, :user, :at)"
                        + " ON CONFLICT DO NOTHING")
                .param("post", postId).param("user", userId).param("at", SqlTime.of(at)).update();
        if (added == 1) {
            jdbc.sql("UPDATE posts SET like_count = like_count + 1 WHERE id = ?").param(postId).update();
        }
        return added == 1;
    }

    /** The like taken back; false when there was none. */
    public boolean unlike(long postId, long userId) {
        int removed = jdbc.sql("DELETE FROM post_likes WHERE post_id = ? AND user_id = ?").param(postId).param(userId)
                .update();
        if (removed == 1) {
            jdbc.sql("UPDATE posts SET like_count = like_count - 1 WHERE id = ?").param(postId).update();
        }
        return removed == 1;
    }

    public int likeCount(long postId) {
        return jdbc.sql("SELECT like_count FROM posts WHERE id = ?").param(postId).query(Integer.class).optional()
                .orElse(0);
    }

    /** Whether this user deleted this post: their repeated DELETE is answered like the first. */
    public boolean deletedBy(long postId, long authorId) {
        return jdbc.sql("SELECT COUNT(*) FROM deleted_posts WHERE id = ? AND author_id = ?")
                .param(postId).param(authorId).query(Long.class).single() > 0;
    }
}
