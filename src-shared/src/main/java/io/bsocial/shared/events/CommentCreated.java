package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The actor commented on a post. It names the post's author so that consumers (the notifier) need
 * no database lookup.
 */
public record CommentCreated(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, long commentId, String content, long postAuthorId, String postAuthorUsername) implements BsocialEvent {

    public static final String TYPE = "comment-created";

    public CommentCreated {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static CommentCreated of(Actor actor, long postId, long commentId, String content,
            long postAuthorId, String postAuthorUsername, Instant at) {
        return new CommentCreated(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, commentId, content, postAuthorId, postAuthorUsername);
    }
}
