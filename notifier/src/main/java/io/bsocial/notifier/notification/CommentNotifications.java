package io.bsocial.notifier.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.EventTopics;

/**
 * A comment on someone else's post becomes one notification for the post's author, pushed at
 * once if they are connected. Commenting on one's own post notifies nobody; a redelivered message
 * finds its notification already stored and does nothing.
 */
@Component
class CommentNotifications {

    private static final Logger log = LoggerFactory.getLogger(CommentNotifications.class);

    private final NotificationRepository notifications;
    private final NotificationListeners listeners;

    CommentNotifications(NotificationRepository notifications, NotificationListeners listeners) {
        this.notifications = notifications;
        this.listeners = listeners;
    }

    @KafkaListener(topics = EventTopics.COMMENT_CREATED)
    void on(String message) {
        CommentCreated comment = ValidEvents.read(message, CommentCreated.class);
        if (comment.postAuthorId() <= 0 || comment.postAuthorUsername() == null || comment.commentId() <= 0
                || comment.content() == null) {
            throw new InvalidEventException("a comment event needs postAuthorId, postAuthorUsername, commentId, content");
        }
        if (comment.userId() == comment.postAuthorId()) {
            return;
        }
        notifications.insert(comment).ifPresentOrElse(
                created -> listeners.created(created, comment.postAuthorId(), comment.postAuthorUsername()),
                () -> log.debug("comment {} already has its notification", comment.commentId()));
    }
}
