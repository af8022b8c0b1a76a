package io.bsocial.notifier.notification.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.events.InvalidEventException;
import io.bsocial.notifier.events.ValidEvents;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.CommentUpdated;
import io.bsocial.shared.events.EventTopics;

/**
 * A comment on someone else's post becomes one notification for the post's author. Commenting on
 * one's own post notifies nobody; a redelivered message finds its notification already stored and
 * does nothing. Editing the comment edits the notification's excerpt.
 *
 * <p>Only the shared consumer group reads the comments, so each notification is stored by one
 * path, once, whichever instance takes the partition. Once its row is committed it is announced on
 * {@code bsocial.notifier.stored}, which every instance reads to push to its own sockets.
 */
@Component
class CommentNotifications {

    private static final Logger log = LoggerFactory.getLogger(CommentNotifications.class);

    private final NotificationRepository notifications;
    private final Announcements announce;

    CommentNotifications(NotificationRepository notifications, Announcements announce) {
        this.notifications = notifications;
        this.announce = announce;
    }

    @KafkaListener(topics = EventTopics.COMMENT_CREATED)
    void store(String message) {
        notifying(message).ifPresent(comment -> notifications.insert(comment).ifPresentOrElse(
                notification -> announce.stored(comment.postAuthorId(), comment.postAuthorUsername(), notification),
                () -> log.debug("comment {} already has its notification", comment.commentId())));
    }

    /**
     * An edited comment: its notification shows the new text, in HTTP answers and the bell. An edit
     * redelivered, or older than the text already shown, changes nothing; one that comes before its
     * comment is kept for it ({@link NotificationRepository#edit}).
     */
    @KafkaListener(topics = EventTopics.COMMENT_UPDATED)
    void edited(String message) {
        CommentUpdated edit = ValidEvents.read(message, CommentUpdated.class);
        if (edit.postId() <= 0 || edit.commentId() <= 0 || edit.content() == null) {
            throw new InvalidEventException("a comment-updated event needs postId, commentId and content");
        }
        if (!notifications.edit(edit.postId(), edit.commentId(), edit.content(), edit.timestamp())) {
            log.debug("edit of comment {} changed no notification", edit.commentId());
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
