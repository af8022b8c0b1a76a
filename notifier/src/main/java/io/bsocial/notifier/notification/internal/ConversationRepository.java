package io.bsocial.notifier.notification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.notifier.notification.Notification;
import io.bsocial.notifier.notification.internal.NotificationRepository.Retracted;
import io.bsocial.notifier.silence.Silences;
import io.bsocial.shared.sql.SqlTime;

/**
 * Replies, mentions and likes. Each event is applied in one transaction that first locks what it
 * is about (the post's row in {@code notifier_posts}, the comment's in {@code notifier_comment_mentions},
 * the liker's in {@code like_states}), so that its redelivery, an older or newer version of the
 * same content (another topic, no order between them) or a concurrent like and unlike wait for
 * each other. Only the latest version decides: an older one, processed late, changes nothing.
 *
 * <p>As with comments, a notification inserted while its content's deletion runs is looked at
 * again once committed, and taken back if a tombstone appeared meanwhile.
 */
@Repository
class ConversationRepository {

    /** A stored notification and the user destination its push goes to (null: not known, no push). */
    record Arrival(long recipientId, String recipientUsername, Notification notification) {
    }

    /** What one event changed: notifications stored (to announce) and notifications taken back. */
    record Changes(List<Arrival> stored, List<Retracted> retracted) {
    }

    /** What a comment-created or comment-updated says of the comment, at {@code at}. */
    record CommentVersion(long postId, long commentId, long actorId, String actorUsername, String content,
            Long replyToUserId, List<Long> mentionedUserIds, Long postAuthorId, String postExcerpt, boolean created,
            UUID eventId, Instant at) {
    }

    /** A like or an unlike of a post ({@code commentId} null) or a comment, at {@code at}. */
    record LikeFact(long actorId, String actorUsername, long postId, Long commentId, long recipientId,
            String postExcerpt, boolean liked, UUID eventId, Instant at) {
    }

    private record Draft(long recipientId, String type, long postId, Long commentId, long actorId,
            String actorUsername, String excerpt, String postExcerpt, String subject, UUID eventId, Instant at) {
    }

    private final JdbcClient jdbc;
    private final NotificationRepository notifications;
    private final TransactionTemplate transaction;

    ConversationRepository(JdbcClient jdbc, NotificationRepository notifications, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.transaction = transaction;
    }

    /**
     * What a comment-created or a post-liked tells of its post (its author, its excerpt), kept
     * until a post-created or post-updated tells more.
     */
    void rememberPost(long postId, long authorId, String postExcerpt) {
        jdbc.sql("INSERT INTO notifier_posts (post_id, author_id, excerpt) VALUES (:post, :author, :excerpt) ON CONFLICT DO NOTHING")
                .param("post", postId).param("author", authorId).param("excerpt", postExcerpt).update();
        if (postExcerpt != null) {
            jdbc.sql("UPDATE notifier_posts SET excerpt = :excerpt WHERE post_id = :post AND version_at IS NULL")
                    .param("post", postId).param("excerpt", postExcerpt).update();
        }
        jdbc.sql("DELETE FROM notifier_posts WHERE post_id = ? AND EXISTS (SELECT 1 FROM retractions WHERE kind = 'post' AND item_id = ?)")
                .param(postId).param(postId).update();
        forgetIfAuthorDeleted(postId);
    }

    /** A late event about a post of a deleted account keeps nothing of it (its tombstone, kind user). */
    private void forgetIfAuthorDeleted(long postId) {
        jdbc.sql("""
                DELETE FROM notifier_posts WHERE post_id = ? AND EXISTS
                  (SELECT 1 FROM retractions r WHERE r.kind = 'user' AND r.item_id = notifier_posts.author_id)""")
                .param(postId).update();
    }

