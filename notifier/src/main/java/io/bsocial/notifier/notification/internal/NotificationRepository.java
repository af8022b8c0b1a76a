package io.bsocial.notifier.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.bsocial.notifier.directory.Actor;
import io.bsocial.notifier.directory.UserDirectory;
import io.bsocial.notifier.notification.Notification;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.UserFollowed;
import io.bsocial.notifier.silence.Silences;
import io.bsocial.shared.sql.SqlTime;

@Repository
public class NotificationRepository {

    private static final String SELECT = """
            SELECT n.id, n.type, n.post_id, n.comment_id, n.actor_id, n.actor_username, n.excerpt, n.post_excerpt,
                   n.created_at, u.first_name, u.last_name
              FROM notifications n LEFT JOIN notifier_users u ON u.id = n.actor_id
            """;

    private static final String SELECT_LISTED = """
            SELECT n.id, n.type, n.post_id, n.comment_id, n.actor_id, n.actor_username, n.excerpt, n.post_excerpt,
                   n.created_at, n.read_at, u.first_name, u.last_name
              FROM notifications n LEFT JOIN notifier_users u ON u.id = n.actor_id
            """;

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the notification of a comment for the post's author; empty when the author already
     * has one about this comment (a redelivered message, or the reply or mention that wins over
     * it), or when the comment or its post was deleted.
     *
     * <p>A deletion may be processed at the same moment, on another thread: the insert sees no
     * tombstone yet, the deletion sees no row yet. Hence the second look once the row is
     * committed (each statement commits on its own): either it sees the tombstone and takes the
     * row back, or the tombstone was committed after it, and the deletion, which looks after its
     * tombstone is committed, sees the row.
     */
    Optional<Notification> insert(CommentCreated comment) {
        var keys = new GeneratedKeyHolder();
        int inserted;
        try {
            inserted = jdbc.sql("""
                    INSERT INTO notifications (recipient_id, recipient_username, type, post_id, comment_id, actor_id,
                                               actor_username, excerpt, excerpt_at, post_excerpt, subject_key,
                                               event_id, created_at)
                    SELECT :recipient, :recipientUsername, 'comment', :post, :comment, :actor,
                           :actorUsername, :excerpt, :at,
                           COALESCE(CAST(:postExcerpt AS VARCHAR(400)), (SELECT excerpt FROM notifier_posts WHERE post_id = :post)),
                           :subject, :eventId, :at
                     WHERE NOT EXISTS (SELECT 1 FROM notifications WHERE recipient_id = :recipient AND subject_key = :subject)
                       AND\s""" + NOT_RETRACTED + " AND " + Silences.NOT_SILENCED)
                    .param("recipient", comment.postAuthorId())
                    .param("postExcerpt", comment.postExcerpt())
                    .param("subject", commentSubject(comment.commentId()))
                    .param("recipientUsername", comment.postAuthorUsername())
                    .param("post", comment.postId())
                    .param("comment", comment.commentId())
                    .param("actor", comment.userId())
                    .param("actorUsername", comment.username())
                    .param("excerpt", Excerpts.of(comment.content()))
                    .param("eventId", comment.eventId().toString())
                    .param("at", SqlTime.of(comment.timestamp()))
                    .update(keys, "id");
        } catch (DuplicateKeyException redeliveredConcurrently) {
            return Optional.empty();
        }
        if (inserted == 0) {
            return Optional.empty();
        }
        long id = keys.getKeyAs(Number.class).longValue();
        int takenBack = jdbc.sql("DELETE FROM notifications WHERE id = :id AND (NOT (" + NOT_RETRACTED + ") OR NOT ("
                        + Silences.NOT_SILENCED + "))")
                .param("id", id).param("comment", comment.commentId()).param("post", comment.postId())
                .param("recipient", comment.postAuthorId()).param("actor", comment.userId())
                .update();
        if (takenBack == 1) {
            return Optional.empty();
        }
        applyLatestEdit(comment.commentId());
        return find(id);
    }

