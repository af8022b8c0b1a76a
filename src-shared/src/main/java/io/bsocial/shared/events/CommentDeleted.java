package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The actor (the comment's author) deleted a comment. It names the post's author so that the
 * notifier can retract that author's notification without a lookup.
 */
public record CommentDeleted(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, long commentId, long postAuthorId) implements BsocialEvent {

    public static final String TYPE = "comment-deleted";

    public CommentDeleted {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static CommentDeleted of(Actor actor, long postId, long commentId, long postAuthorId, Instant at) {
        return new CommentDeleted(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, commentId, postAuthorId);
    }
}