    /**
     * A post-created or post-updated. When it is the latest version processed, the post's
     * notifications take its excerpt, and its mention notifications follow its mentions: the
     * newly mentioned are notified, those edited away lose theirs.
     */
    Changes postVersion(long postId, long authorId, String authorUsername, String content, List<Long> mentionedUserIds,
            UUID eventId, Instant at) {
        String postExcerpt = Excerpts.ofPost(content);
        String mentioned = join(mentionedUserIds);
        Instant version = at.truncatedTo(ChronoUnit.MICROS);
        List<Long> inserted = new ArrayList<>();
        List<Retracted> retracted = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO notifier_posts (post_id, author_id, excerpt, mentioned_user_ids, version_at)
                    VALUES (:post, :author, :excerpt, :mentioned, :at) ON CONFLICT DO NOTHING""")
                    .param("post", postId).param("author", authorId).param("excerpt", postExcerpt)
                    .param("mentioned", mentioned).param("at", SqlTime.of(at)).update();
            // A row that a comment or like made first has no version yet (NULL): single() refuses a null result.
            Instant latest = jdbc.sql("SELECT version_at FROM notifier_posts WHERE post_id = ? FOR UPDATE").param(postId)
                    .query((rs, row) -> SqlTime.instantOrNull(rs, "version_at")).list().get(0);
            if (latest != null && latest.isAfter(version)) {
                return; // an older version: the latest one decided already
            }
            jdbc.sql("""
                    UPDATE notifier_posts SET author_id = :author, excerpt = :excerpt, mentioned_user_ids = :mentioned,
                           version_at = :at WHERE post_id = :post""")
                    .param("post", postId).param("author", authorId).param("excerpt", postExcerpt)
                    .param("mentioned", mentioned).param("at", SqlTime.of(at)).update();
            jdbc.sql("""
                    UPDATE notifications SET post_excerpt = :excerpt
                     WHERE post_id = :post AND (post_excerpt IS NULL OR post_excerpt <> :excerpt)""")
                    .param("post", postId).param("excerpt", postExcerpt).update();
            String text = Excerpts.of(content);
            jdbc.sql("""
                    UPDATE notifications SET excerpt = :text, excerpt_at = :at
                     WHERE post_id = :post AND comment_id IS NULL AND type = 'mention'
                       AND COALESCE(excerpt_at, created_at) < :at""")
                    .param("post", postId).param("text", text).param("at", SqlTime.of(at)).update();

            Set<Long> wanted = wanted(mentionedUserIds, authorId, null);
            Map<Long, Long> existing = new HashMap<>();
            jdbc.sql("SELECT id, recipient_id FROM notifications WHERE post_id = ? AND comment_id IS NULL AND type = 'mention'")
                    .param(postId).query((rs, row) -> existing.put(rs.getLong("recipient_id"), rs.getLong("id"))).list();
            retracted.addAll(notifications.deleteIds(existing.entrySet().stream()
                    .filter(mention -> !wanted.contains(mention.getKey())).map(Map.Entry::getValue).toList()));
            for (long recipient : wanted) {
                if (!existing.containsKey(recipient)) {
                    insert(new Draft(recipient, "mention", postId, null, authorId, authorUsername, text, postExcerpt,
                            NotificationRepository.postSubject(postId), eventId, at)).ifPresent(inserted::add);
                }
            }
        });
        forgetIfAuthorDeleted(postId);
        return new Changes(arrivals(takeBackRetracted(inserted)), retracted);
    }

    /**
     * A comment-created or comment-updated. A reply gives the author of the comment it answers a
     * {@code reply}; when this is the latest version processed, the comment's mention notifications
     * follow its mentions. One person gets one notification per comment, reply first, then
     * mention, then (stored afterwards by {@link NotificationRepository#insert}) the post author's
     * comment: a mention of the post's author turns their comment notification into a mention,
     * and editing it away turns it back.
     */
    Changes commentVersion(CommentVersion comment) {
        List<Long> inserted = new ArrayList<>();
        List<Retracted> retracted = new ArrayList<>();
        String subject = NotificationRepository.commentSubject(comment.commentId());
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO notifier_comment_mentions (comment_id, post_id, mentioned_user_ids, version_at)
                    VALUES (:comment, :post, :mentioned, :at) ON CONFLICT DO NOTHING""")
                    .param("comment", comment.commentId()).param("post", comment.postId())
                    .param("mentioned", join(comment.mentionedUserIds())).param("at", SqlTime.of(comment.at())).update();
            jdbc.sql("""
                    UPDATE notifier_comment_mentions SET mentioned_user_ids = :mentioned, version_at = :at
                     WHERE comment_id = :comment AND version_at < :at""")
                    .param("comment", comment.commentId()).param("mentioned", join(comment.mentionedUserIds()))
                    .param("at", SqlTime.of(comment.at())).update();
            Instant latest = jdbc.sql("SELECT version_at FROM notifier_comment_mentions WHERE comment_id = ? FOR UPDATE")
                    .param(comment.commentId()).query((rs, row) -> SqlTime.instant(rs, "version_at")).single();
            String postExcerpt = comment.postExcerpt() != null ? comment.postExcerpt() : knownPostExcerpt(comment.postId());
            Long postAuthor = comment.postAuthorId() != null ? comment.postAuthorId()
                    : jdbc.sql("SELECT author_id FROM notifier_posts WHERE post_id = ?").param(comment.postId())
                            .query(Long.class).list().stream().findFirst().orElse(null);
            String text = Excerpts.of(comment.content());
            if (latest.equals(comment.at().truncatedTo(ChronoUnit.MICROS))) {
                record Held(long id, long recipient, String type) {
                }
                Map<Long, Held> held = new HashMap<>();
                jdbc.sql("SELECT id, recipient_id, type FROM notifications WHERE comment_id = ? AND type IN ('mention', 'comment')")
                        .param(comment.commentId())
                        .query((rs, row) -> held.put(rs.getLong("recipient_id"),
                                new Held(rs.getLong("id"), rs.getLong("recipient_id"), rs.getString("type"))))
                        .list();
                Set<Long> wanted = wanted(comment.mentionedUserIds(), comment.actorId(), comment.replyToUserId());
                List<Long> editedAway = new ArrayList<>();
                for (Held one : held.values()) {
                    if (one.type().equals("mention") && !wanted.contains(one.recipient())) {
                        if (Objects.equals(postAuthor, one.recipient())) {
                            retype(one.id(), "comment");
                        } else {
                            editedAway.add(one.id());
                        }
                    } else if (one.type().equals("comment") && wanted.contains(one.recipient())) {
                        retype(one.id(), "mention");
                    }
                }
                retracted.addAll(notifications.deleteIds(editedAway));
                for (long recipient : wanted) {
                    if (!held.containsKey(recipient)) {
                        insert(new Draft(recipient, "mention", comment.postId(), comment.commentId(), comment.actorId(),
                                comment.actorUsername(), text, postExcerpt, subject, comment.eventId(), comment.at()))
                                .ifPresent(inserted::add);
                    }
                }
            }
            Long replyTo = comment.replyToUserId();
            if (comment.created() && replyTo != null && replyTo > 0 && replyTo != comment.actorId()) {
                insert(new Draft(replyTo, "reply", comment.postId(), comment.commentId(), comment.actorId(),
                        comment.actorUsername(), text, postExcerpt, subject, comment.eventId(), comment.at()))
                        .ifPresent(inserted::add);
            }
        });
        List<Long> kept = takeBackRetracted(inserted);
        if (!kept.isEmpty()) {
            notifications.applyLatestEdit(comment.commentId());
        }
        return new Changes(arrivals(kept), retracted);
    }

    /**
     * A like or an unlike. Only the latest fact of the liker about the item counts (liked and
     * unliked travel on two topics, in no order): a like notifies the item's author once per
     * liker, item and UTC day; an unlike takes the notification back; liking again the same day
     * puts the notification back read and delivered, without notifying again, so that the list
     * shows exactly the likes that stand.
     */
    Changes like(LikeFact like) {
        long commentKey = like.commentId() == null ? 0 : like.commentId();
        LocalDate day = LocalDate.ofInstant(like.at(), ZoneOffset.UTC);
        Instant at = like.at().truncatedTo(ChronoUnit.MICROS);
        List<Long> inserted = new ArrayList<>();
        List<Retracted> retracted = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO like_states (actor_id, post_id, comment_id, liked, as_of)
                    VALUES (:actor, :post, :comment, :liked, :at) ON CONFLICT DO NOTHING""")
                    .param("actor", like.actorId()).param("post", like.postId()).param("comment", commentKey)
                    .param("liked", like.liked()).param("at", SqlTime.of(at)).update();
            record State(boolean liked, Instant asOf, LocalDate notifiedDay) {
            }
            State state = jdbc.sql("""
                    SELECT liked, as_of, notified_day FROM like_states
                     WHERE actor_id = ? AND post_id = ? AND comment_id = ? FOR UPDATE""")
                    .param(like.actorId()).param(like.postId()).param(commentKey)
                    .query((rs, row) -> new State(rs.getBoolean("liked"), SqlTime.instant(rs, "as_of"),
                            rs.getObject("notified_day", LocalDate.class)))
                    .single();
            if (state.asOf().isAfter(at)) {
                return; // a later like or unlike was processed first: it stands
            }
            if (state.asOf().isBefore(at)) {
                jdbc.sql("UPDATE like_states SET liked = ?, as_of = ? WHERE actor_id = ? AND post_id = ? AND comment_id = ?")
                        .param(like.liked()).param(SqlTime.of(at)).param(like.actorId()).param(like.postId())
                        .param(commentKey).update();
            } else if (state.liked() != like.liked()) {
                return; // a like and an unlike at the same instant: the first processed stands
            }
            List<Long> standing = jdbc.sql("""
                    SELECT id FROM notifications WHERE type = 'like' AND actor_id = :actor AND post_id = :post
                       AND COALESCE(comment_id, 0) = :comment""")
                    .param("actor", like.actorId()).param("post", like.postId()).param("comment", commentKey)
                    .query(Long.class).list();
            if (!like.liked()) {
                retracted.addAll(notifications.deleteIds(standing));
                return;
            }
            String postExcerpt = like.postExcerpt() != null ? like.postExcerpt() : knownPostExcerpt(like.postId());
            Draft draft = new Draft(like.recipientId(), "like", like.postId(), like.commentId(), like.actorId(),
                    like.actorUsername(), null, postExcerpt, null, like.eventId(), at);
            if (!day.equals(state.notifiedDay())) {
                retracted.addAll(notifications.deleteIds(standing));
                insert(draft).ifPresent(id -> {
                    inserted.add(id);
                    jdbc.sql("UPDATE like_states SET notified_day = ? WHERE actor_id = ? AND post_id = ? AND comment_id = ?")
                            .param(day).param(like.actorId()).param(like.postId()).param(commentKey).update();
                });
            } else if (standing.isEmpty()) {
                // Liked again the same day: back in the lists, but not a second notification.
                insert(draft).ifPresent(id -> jdbc.sql("""
                        UPDATE notifications SET read_at = :at, delivered_via = 'push', delivered_at = :at WHERE id = :id""")
                        .param("at", SqlTime.of(at)).param("id", id).update());
            }
        });
        return new Changes(arrivals(takeBackRetracted(inserted)), retracted);
    }

    /** The post's excerpt as the notifier knows it: from its events, else from a notification about it. */
    private String knownPostExcerpt(long postId) {
        return jdbc.sql("""
                SELECT COALESCE((SELECT excerpt FROM notifier_posts WHERE post_id = :post),
                                (SELECT MAX(post_excerpt) FROM notifications WHERE post_id = :post))""")
                .param("post", postId).query(String.class).list().stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    private void retype(long id, String type) {
        jdbc.sql("UPDATE notifications SET type = ? WHERE id = ?").param(type).param(id).update();
    }

    /** Stores the draft unless its recipient has a notification about the same subject, or the content was deleted. */
    private Optional<Long> insert(Draft draft) {
        var keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                INSERT INTO notifications (recipient_id, recipient_username, type, post_id, comment_id, actor_id,
                                           actor_username, excerpt, excerpt_at, post_excerpt, subject_key, event_id,
                                           created_at)
                SELECT :recipient, (SELECT username FROM notifier_users WHERE id = :recipient), :type, :post,
                       CAST(:comment AS BIGINT), :actor, :actorUsername, CAST(:excerpt AS VARCHAR(800)),
                       CAST(:excerptAt AS TIMESTAMP WITH TIME ZONE), CAST(:postExcerpt AS VARCHAR(400)),
                       CAST(:subject AS VARCHAR(40)), :eventId, :at
                 WHERE NOT EXISTS (SELECT 1 FROM notifications
                                    WHERE recipient_id = :recipient AND subject_key = CAST(:subject AS VARCHAR(40)))
                   AND NOT EXISTS (SELECT 1 FROM retractions WHERE kind = 'comment' AND item_id = CAST(:comment AS BIGINT))
                   AND NOT EXISTS (SELECT 1 FROM retractions WHERE kind = 'post' AND item_id = :post)
                   AND\s""" + Silences.NOT_SILENCED)
                .param("recipient", draft.recipientId()).param("type", draft.type()).param("post", draft.postId())
                .param("comment", draft.commentId()).param("actor", draft.actorId())
                .param("actorUsername", draft.actorUsername()).param("excerpt", draft.excerpt())
                .param("excerptAt", draft.excerpt() == null ? null : SqlTime.of(draft.at()))
                .param("postExcerpt", draft.postExcerpt()).param("subject", draft.subject())
                .param("eventId", draft.eventId().toString()).param("at", SqlTime.of(draft.at()))
                .update(keys, "id");
        return inserted == 0 ? Optional.empty() : Optional.of(keys.getKeyAs(Number.class).longValue());
    }

    /**
     * Once committed, takes back what a deletion of its content tombstoned meanwhile (its
     * retraction ran at the same moment and did not see it yet), and what a block or mute kept
     * meanwhile silences (the rule of {@link Silences#NOT_SILENCED}, per row); answers the ids that stay.
     */
    private List<Long> takeBackRetracted(List<Long> ids) {
        if (ids.isEmpty()) {
            return ids;
        }
        jdbc.sql("""
                DELETE FROM notifications WHERE id IN (:ids)
                   AND (EXISTS (SELECT 1 FROM retractions r WHERE r.kind = 'comment' AND r.item_id = notifications.comment_id)
                        OR EXISTS (SELECT 1 FROM retractions r WHERE r.kind = 'post' AND r.item_id = notifications.post_id)
                        OR EXISTS (SELECT 1 FROM notifier_silences s
                                    WHERE s.active = TRUE
                                      AND ((s.user_id = notifications.recipient_id AND s.other_id = notifications.actor_id)
                                           OR (s.kind = 'block' AND s.user_id = notifications.actor_id
                                               AND s.other_id = notifications.recipient_id))))""")
                .param("ids", ids).update();
        return jdbc.sql("SELECT id FROM notifications WHERE id IN (:ids) ORDER BY id").param("ids", ids)
                .query(Long.class).list();
    }

    private List<Arrival> arrivals(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        record Recipient(long id, String username) {
        }
        Map<Long, Recipient> recipients = new HashMap<>();
        jdbc.sql("SELECT id, recipient_id, recipient_username FROM notifications WHERE id IN (:ids)").param("ids", ids)
                .query((rs, row) -> recipients.put(rs.getLong("id"),
                        new Recipient(rs.getLong("recipient_id"), rs.getString("recipient_username"))))
                .list();
        return notifications.byIds(ids).stream()
                .map(n -> new Arrival(recipients.get(n.id()).id(), recipients.get(n.id()).username(), n))
                .toList();
    }

    /** The mentioned, in order, without the actor, the one a reply already notifies, or nonsense ids. */
    private static Set<Long> wanted(List<Long> mentioned, long actorId, Long replyTo) {
        Set<Long> wanted = new LinkedHashSet<>();
        for (Long id : mentioned) {
            if (id != null && id > 0 && id != actorId && !id.equals(replyTo)) {
                wanted.add(id);
            }
        }
        return wanted;
    }

    private static String join(List<Long> ids) {
        return ids.stream().filter(Objects::nonNull).map(String::valueOf).collect(Collectors.joining(","));
    }
}
