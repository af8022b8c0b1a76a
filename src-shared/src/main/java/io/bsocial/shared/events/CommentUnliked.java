package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor took back their like of a comment (only when there was one). */
public record CommentUnliked(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, long commentId, long commentAuthorId) implements BsocialEvent {

    public static final String TYPE = "comment-unliked";

    public CommentUnliked {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static CommentUnliked of(Actor actor, long postId, long commentId, long commentAuthorId, Instant at) {
        return new CommentUnliked(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, commentId, commentAuthorId);
    }
}
