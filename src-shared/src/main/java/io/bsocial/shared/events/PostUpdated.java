package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor (the post's author) changed a post's text; carries the new content. */
public record PostUpdated(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, String content) implements BsocialEvent {

    public static final String TYPE = "post-updated";

    public PostUpdated {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static PostUpdated of(Actor actor, long postId, String content, Instant at) {
        return new PostUpdated(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, content);
    }
}
