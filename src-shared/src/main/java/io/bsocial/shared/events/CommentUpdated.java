package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor (the comment's author) changed a comment's text; keyed by post like every comment event. */
public record CommentUpdated(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, long commentId, String content) implements BsocialEvent {

    public static final String TYPE = "comment-updated";

    public CommentUpdated {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static CommentUpdated of(Actor actor, long postId, long commentId, String content, Instant at) {
        return new CommentUpdated(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, commentId, content);
    }
}
