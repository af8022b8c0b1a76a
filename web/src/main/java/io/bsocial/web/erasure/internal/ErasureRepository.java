package io.bsocial.web.erasure.internal;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;

/**
 * The rows of one account, in every table that names it (V1–V21 of db/web; ErasureApiTest scans
 * every table afterwards, so a new table that keeps a user id fails it until it is erased here).
 * Counters of other people's content are put right before the rows that counted go.
 */
@Repository
class ErasureRepository {

    /** A comment of the account on someone else's post. */
    record ForeignComment(long id, long postId, long postAuthorId) {
    }

    private final JdbcClient jdbc;

    ErasureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the account's row lock; false when it is gone already (a concurrent deletion). */
    boolean lockAccount(long userId) {
        return !jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE").param(userId).query(Long.class).list().isEmpty();
    }

    String emailKey(long userId) {
        return jdbc.sql("SELECT email_key FROM users WHERE id = ?").param(userId).query(String.class).single();
    }

    /** The account's likes leave the like counts of the posts and comments they counted on. */
    void removeLikes(long userId) {
        jdbc.sql("""
                UPDATE posts SET like_count = like_count - 1
                 WHERE id IN (SELECT post_id FROM post_likes WHERE user_id = ?)""").param(userId).update();
        jdbc.sql("DELETE FROM post_likes WHERE user_id = ?").param(userId).update();
        jdbc.sql("""
                UPDATE comments SET like_count = like_count - 1
                 WHERE id IN (SELECT comment_id FROM comment_likes WHERE user_id = ?)""").param(userId).update();
        jdbc.sql("DELETE FROM comment_likes WHERE user_id = ?").param(userId).update();
    }

    /** The account's comments on posts of others, in the order they were written. */
    List<ForeignComment> foreignComments(long userId) {
        return jdbc.sql("""
                SELECT c.id, c.post_id, p.author_id FROM comments c JOIN posts p ON p.id = c.post_id
                 WHERE c.author_id = :user AND p.author_id <> :user ORDER BY c.id""")
                .param("user", userId)
                .query((rs, row) -> new ForeignComment(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** Takes the post's row lock (as a comment or a like of it does); false when it is gone. */
    boolean lockPost(long postId) {
        return !jdbc.sql("SELECT id FROM posts WHERE id = ? FOR UPDATE").param(postId).query(Long.class).list().isEmpty();
    }

    List<Long> replyIds(long commentId) {
        return jdbc.sql("SELECT id FROM comments WHERE parent_id = ? ORDER BY id").param(commentId)
                .query(Long.class).list();
    }

    /**
     * Removes a comment and uncounts it on its post; false when it was gone already. A reply of
     * someone else keeps its tombstone (as when a comment's author deletes it, its replies go with
     * it); the account's own comments leave none (the tombstone names its author).
     */
    boolean deleteComment(long commentId, long postId, long erasedUserId, Instant at) {
        jdbc.sql("""
                INSERT INTO deleted_comments (id, post_id, author_id, deleted_at)
                SELECT id, post_id, author_id, :at FROM comments WHERE id = :id AND author_id <> :erased""")
                .param("at", SqlTime.of(at)).param("id", commentId).param("erased", erasedUserId).update();
        if (jdbc.sql("DELETE FROM comments WHERE id = ?").param(commentId).update() != 1) {
            return false;
        }
        jdbc.sql("UPDATE posts SET comment_count = comment_count - 1 WHERE id = ?").param(postId).update();
        return true;
    }

    List<Long> postIds(long userId) {
        return jdbc.sql("SELECT id FROM posts WHERE author_id = ? ORDER BY id").param(userId).query(Long.class).list();
    }

    /**
     * Removes the post (its comments went first, with {@code PostDeleted}); its likes, tags,
     * mentions and home-timeline entries go with it (ON DELETE CASCADE).
     */
    void deletePost(long postId) {
        jdbc.sql("DELETE FROM posts WHERE id = ?").param(postId).update();
    }

    /**
     * Follows both ways: those the account followed count one follower fewer; its followers simply
     * follow one account fewer (nothing counts what one follows).
     */
    void removeFollows(long userId) {
        jdbc.sql("""
                UPDATE timeline_authors SET followers = followers - 1
                 WHERE author_id IN (SELECT followee_id FROM follows WHERE follower_id = ?) AND followers > 0""")
                .param(userId).update();
        jdbc.sql("DELETE FROM follows WHERE follower_id = :user OR followee_id = :user").param("user", userId).update();
    }

    /** Every other row that names the account, then the account itself, leaving the reservation. */
    void removeRest(long userId, String username, String usernameKey, Instant at) {
        String[] statements = {
            "DELETE FROM home_timelines WHERE user_id = :user OR author_id = :user",
            "DELETE FROM timeline_heads WHERE user_id = :user",
            "DELETE FROM timeline_authors WHERE author_id = :user",
            "DELETE FROM blocks WHERE blocker_id = :user OR blocked_id = :user",
            "DELETE FROM mutes WHERE muter_id = :user OR muted_id = :user",
            "DELETE FROM relation_locks WHERE user_id = :user",
            "DELETE FROM avatars WHERE user_id = :user",
            "DELETE FROM device_cookies WHERE account_id = :user",
            "DELETE FROM password_resets WHERE account_id = :user",
            "DELETE FROM post_mentions WHERE user_id = :user",
            "DELETE FROM comment_mentions WHERE user_id = :user",
            // Someone else's reply to the account's reply stays (it answers a thread of someone else's).
            "UPDATE comments SET reply_to_user_id = NULL WHERE reply_to_user_id = :user",
            "DELETE FROM deleted_posts WHERE author_id = :user",
            "DELETE FROM deleted_comments WHERE author_id = :user",
        };
        for (String statement : statements) {
            jdbc.sql(statement).param("user", userId).update();
        }
        // Logged out everywhere at once: a session's id is also its API token (attributes cascade).
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(username).update();
        jdbc.sql("""
                INSERT INTO reserved_usernames (username_key, username, user_id, deleted_at)
                VALUES (:key, :username, :user, :at)""")
                .param("key", usernameKey).param("username", username).param("user", userId)
                .param("at", SqlTime.of(at)).update();
        jdbc.sql("DELETE FROM users WHERE id = ?").param(userId).update();
    }
}