    /**
     * The comment's text changed at {@code at}: keeps the edit (unless a later one is kept
     * already), then gives it to the comment's notification if that holds an older text. Answers
     * whether the notification changed. An edit of a deleted comment, or of a comment of a deleted
     * post, is not kept.
     *
     * <p>Each statement commits on its own, and both this and {@link #insert(CommentCreated)} look
     * for the other's write after their own: whichever looks last sees both, so an edit processed
     * before its comment's notification is stored, or at the same moment, is not lost. The same
     * second look takes back an edit kept while its comment's retraction ran.
     */
    boolean edit(long postId, long commentId, String content, Instant at) {
        String excerpt = Excerpts.of(content);
        if (keepEdit(postId, commentId, excerpt, at) == 0) {
            int inserted = jdbc.sql("""
                    INSERT INTO comment_edits (comment_id, post_id, excerpt, edited_at)
                    VALUES (:comment, :post, :excerpt, :at) ON CONFLICT DO NOTHING""")
                    .param("comment", commentId).param("post", postId).param("excerpt", excerpt)
                    .param("at", SqlTime.of(at))
                    .update();
            if (inserted == 0) {
                keepEdit(postId, commentId, excerpt, at); // another edit of the comment inserted it first
            }
        }
        jdbc.sql("DELETE FROM comment_edits WHERE comment_id = :comment AND NOT (" + NOT_RETRACTED + ")")
                .param("comment", commentId).param("post", postId).update();
        return applyLatestEdit(commentId);
    }

    private int keepEdit(long postId, long commentId, String excerpt, Instant at) {
        return jdbc.sql("""
                UPDATE comment_edits SET excerpt = :excerpt, edited_at = :at
                 WHERE comment_id = :comment AND edited_at < :at""")
                .param("comment", commentId).param("excerpt", excerpt).param("at", SqlTime.of(at))
                .update();
    }

    /** What a comment's notifications are about, one per person: {@code subject_key}. */
    static String commentSubject(long commentId) {
        return "comment:" + commentId;
    }

    /** What the notifications of a post's mentions are about, one per person: {@code subject_key}. */
    static String postSubject(long postId) {
        return "post:" + postId;
    }

    /**
     * Gives the comment's notifications (its comment, reply and mentions; not the likes of it) the
     * kept edit, when that is newer than the text they hold.
     */
    boolean applyLatestEdit(long commentId) {
        record Edit(String excerpt, Instant at) {
        }
        return jdbc.sql("SELECT excerpt, edited_at FROM comment_edits WHERE comment_id = ?").param(commentId)
                .query((rs, row) -> new Edit(rs.getString("excerpt"), SqlTime.instant(rs, "edited_at")))
                .optional()
                .map(edit -> jdbc.sql("""
                        UPDATE notifications SET excerpt = :excerpt, excerpt_at = :at
                         WHERE comment_id = :comment AND type IN ('comment', 'reply', 'mention')
                           AND COALESCE(excerpt_at, created_at) < :at""")
                        .param("comment", commentId).param("excerpt", edit.excerpt()).param("at", SqlTime.of(edit.at()))
                        .update() > 0)
                .orElse(false);
    }

    static final String NOT_RETRACTED = """
            NOT EXISTS (SELECT 1 FROM retractions WHERE kind = 'comment' AND item_id = :comment)
            AND NOT EXISTS (SELECT 1 FROM retractions WHERE kind = 'post' AND item_id = :post)""";

