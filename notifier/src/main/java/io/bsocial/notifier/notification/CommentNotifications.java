package io.bsocial.notifier.notification;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.ConsumerFailure;
import io.bsocial.shared.events.EventTopics;

/**
 * A comment on someone else's post becomes one notification for the post's author. Commenting on
 * one's own post notifies nobody; a redelivered message finds its notification already stored and
 * does nothing.
 *
 * <p>Two consumers read the comments. The shared consumer group stores every notification once,
 * whichever instance takes the partition. Each instance also reads every comment in a group of
 * its own, to push to the sockets open on it: a user's tabs may be connected to different
 * instances, and each must hear of it within a second.
 */
@Component
class CommentNotifications {

    private static final Logger log = LoggerFactory.getLogger(CommentNotifications.class);

    private final NotificationRepository notifications;
    private final LiveDelivery live;

    CommentNotifications(NotificationRepository notifications, LiveDelivery live) {
        this.notifications = notifications;
        this.live = live;
    }

    @KafkaListener(topics = EventTopics.COMMENT_CREATED)
    void store(String message) {
        notifying(message).ifPresent(comment -> {
            if (notifications.insert(comment).isEmpty()) {
                log.debug("comment {} already has its notification", comment.commentId());
            }
        });
    }

    @KafkaListener(topics = EventTopics.COMMENT_CREATED, groupId = "bsocial-notifier-live-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void pushHere(String message) {
        try {
            notifying(message).filter(c -> live.isListening(c.postAuthorUsername()))
                    .ifPresent(c -> live.created(notifications.store(c), c.postAuthorUsername()));
        } catch (RuntimeException failure) {
            if (ConsumerFailures.classify(failure) == ConsumerFailure.INFRASTRUCTURE) {
                throw failure;
            }
            // The storing consumer dead-letters this message; every instance's live group would
            // only add copies of that dead letter.
            log.debug("not pushing a comment the storing consumer refuses: {}", failure.getClass().getName());
        }
    }

    /** The comment, when it notifies someone; empty for a comment on one's own post. */
    private static Optional<CommentCreated> notifying(String message) {
        CommentCreated comment = ValidEvents.read(message, CommentCreated.class);
        if (comment.postAuthorId() <= 0 || comment.postAuthorUsername() == null || comment.commentId() <= 0
                || comment.content() == null) {
            throw new InvalidEventException("a comment event needs postAuthorId, postAuthorUsername, commentId, content");
        }
        return comment.userId() == comment.postAuthorId() ? Optional.empty() : Optional.of(comment);
    }
}
