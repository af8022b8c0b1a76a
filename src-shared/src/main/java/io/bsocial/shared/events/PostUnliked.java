package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor took back their like of a post (only when there was one). */
public record PostUnliked(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, long postAuthorId) implements BsocialEvent {

    public static final String TYPE = "post-unliked";

    public PostUnliked {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static PostUnliked of(Actor actor, long postId, long postAuthorId, Instant at) {
        return new PostUnliked(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, postAuthorId);
    }
}