    /**
     * Stores the notification of a follow for the followed user; empty when the follower already
     * notified them on that UTC day (a re-follow, or a redelivered message): the unique key on
     * (recipient, type, actor, day) decides, also between concurrent inserts.
     */
    Optional<Notification> insert(UserFollowed follow) {
        var keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                INSERT INTO notifications (recipient_id, recipient_username, type, actor_id, actor_username,
                                           follow_day, event_id, created_at)
                SELECT :recipient, :recipientUsername, 'follow', :actor, :actorUsername, :day, :eventId, :at
                 WHERE\s""" + Silences.NOT_SILENCED + """
                ON CONFLICT DO NOTHING""")
                .param("recipient", follow.followedUserId())
                .param("recipientUsername", follow.followedUsername())
                .param("actor", follow.userId())
                .param("actorUsername", follow.username())
                .param("day", LocalDate.ofInstant(follow.timestamp(), ZoneOffset.UTC))
                .param("eventId", follow.eventId().toString())
                .param("at", SqlTime.of(follow.timestamp()))
                .update(keys, "id");
        if (inserted == 0) {
            return Optional.empty();
        }
        long id = keys.getKeyAs(Number.class).longValue();
        return takeBackSilenced(id, follow.followedUserId(), follow.userId()) ? Optional.empty() : find(id);
    }

    /**
     * Once committed, takes the notification back if a block or mute between its recipient and
     * actor was kept meanwhile (the block's retraction ran at the same moment and did not see it).
     */
    boolean takeBackSilenced(long id, long recipientId, long actorId) {
        return jdbc.sql("DELETE FROM notifications WHERE id = :id AND NOT (" + Silences.NOT_SILENCED + ")")
                .param("id", id).param("recipient", recipientId).param("actor", actorId).update() == 1;
    }

    /**
     * Deletes every notification between the two (either received from the other), as a block
     * does, and answers them by recipient.
     */
    List<Retracted> retractBetween(long one, long other) {
        return delete("n.recipient_id IN (:id) AND n.actor_id IN (:id) AND n.recipient_id <> n.actor_id",
                List.of(one, other));
    }

    /** Notifications taken back from one recipient, and the name of their user destination. */
    record Retracted(long recipientId, String recipientUsername, List<Long> ids) {
    }

    /**
     * A comment was deleted: tombstones it (so that its comment-created, or a like of it, if it
     * comes later, stores nothing), then deletes every notification about it (its comment, reply,
     * mentions and likes). Answers what was deleted, for the live retraction.
     */
    List<Retracted> retractComment(long commentId, Instant now) {
        tombstone("comment", commentId, now);
        jdbc.sql("DELETE FROM comment_edits WHERE comment_id = ?").param(commentId).update();
        jdbc.sql("DELETE FROM notifier_comment_mentions WHERE comment_id = ?").param(commentId).update();
        return delete("n.comment_id = :id", commentId);
    }

    /** A post was deleted: as {@link #retractComment} for the post itself and every comment of it. */
    List<Retracted> retractPost(long postId, Instant now) {
        tombstone("post", postId, now);
        jdbc.sql("DELETE FROM comment_edits WHERE post_id = ?").param(postId).update();
        jdbc.sql("DELETE FROM notifier_comment_mentions WHERE post_id = ?").param(postId).update();
        jdbc.sql("DELETE FROM like_states WHERE post_id = ?").param(postId).update();
        jdbc.sql("DELETE FROM notifier_posts WHERE post_id = ?").param(postId).update();
        return delete("n.post_id = :id", postId);
    }

    /**
     * A deleted account (user-deleted): tombstones it (kind {@code user}: from now on no notification
     * to or from it is stored, see {@link Silences#NOT_SILENCED}, until the tombstone outlives the
     * topics' retention), then deletes every notification it received or caused and those about its
     * posts, and every row keyed by it: its directory row, blocks and mutes both ways, its like
     * states and posts, and its id in others' mention lists. Idempotent. Answers what was deleted,
     * for the live retraction.
     */
    List<Retracted> eraseUser(long userId, Instant now) {
        tombstone("user", userId, now);
        List<Retracted> retracted = delete("""
                n.recipient_id = :id OR n.actor_id = :id
                 OR n.post_id IN (SELECT p.post_id FROM notifier_posts p WHERE p.author_id = :id)""", userId);
        jdbc.sql("DELETE FROM notifier_users WHERE id = ?").param(userId).update();
        jdbc.sql("DELETE FROM notifier_silences WHERE user_id = :id OR other_id = :id").param("id", userId).update();
        jdbc.sql("DELETE FROM like_states WHERE actor_id = ?").param(userId).update();
        jdbc.sql("DELETE FROM notifier_posts WHERE author_id = ?").param(userId).update();
        forgetMentions("notifier_posts", "post_id", userId);
        forgetMentions("notifier_comment_mentions", "comment_id", userId);
        return retracted;
    }

    /** The account's id taken out of the comma-separated mention lists of others' posts or comments. */
    private void forgetMentions(String table, String key, long userId) {
        record Listed(long key, String ids) {
        }
        List<Listed> listing = jdbc.sql("SELECT " + key + ", mentioned_user_ids FROM " + table
                        + " WHERE ',' || mentioned_user_ids || ',' LIKE :pattern")
                .param("pattern", "%," + userId + ",%")
                .query((rs, row) -> new Listed(rs.getLong(1), rs.getString(2))).list();
        String gone = String.valueOf(userId);
        for (Listed listed : listing) {
            String kept = java.util.Arrays.stream(listed.ids().split(",")).filter(id -> !id.equals(gone))
                    .collect(Collectors.joining(","));
            jdbc.sql("UPDATE " + table + " SET mentioned_user_ids = :ids WHERE " + key + " = :key")
                    .param("ids", kept).param("key", listed.key()).update();
        }
    }

    private void tombstone(String kind, long id, Instant now) {
        jdbc.sql("INSERT INTO retractions (kind, item_id, retracted_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .param(kind).param(id).param(SqlTime.of(now)).update();
    }

    /**
     * Deletes at most {@code limit} tombstones retracted before {@code horizon}, oldest first, and
     * answers how many. A tombstone only has to outlive the creation event it stops, which Kafka
     * keeps for its retention at most.
     */
    int pruneTombstones(Instant horizon, int limit) {
        record Key(String kind, long id) {
        }
        List<Key> old = jdbc.sql("""
                SELECT kind, item_id FROM retractions WHERE retracted_at < :horizon
                 ORDER BY retracted_at LIMIT :limit""")
                .param("horizon", SqlTime.of(horizon)).param("limit", limit)
                .query((rs, row) -> new Key(rs.getString("kind"), rs.getLong("item_id"))).list();
        int deleted = 0;
        for (Key key : old) {
            deleted += jdbc.sql("DELETE FROM retractions WHERE kind = ? AND item_id = ?")
                    .param(key.kind()).param(key.id()).update();
        }
        return deleted;
    }

    /** As {@link #pruneTombstones}, for the kept edits of comments: they too wait only for a creation event. */
    int pruneEdits(Instant horizon, int limit) {
        List<Long> old = jdbc.sql("SELECT comment_id FROM comment_edits WHERE edited_at < :horizon ORDER BY edited_at LIMIT :limit")
                .param("horizon", SqlTime.of(horizon)).param("limit", limit).query(Long.class).list();
        return old.isEmpty() ? 0 : jdbc.sql("DELETE FROM comment_edits WHERE comment_id IN (:ids)").param("ids", old).update();
    }

    /**
     * As {@link #pruneTombstones}, for the kept mentions of comments: they only have to outlast an
     * older event of the same comment, which Kafka keeps no longer than its retention.
     */
    int pruneCommentMentions(Instant horizon, int limit) {
        List<Long> old = jdbc.sql("""
                SELECT comment_id FROM notifier_comment_mentions WHERE version_at < :horizon ORDER BY version_at LIMIT :limit""")
                .param("horizon", SqlTime.of(horizon)).param("limit", limit).query(Long.class).list();
        return old.isEmpty() ? 0 : jdbc.sql("DELETE FROM notifier_comment_mentions WHERE comment_id IN (:ids) AND version_at < :horizon")
                .param("ids", old).param("horizon", SqlTime.of(horizon)).update();
    }

    /**
     * As {@link #pruneTombstones}, for what was last known of a like: once older than the horizon,
     * no older like or unlike can still come, and a new like falls on another day anyway.
     */
    int pruneLikeStates(Instant horizon, int limit) {
        record Key(long actor, long post, long comment) {
        }
        List<Key> old = jdbc.sql("SELECT actor_id, post_id, comment_id FROM like_states WHERE as_of < :horizon ORDER BY as_of LIMIT :limit")
                .param("horizon", SqlTime.of(horizon)).param("limit", limit)
                .query((rs, row) -> new Key(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
        int deleted = 0;
        for (Key key : old) {
            deleted += jdbc.sql("DELETE FROM like_states WHERE actor_id = ? AND post_id = ? AND comment_id = ? AND as_of < ?")
                    .param(key.actor()).param(key.post()).param(key.comment()).param(SqlTime.of(horizon)).update();
        }
        return deleted;
    }

    /** Deletes these notifications and answers them by recipient (none: nothing). */
    List<Retracted> deleteIds(List<Long> ids) {
        return ids.isEmpty() ? List.of() : delete("n.id IN (:id)", ids);
    }

    /** Deletes the notifications found by {@code where} and answers them by recipient. */
    private List<Retracted> delete(String where, Object id) {
        record Found(long id, long recipientId, String recipientUsername) {
        }
        List<Found> found = jdbc.sql("""
                SELECT n.id, n.recipient_id, COALESCE(n.recipient_username, u.username) AS recipient_username
                  FROM notifications n LEFT JOIN notifier_users u ON u.id = n.recipient_id
                 WHERE\s""" + where)
                .param("id", id)
                .query((rs, row) -> new Found(rs.getLong("id"), rs.getLong("recipient_id"),
                        rs.getString("recipient_username")))
                .list();
        if (found.isEmpty()) {
            return List.of();
        }
        jdbc.sql("DELETE FROM notifications WHERE id IN (:ids)")
                .param("ids", found.stream().map(Found::id).toList()).update();
        Map<Long, List<Found>> byRecipient = found.stream().collect(Collectors.groupingBy(Found::recipientId));
        return byRecipient.values().stream()
                .map(rows -> new Retracted(rows.get(0).recipientId(), rows.get(0).recipientUsername(),
                        rows.stream().map(Found::id).toList()))
                .toList();
    }

    Optional<Notification> find(long id) {
        return jdbc.sql(SELECT + " WHERE n.id = ?").param(id).query(NotificationRepository::map).optional();
    }

    /** These notifications, oldest first. */
    public List<Notification> byIds(List<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql(SELECT + " WHERE n.id IN (:ids) ORDER BY n.id").param("ids", ids)
                .query(NotificationRepository::map).list();
    }

    /** The newest notifications of the recipient, newest first, for the bell's list. */
    List<Notification> recent(long recipientId, int limit) {
        return jdbc.sql(SELECT + " WHERE n.recipient_id = :recipient ORDER BY n.id DESC LIMIT :limit")
                .param("recipient", recipientId).param("limit", limit)
                .query(NotificationRepository::map).list();
    }

    /**
     * A page of the recipient's notifications, newest first, read or not, from the
     * {@code (recipient_id, id)} index: those with an id below {@code beforeId}
     * ({@link Long#MAX_VALUE} for the first page), at most {@code fetch}. Delivers nothing.
     */
    List<ListedNotification> page(long recipientId, long beforeId, int fetch) {
        return jdbc.sql(SELECT_LISTED + """
                 WHERE n.recipient_id = :recipient AND n.id < :before
                 ORDER BY n.id DESC LIMIT :fetch""")
                .param("recipient", recipientId).param("before", beforeId).param("fetch", fetch)
                .query((rs, row) -> new ListedNotification(map(rs, row), rs.getObject("read_at") != null)).list();
    }

    long unread(long recipientId) {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL")
                .param(recipientId).query(Long.class).single();
    }

    /**
     * Marks read exactly these notifications of the recipient (what the bell showed); ids of
     * someone else's are ignored. Never "everything up to an id": a notification with a lower id
     * may commit after the bell listed what it shows, and would be marked read unseen.
     */
    int markRead(long recipientId, List<Long> ids, Instant now) {
        return jdbc.sql("""
                UPDATE notifications SET read_at = :now
                 WHERE recipient_id = :recipient AND read_at IS NULL AND id IN (:ids)""")
                .param("now", SqlTime.of(now)).param("recipient", recipientId).param("ids", ids)
                .update();
    }

    /**
     * Marks read what is unread at this moment ("Mark all as read"), through the
     * {@code (recipient_id, read_at)} index. A notification that commits afterwards stays unread,
     * whatever its id: there is no "up to" bound to misjudge.
     */
    int markAllRead(long recipientId, Instant now) {
        return jdbc.sql("UPDATE notifications SET read_at = :now WHERE recipient_id = :recipient AND read_at IS NULL")
                .param("now", SqlTime.of(now)).param("recipient", recipientId)
                .update();
    }

    private static Notification map(ResultSet rs, int row) throws SQLException {
        // The username the event carried; the names as the directory knows them now.
        Actor actor = UserDirectory.named(rs.getLong("actor_id"), rs.getString("actor_username"), rs);
        return new Notification(rs.getLong("id"), rs.getString("type"), rs.getObject("post_id", Long.class),
                rs.getObject("comment_id", Long.class), actor, rs.getString("excerpt"), rs.getString("post_excerpt"),
                SqlTime.instant(rs, "created_at"));
    }
}
