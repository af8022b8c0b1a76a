package io.bsocial.web.comment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.account.UserView;
import io.bsocial.web.block.Blocks;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.reading.MentionNames;

@Repository
class CommentRepository {

    /** A comment's author and {@code :viewer} are not in a block: neither sees the other's comments. */
    private static final String NOT_BLOCKED = Blocks.neitherBlocks(":viewer", "c.author_id");

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A comment; a reply names its top-level comment and whom it answers (both null otherwise). */
    long insert(long postId, long authorId, String content, Instant createdAt, Long parentId, Long replyToUserId) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO comments (post_id, author_id, content, created_at, parent_id, reply_to_user_id)
                VALUES (:post, :author, :content, :at, :parent, :replyTo)""")
                .param("post", postId).param("author", authorId).param("content", content)
                .param("at", SqlTime.of(createdAt)).param("parent", parentId, java.sql.Types.BIGINT)
                .param("replyTo", replyToUserId, java.sql.Types.BIGINT)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Whom a reply answers; null for a top-level comment. */
    Long replyTo(long commentId) {
        return jdbc.sql("SELECT reply_to_user_id FROM comments WHERE id = ?").param(commentId)
                .query((rs, row) -> {
                    long user = rs.getLong(1);
                    return rs.wasNull() ? null : user;
                }).optional().orElse(null);
    }

    /** The replies of these top-level comments, each thread oldest first (comments_replies_idx). */
    List<Comment> repliesOf(List<Long> threadIds, long viewerId) {
        if (threadIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + Comment.COLUMNS + """
                         FROM comments c JOIN users u ON u.id = c.author_id
                        WHERE c.parent_id IN (:threads) AND\s""" + NOT_BLOCKED + """
                        ORDER BY c.parent_id, c.created_at, c.id""")
                .param("threads", threadIds).param("viewer", viewerId)
                .query(Comment::map).list();
    }

    /** The ids of a top-level comment's replies. */
    List<Long> replyIds(long commentId) {
        return jdbc.sql("SELECT id FROM comments WHERE parent_id = ? ORDER BY id").param(commentId)
                .query(Long.class).list();
    }

    /** Replaces the comment's mentions. */
    void saveMentions(long commentId, java.util.Collection<Long> userIds) {
        jdbc.sql("DELETE FROM comment_mentions WHERE comment_id = ?").param(commentId).update();
        for (long userId : new java.util.HashSet<>(userIds)) {
            jdbc.sql("INSERT INTO comment_mentions (comment_id, user_id) VALUES (?, ?)").param(commentId).param(userId)
                    .update();
        }
    }

    /** The comments with the accounts they mention, in one query. */
    List<Comment> withMentions(List<Comment> comments) {
        if (comments.stream().noneMatch(comment -> comment.content().indexOf('@') >= 0)) {
            return comments; // no @ on the page: no query
        }
        java.util.Map<Long, List<UserView>> byComment = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT cm.comment_id, """ + UserView.columns("u", "") + """
                  FROM comment_mentions cm JOIN users u ON u.id = cm.user_id
                  JOIN comments c ON c.id = cm.comment_id
                 WHERE cm.comment_id IN (:ids)
                   AND\s""" + Blocks.neitherBlocks("c.author_id", "cm.user_id"))
                .param("ids", comments.stream().map(Comment::id).toList())
                .query(rs -> {
                    byComment.computeIfAbsent(rs.getLong("comment_id"), id -> new java.util.ArrayList<>())
                            .add(UserView.read(rs, ""));
                });
        if (byComment.isEmpty()) {
            return comments;
        }
        return comments.stream().map(comment -> byComment.containsKey(comment.id())
                ? comment.withMentions(MentionNames.ordered(comment.content(), byComment.get(comment.id())))
                : comment).toList();
    }

    /** A page of a post's comments, oldest first, from the (post_id, created_at, id) index. */
    List<Comment> page(long postId, long viewerId, PageRequest page, boolean topLevelOnly) {
        return jdbc.sql("SELECT " + Comment.COLUMNS + """
                         FROM comments c JOIN users u ON u.id = c.author_id
                        WHERE c.post_id = :post AND (c.created_at, c.id) > (:createdAt, :lastId) {topLevel}
                          AND {notBlocked}
                        ORDER BY c.created_at, c.id
                        LIMIT :fetch""".replace("{topLevel}", topLevelOnly ? "AND c.parent_id IS NULL" : "")
                        .replace("{notBlocked}", NOT_BLOCKED))
                .param("post", postId).param("viewer", viewerId)
                .param("createdAt", SqlTime.of(page.cursor().createdAt())).param("lastId", page.cursor().id())
                .param("fetch", page.fetchSize())
                .query(Comment::map).list();
    }

    /**
     * Comments of a post from {@code from} on, that one included, oldest first: the page a link to
     * one comment opens with.
     */
    List<Comment> pageFrom(long postId, long viewerId, Cursor from, int fetch, boolean topLevelOnly) {
        return jdbc.sql("SELECT " + Comment.COLUMNS + """
                         FROM comments c JOIN users u ON u.id = c.author_id
                        WHERE c.post_id = :post AND (c.created_at, c.id) >= (:createdAt, :id) {topLevel}
                          AND {notBlocked}
                        ORDER BY c.created_at, c.id
                        LIMIT :fetch""".replace("{topLevel}", topLevelOnly ? "AND c.parent_id IS NULL" : "")
                        .replace("{notBlocked}", NOT_BLOCKED))
                .param("post", postId).param("viewer", viewerId)
                .param("createdAt", SqlTime.of(from.createdAt())).param("id", from.id())
                .param("fetch", fetch)
                .query(Comment::map).list();
    }

    /**
     * A page of the comments before the cursor, newest first (the same index read backwards); the
     * page shows them reversed, above what it already shows.
     */
    List<Comment> pageBefore(long postId, long viewerId, PageRequest page, boolean topLevelOnly) {
        return jdbc.sql("SELECT " + Comment.COLUMNS + """
                         FROM comments c JOIN users u ON u.id = c.author_id
                        WHERE c.post_id = :post AND (c.created_at, c.id) < (:createdAt, :id) {topLevel}
                          AND {notBlocked}
                        ORDER BY c.created_at DESC, c.id DESC
                        LIMIT :fetch""".replace("{topLevel}", topLevelOnly ? "AND c.parent_id IS NULL" : "")
                        .replace("{notBlocked}", NOT_BLOCKED))
                .param("post", postId).param("viewer", viewerId)
                .param("createdAt", SqlTime.of(page.cursor().createdAt())).param("id", page.cursor().id())
                .param("fetch", page.fetchSize())
                .query(Comment::map).list();
    }

    /** The comment, if it is one of this post's. */
    Optional<Comment> find(long postId, long commentId, long viewerId) {
        return jdbc.sql("SELECT " + Comment.COLUMNS + """
                         FROM comments c JOIN users u ON u.id = c.author_id
                        WHERE c.id = :id AND c.post_id = :post
                          AND\s""" + NOT_BLOCKED)
                .param("id", commentId).param("post", postId).param("viewer", viewerId)
                .query(Comment::map).optional();
    }

    /** False when the comment is no longer there. */
    boolean update(long commentId, String content, Instant editedAt) {
        return jdbc.sql("UPDATE comments SET content = :content, edited_at = :at WHERE id = :id")
                .param("content", content).param("at", SqlTime.of(editedAt)).param("id", commentId).update() == 1;
    }

    /**
     * A like of the comment, counted on it in the same transaction (the caller holds its post's row
     * lock, which orders likes and deletes); false when this person liked it already.
     */
    boolean like(long commentId, long userId, Instant at) {
        int added = jdbc.sql("INSERT INTO comment_likes (comment_id, user_id, created_at) VALUES (:comment, :user, :at)"
                        + " ON CONFLICT DO NOTHING")
                .param("comment", commentId).param("user", userId).param("at", SqlTime.of(at)).update();
        if (added == 1) {
            jdbc.sql("UPDATE comments SET like_count = like_count + 1 WHERE id = ?").param(commentId).update();
        }
        return added == 1;
    }

    /** The like taken back; false when there was none. */
    boolean unlike(long commentId, long userId) {
        int removed = jdbc.sql("DELETE FROM comment_likes WHERE comment_id = ? AND user_id = ?").param(commentId)
                .param(userId).update();
        if (removed == 1) {
            jdbc.sql("UPDATE comments SET like_count = like_count - 1 WHERE id = ?").param(commentId).update();
        }
        return removed == 1;
    }

    int likeCount(long commentId) {
        return jdbc.sql("SELECT like_count FROM comments WHERE id = ?").param(commentId).query(Integer.class).optional()
                .orElse(0);
    }

    /** The post of a comment that exists (no visibility rule: for moderation). */
    Optional<Long> postOf(long commentId) {
        return jdbc.sql("SELECT post_id FROM comments WHERE id = ?").param(commentId).query(Long.class).optional();
    }

    /** The author of a comment that exists (no visibility rule: for moderation). */
    Optional<Long> authorOf(long commentId) {
        return jdbc.sql("SELECT author_id FROM comments WHERE id = ?").param(commentId).query(Long.class).optional();
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

    /**
     * Where a comment's thread (the comment, or the top-level comment of a reply) sits among its
     * post's top-level comments; empty when the post has no such comment.
     */
    Optional<Cursor> threadPosition(long postId, long commentId) {
        return jdbc.sql("""
                SELECT t.created_at, t.id FROM comments c JOIN comments t ON t.id = COALESCE(c.parent_id, c.id)
                 WHERE c.id = :id AND c.post_id = :post""")
                .param("id", commentId).param("post", postId)
                .query((rs, row) -> new Cursor(SqlTime.instant(rs, "created_at"), rs.getLong("id"))).optional();
    }
}
