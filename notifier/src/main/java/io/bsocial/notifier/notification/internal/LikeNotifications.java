package io.bsocial.notifier.notification.internal;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.events.InvalidEventException;
import io.bsocial.notifier.events.ValidEvents;
import io.bsocial.notifier.notification.internal.ConversationRepository.LikeFact;
import io.bsocial.shared.events.CommentLiked;
import io.bsocial.shared.events.CommentUnliked;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostLiked;
import io.bsocial.shared.events.PostUnliked;

/**
 * A like of a post or comment becomes a notification for its author, at most once per liker, item
 * and UTC day; an unlike takes it back (live too). Nobody is notified of their own like. The
 * liker's latest fact about the item decides ({@link ConversationRepository#like}).
 */
@Component
class LikeNotifications {

    private final ConversationRepository conversation;
    private final Announcements announce;

    LikeNotifications(ConversationRepository conversation, Announcements announce) {
        this.conversation = conversation;
        this.announce = announce;
    }

    @KafkaListener(topics = EventTopics.POST_LIKED)
    void postLiked(String message) {
        PostLiked like = ValidEvents.read(message, PostLiked.class);
        require(like.postId() > 0 && like.postAuthorId() > 0, "a post-liked event needs postId and postAuthorId");
        if (like.userId() != like.postAuthorId()) {
            conversation.rememberPost(like.postId(), like.postAuthorId(), like.postExcerpt());
            announce.changes(conversation.like(new LikeFact(like.userId(), like.username(), like.postId(), null,
                    like.postAuthorId(), like.postExcerpt(), true, like.eventId(), like.timestamp())));
        }
    }

    @KafkaListener(topics = EventTopics.POST_UNLIKED)
    void postUnliked(String message) {
        PostUnliked unlike = ValidEvents.read(message, PostUnliked.class);
        require(unlike.postId() > 0 && unlike.postAuthorId() > 0, "a post-unliked event needs postId and postAuthorId");
        if (unlike.userId() != unlike.postAuthorId()) {
            announce.changes(conversation.like(new LikeFact(unlike.userId(), unlike.username(), unlike.postId(), null,
                    unlike.postAuthorId(), null, false, unlike.eventId(), unlike.timestamp())));
        }
    }

    @KafkaListener(topics = EventTopics.COMMENT_LIKED)
    void commentLiked(String message) {
        CommentLiked like = ValidEvents.read(message, CommentLiked.class);
        require(like.postId() > 0 && like.commentId() > 0 && like.commentAuthorId() > 0,
                "a comment-liked event needs postId, commentId and commentAuthorId");
        if (like.userId() != like.commentAuthorId()) {
            announce.changes(conversation.like(new LikeFact(like.userId(), like.username(), like.postId(),
                    like.commentId(), like.commentAuthorId(), like.postExcerpt(), true, like.eventId(),
                    like.timestamp())));
        }
    }

    @KafkaListener(topics = EventTopics.COMMENT_UNLIKED)
    void commentUnliked(String message) {
        CommentUnliked unlike = ValidEvents.read(message, CommentUnliked.class);
        require(unlike.postId() > 0 && unlike.commentId() > 0 && unlike.commentAuthorId() > 0,
                "a comment-unliked event needs postId, commentId and commentAuthorId");
        if (unlike.userId() != unlike.commentAuthorId()) {
            announce.changes(conversation.like(new LikeFact(unlike.userId(), unlike.username(), unlike.postId(),
                    unlike.commentId(), unlike.commentAuthorId(), null, false, unlike.eventId(), unlike.timestamp())));
        }
    }

    private static void require(boolean valid, String reason) {
        if (!valid) {
            throw new InvalidEventException(reason);
        }
    }
}
