package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor (the post's author) deleted a post, and with it all its comments. */
public record PostDeleted(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId) implements BsocialEvent {

    public static final String TYPE = "post-deleted";

    public PostDeleted {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static PostDeleted of(Actor actor, long postId, Instant at) {
        return new PostDeleted(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(), postId);
    }
}
