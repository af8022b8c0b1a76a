package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor blocked another user (only when the relation really changed): the two no longer see, follow or notify each other. */
public record UserBlocked(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long blockedUserId) implements BsocialEvent {

    public static final String TYPE = "user-blocked";

    public UserBlocked {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static UserBlocked of(Actor actor, long blockedUserId, Instant at) {
        return new UserBlocked(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(), blockedUserId);
    }
}
