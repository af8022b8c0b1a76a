package io.bsocial.shared.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The actor commented on a post. It names the post's author so that consumers (the notifier) need
 * no database lookup. A reply has {@code parentId} (its top-level comment) and {@code replyToUserId}
 * (the author of the comment it answers, which may itself be a reply); both are null otherwise.
 * {@code mentionedUserIds} lists the mentioned accounts that may see it and have not blocked or
 * muted the actor; {@code postExcerpt} is the post's first 80 characters.
 */
public record CommentCreated(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, long commentId, String content, long postAuthorId, String postAuthorUsername,
        Long parentId, Long replyToUserId, List<Long> mentionedUserIds, String postExcerpt) implements BsocialEvent {

    public static final String TYPE = "comment-created";

    public CommentCreated {
        BsocialEvent.requireType(eventType, TYPE);
        mentionedUserIds = BsocialEvent.listOrEmpty(mentionedUserIds);
    }

    /** A top-level comment that mentions nobody, its post's excerpt unknown. */
    public static CommentCreated of(Actor actor, long postId, long commentId, String content,
            long postAuthorId, String postAuthorUsername, Instant at) {
        return of(actor, postId, commentId, content, postAuthorId, postAuthorUsername, null, null, List.of(),
                null, at);
    }

    public static CommentCreated of(Actor actor, long postId, long commentId, String content,
            long postAuthorId, String postAuthorUsername, Long parentId, Long replyToUserId,
            List<Long> mentionedUserIds, String postExcerpt, Instant at) {
        return new CommentCreated(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, commentId, content, postAuthorId, postAuthorUsername, parentId, replyToUserId,
                mentionedUserIds, postExcerpt);
    }
}
