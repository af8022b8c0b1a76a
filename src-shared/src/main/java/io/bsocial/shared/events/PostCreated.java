package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor wrote a post. */
public record PostCreated(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, String content) implements BsocialEvent {

    public static final String TYPE = "post-created";

    public PostCreated {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static PostCreated of(Actor actor, long postId, String content, Instant at) {
        return new PostCreated(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, content);
    }
}
