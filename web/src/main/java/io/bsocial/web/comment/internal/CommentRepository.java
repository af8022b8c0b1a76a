package io.bsocial.web.comment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.PageRequest;

@Repository
class CommentRepository {

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long postId, long authorId, String content, Instant createdAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO comments (post_id, author_id, content, created_at) VALUES (:post, :author, :content, :at)")
                .param("post", postId).param("author", authorId).param("content", content)
                .param("at", SqlTime.of(createdAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** A page of a post's comments, oldest first, from the (post_id, created_at, id) index. */
    List<Comment> page(long postId, PageRequest page) {
        return jdbc.sql("SELECT " + Comment.COLUMNS + """
                         FROM comments c JOIN users u ON u.id = c.author_id
                        WHERE c.post_id = :post AND (c.created_at, c.id) > (:createdAt, :lastId)
                        ORDER BY c.created_at, c.id
                        LIMIT :fetch""")
                .param("post", postId)
                .param("createdAt", SqlTime.of(page.cursor().createdAt())).param("lastId", page.cursor().id())
                .param("fetch", page.fetchSize())
                .query(Comment::map).list();
    }

    /**
     * Comments of a post from {@code from} on, that one included, oldest first: the page a link to
     * one comment opens with.
     */
    List<Comment> pageFrom(long postId, Cursor from, int fetch) {
        return jdbc.sql("SELECT " + Comment.COLUMNS + """
                         FROM comments c JOIN users u ON u.id = c.author_id
                        WHERE c.post_id = :post AND (c.created_at, c.id) >= (:createdAt, :id)
                        ORDER BY c.created_at, c.id
                        LIMIT :fetch""")
                .param("post", postId)
                .param("createdAt", SqlTime.of(from.createdAt())).param("id", from.id())
                .param("fetch", fetch)
                .query(Comment::map).list();
    }

    /**
     * A page of the comments before the cursor, newest first (the same index read backwards); the
     * page shows them reversed, above what it already shows.
     */
    List<Comment> pageBefore(long postId, PageRequest page) {
        return jdbc.sql("SELECT " + Comment.COLUMNS + """
                         FROM comments c JOIN users u ON u.id = c.author_id
                        WHERE c.post_id = :post AND (c.created_at, c.id) < (:createdAt, :id)
                        ORDER BY c.created_at DESC, c.id DESC
                        LIMIT :fetch""")
                .param("post", postId)
                .param("createdAt", SqlTime.of(page.cursor().createdAt())).param("id", page.cursor().id())
                .param("fetch", page.fetchSize())
                .query(Comment::map).list();
    }

    /** The comment, if it is one of this post's. */
    Optional<Comment> find(long postId, long commentId) {
        return jdbc.sql("SELECT " + Comment.COLUMNS + """
                         FROM comments c JOIN users u ON u.id = c.author_id
                        WHERE c.id = :id AND c.post_id = :post""")
                .param("id", commentId).param("post", postId)
                .query(Comment::map).optional();
    }

    /** False when the comment is no longer there. */
    boolean update(long commentId, String content, Instant editedAt) {
        return jdbc.sql("UPDATE comments SET content = :content, edited_at = :at WHERE id = :id")
                .param("content", content).param("at", SqlTime.of(editedAt)).param("id", commentId).update() == 1;
    }

    /** Removes the comment and leaves its tombstone; false when it was no longer there. */
    boolean delete(long commentId, Instant deletedAt) {
        int tombstones = jdbc.sql("""
                INSERT INTO deleted_comments (id, post_id, author_id, deleted_at)
                SELECT id, post_id, author_id, :at FROM comments WHERE id = :id""")
                .param("at", SqlTime.of(deletedAt)).param("id", commentId).update();
        return tombstones == 1 && jdbc.sql("DELETE FROM comments WHERE id = ?").param(commentId).update() == 1;
    }

    /** Removes every comment of a post, leaving their tombstones (the post itself goes next). */
    void deleteAllOf(long postId, Instant deletedAt) {
        jdbc.sql("""
                INSERT INTO deleted_comments (id, post_id, author_id, deleted_at)
                SELECT id, post_id, author_id, :at FROM comments WHERE post_id = :post""")
                .param("at", SqlTime.of(deletedAt)).param("post", postId).update();
        jdbc.sql("DELETE FROM comments WHERE post_id = ?").param(postId).update();
    }

    /** Whether this user's comment was deleted (by them, or with its post). */
    boolean deletedBy(long postId, long commentId, long authorId) {
        return jdbc.sql("SELECT COUNT(*) FROM deleted_comments WHERE id = ? AND post_id = ? AND author_id = ?")
                .param(commentId).param(postId).param(authorId).query(Long.class).single() > 0;
    }

    /** Where a comment sits in its post's list; empty when the post has no such comment. */
    Optional<Cursor> position(long postId, long commentId) {
        return jdbc.sql("SELECT created_at, id FROM comments WHERE id = :id AND post_id = :post")
                .param("id", commentId).param("post", postId)
                .query((rs, row) -> new Cursor(SqlTime.instant(rs, "created_at"), rs.getLong("id"))).optional();
    }
}
