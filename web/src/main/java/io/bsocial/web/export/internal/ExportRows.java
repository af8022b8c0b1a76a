package io.bsocial.web.export.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.paging.Cursor;

/**
 * One account's rows, a page at a time, each page a range of an index that starts with the account
 * (keyset paging: a page costs the same however much the account has).
 */
@Repository
class ExportRows {

    record ExportedPost(long id, String content, Instant createdAt, Instant editedAt, int likeCount,
            int commentCount) {
    }

    record ExportedComment(long id, long postId, Long parentId, String content, Instant createdAt,
            Instant editedAt, int likeCount) {
    }

    record LikedPost(long postId, Instant likedAt) {
    }

    record LikedComment(long commentId, long postId, Instant likedAt) {
    }

    /** Someone one follows, or a follower: by id and username, with when the follow began. */
    record Followship(long id, String username, Instant since) {
    }

    private final JdbcClient jdbc;

    ExportRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Newest first, after {@code after} (posts_author_created_idx). */
    List<ExportedPost> posts(long accountId, Cursor after, int limit) {
        return jdbc.sql("""
                SELECT id, content, created_at, edited_at, like_count, comment_count FROM posts
                 WHERE author_id = :account AND (created_at, id) < (:createdAt, :id)
                 ORDER BY created_at DESC, id DESC
                 LIMIT :limit""")
                .param("account", accountId).param("createdAt", SqlTime.of(after.createdAt()))
                .param("id", after.id()).param("limit", limit)
                .query((rs, row) -> new ExportedPost(rs.getLong("id"), rs.getString("content"),
                        SqlTime.instant(rs, "created_at"), SqlTime.instantOrNull(rs, "edited_at"),
                        rs.getInt("like_count"), rs.getInt("comment_count")))
                .list();
    }

    /** By id (comments_author_idx). */
    List<ExportedComment> comments(long accountId, long afterId, int limit) {
        return jdbc.sql("""
                SELECT id, post_id, parent_id, content, created_at, edited_at, like_count FROM comments
                 WHERE author_id = :account AND id > :after
                 ORDER BY id
                 LIMIT :limit""")
                .param("account", accountId).param("after", afterId).param("limit", limit)
                .query((rs, row) -> new ExportedComment(rs.getLong("id"), rs.getLong("post_id"),
                        rs.getObject("parent_id", Long.class), rs.getString("content"),
                        SqlTime.instant(rs, "created_at"), SqlTime.instantOrNull(rs, "edited_at"),
                        rs.getInt("like_count")))
                .list();
    }

    /** By post id (post_likes_user_idx). */
    List<LikedPost> likedPosts(long accountId, long afterPostId, int limit) {
        return jdbc.sql("""
                SELECT post_id, created_at FROM post_likes
                 WHERE user_id = :account AND post_id > :after
                 ORDER BY post_id
                 LIMIT :limit""")
                .param("account", accountId).param("after", afterPostId).param("limit", limit)
                .query((rs, row) -> new LikedPost(rs.getLong("post_id"), SqlTime.instant(rs, "created_at")))
                .list();
    }

    /** By comment id (comment_likes_user_idx). */
    List<LikedComment> likedComments(long accountId, long afterCommentId, int limit) {
        return jdbc.sql("""
                SELECT l.comment_id, c.post_id, l.created_at FROM comment_likes l
                  JOIN comments c ON c.id = l.comment_id
                 WHERE l.user_id = :account AND l.comment_id > :after
                 ORDER BY l.comment_id
                 LIMIT :limit""")
                .param("account", accountId).param("after", afterCommentId).param("limit", limit)
                .query((rs, row) -> new LikedComment(rs.getLong("comment_id"), rs.getLong("post_id"),
                        SqlTime.instant(rs, "created_at")))
                .list();
    }

    /** Whom the account follows, by their id (the follows primary key). */
    List<Followship> following(long accountId, long afterId, int limit) {
        return jdbc.sql("""
                SELECT u.id, u.username, f.created_at FROM follows f JOIN users u ON u.id = f.followee_id
                 WHERE f.follower_id = :account AND f.followee_id > :after
                 ORDER BY f.followee_id
                 LIMIT :limit""")
                .param("account", accountId).param("after", afterId).param("limit", limit)
                .query(ExportRows::followship).list();
    }

    /** Whom the account blocked, by their id (blocks' key). */
    List<Followship> blocked(long accountId, long afterId, int limit) {
        return jdbc.sql("""
                SELECT u.id, u.username, b.created_at FROM blocks b JOIN users u ON u.id = b.blocked_id
                 WHERE b.blocker_id = :account AND b.blocked_id > :after
                 ORDER BY b.blocked_id
                 LIMIT :limit""")
                .param("account", accountId).param("after", afterId).param("limit", limit)
                .query(ExportRows::followship).list();
    }

    /** Whom the account muted, by their id (mutes' key). */
    List<Followship> muted(long accountId, long afterId, int limit) {
        return jdbc.sql("""
                SELECT u.id, u.username, m.created_at FROM mutes m JOIN users u ON u.id = m.muted_id
                 WHERE m.muter_id = :account AND m.muted_id > :after
                 ORDER BY m.muted_id
                 LIMIT :limit""")
                .param("account", accountId).param("after", afterId).param("limit", limit)
                .query(ExportRows::followship).list();
    }

    /** Who follows the account, by their id (follows_followee_idx). */
    List<Followship> followers(long accountId, long afterId, int limit) {
        return jdbc.sql("""
                SELECT u.id, u.username, f.created_at FROM follows f JOIN users u ON u.id = f.follower_id
                 WHERE f.followee_id = :account AND f.follower_id > :after
                 ORDER BY f.follower_id
                 LIMIT :limit""")
                .param("account", accountId).param("after", afterId).param("limit", limit)
                .query(ExportRows::followship).list();
    }

    private static Followship followship(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Followship(rs.getLong("id"), rs.getString("username"), SqlTime.instant(rs, "created_at"));
    }
}
