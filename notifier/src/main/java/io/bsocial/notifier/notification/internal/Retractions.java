package io.bsocial.notifier.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntUnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.events.InvalidEventException;
import io.bsocial.notifier.events.ValidEvents;
import io.bsocial.shared.events.CommentDeleted;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostDeleted;

/**
 * A deleted comment takes back every notification about it (its comment, reply, mentions, likes);
 * a deleted post, those about itself (mentions, likes) and about all its comments. Each leaves a
 * tombstone, so that a comment-created or like processed later (another topic, no order between
 * them) stores nothing, and announces what it deleted for a live retraction. Replaying a deletion
 * finds nothing left to delete.
 *
 * <p>A tombstone only has to outlive the creation event it stops, which Kafka keeps no longer than
 * its retention, and so do a comment's kept edit and mentions and a liker's latest like or unlike
 * (what a late, older event is compared with): those older than
 * {@code bsocial.notifier.tombstones.retention} (8 days, a day more than the retention bSocial's
 * topics get) are pruned every hour, a bounded batch at a time, on every instance alike (a delete
 * that finds nothing costs nothing).
 */
@Component
@EnableConfigurationProperties(Retractions.TombstoneProperties.class)
class Retractions {

    private static final Logger log = LoggerFactory.getLogger(Retractions.class);
    private static final int PRUNED_AT_ONCE = 1_000;

    @ConfigurationProperties("bsocial.notifier.tombstones")
    record TombstoneProperties(@DefaultValue("8d") Duration retention) {
    }

    private final NotificationRepository notifications;
    private final Announcements announce;
    private final Duration retention;
    private final Clock clock;

    Retractions(NotificationRepository notifications, Announcements announce, TombstoneProperties tombstones,
            Clock clock) {
        this.notifications = notifications;
        this.announce = announce;
        this.retention = tombstones.retention();
        this.clock = clock;
    }

    @KafkaListener(topics = EventTopics.COMMENT_DELETED)
    void commentDeleted(String message) {
        CommentDeleted deleted = ValidEvents.read(message, CommentDeleted.class);
        if (deleted.commentId() <= 0 || deleted.postId() <= 0) {
            throw new InvalidEventException("a comment-deleted event needs postId and commentId");
        }
        notifications.retractComment(deleted.commentId(), clock.instant()).forEach(announce::retracted);
    }

    @KafkaListener(topics = EventTopics.POST_DELETED)
    void postDeleted(String message) {
        PostDeleted deleted = ValidEvents.read(message, PostDeleted.class);
        if (deleted.postId() <= 0) {
            throw new InvalidEventException("a post-deleted event needs postId");
        }
        notifications.retractPost(deleted.postId(), clock.instant()).forEach(announce::retracted);
    }

    @Scheduled(fixedDelayString = "${bsocial.notifier.tombstones.pruning:1h}", initialDelayString = "1m")
    void pruneTombstones() {
        Instant horizon = clock.instant().minus(retention);
        int pruned = prune(limit -> notifications.pruneTombstones(horizon, limit))
                + prune(limit -> notifications.pruneEdits(horizon, limit))
                + prune(limit -> notifications.pruneCommentMentions(horizon, limit))
                + prune(limit -> notifications.pruneLikeStates(horizon, limit));
        if (pruned > 0) {
            log.info("pruned {} tombstones, kept edits, mentions and like states older than {}", pruned, retention);
        }
    }

    /** Batch after batch until one comes back short. */
    private static int prune(IntUnaryOperator batchOf) {
        int pruned = 0;
        int batch;
        do {
            batch = batchOf.applyAsInt(PRUNED_AT_ONCE);
            pruned += batch;
        } while (batch == PRUNED_AT_ONCE);
        return pruned;
    }
}
