package io.bsocial.notifier.notification.internal;

import java.util.Objects;

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
 * A comment on someone else's post becomes one notification for the post's author; a reply one for
 * the author of the comment it answers, a mention one for each person mentioned. One person gets
 * one notification per comment: a reply, else a mention, else a comment. Nobody is notified of
 * their own comment; a redelivered message finds its notifications already stored and does
 * nothing. Editing the comment edits the notifications' excerpt, notifies the newly mentioned and
 * takes back the mentions edited away.
 *
 * <p>Only the shared consumer group reads the comments, so each notification is stored by one
 * path, once, whichever instance takes the partition. Once its row is committed it is announced on
 * {@code bsocial.notifier.stored}, which every instance reads to push to its own sockets.
 */
@Component
class CommentNotifications {

    private static final Logger log = LoggerFactory.getLogger(CommentNotifications.class);

    private final NotificationRepository notifications;
    private final ConversationRepository conversation;
    private final Announcements announce;

    CommentNotifications(NotificationRepository notifications, ConversationRepository conversation,
            Announcements announce) {
        this.notifications = notifications;
        this.conversation = conversation;
        this.announce = announce;
    }

    /** Reply and mentions first, then the post author's comment, so that the reply or mention wins. */
    @KafkaListener(topics = EventTopics.COMMENT_CREATED)
    void store(String message) {
        CommentCreated comment = valid(message);
        conversation.rememberPost(comment.postId(), comment.postAuthorId(), comment.postExcerpt());
        announce.changes(conversation.commentVersion(new ConversationRepository.CommentVersion(comment.postId(),
                comment.commentId(), comment.userId(), comment.username(), comment.content(), comment.replyToUserId(),
                comment.mentionedUserIds(), comment.postAuthorId(), comment.postExcerpt(), true, comment.eventId(),
                comment.timestamp())));
        if (comment.userId() == comment.postAuthorId()
                || Objects.equals(comment.replyToUserId(), comment.postAuthorId())) {
            return;
        }
        notifications.insert(comment).ifPresentOrElse(
                notification -> announce.stored(comment.postAuthorId(), comment.postAuthorUsername(), notification),
                () -> log.debug("the post's author already has a notification of comment {}", comment.commentId()));
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
        announce.changes(conversation.commentVersion(new ConversationRepository.CommentVersion(edit.postId(),
                edit.commentId(), edit.userId(), edit.username(), edit.content(), edit.replyToUserId(),
                edit.mentionedUserIds(), null, null, false, edit.eventId(), edit.timestamp())));
    }

    private static CommentCreated valid(String message) {
        CommentCreated comment = ValidEvents.read(message, CommentCreated.class);
        if (comment.postAuthorId() <= 0 || comment.postAuthorUsername() == null || comment.commentId() <= 0
                || comment.content() == null) {
            throw new InvalidEventException("a comment event needs postAuthorId, postAuthorUsername, commentId, content");
        }
        return comment;
    }
}
