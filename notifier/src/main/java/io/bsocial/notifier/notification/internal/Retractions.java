package io.bsocial.notifier.notification.internal;

import java.time.Clock;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.events.InvalidEventException;
import io.bsocial.notifier.events.ValidEvents;
import io.bsocial.shared.events.CommentDeleted;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostDeleted;

/**
 * A deleted comment takes its notification back; a deleted post, the notifications of all its
 * comments. Each leaves a tombstone, so that a comment-created processed later (another topic,
 * no order between them) stores nothing, and announces what it deleted for a live retraction.
 * Replaying a deletion finds nothing left to delete.
 */
@Component
class Retractions {

    private final NotificationRepository notifications;
    private final Announcements announce;
    private final Clock clock;

    Retractions(NotificationRepository notifications, Announcements announce, Clock clock) {
        this.notifications = notifications;
        this.announce = announce;
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
}
