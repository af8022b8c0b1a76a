package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor muted another user (only when the relation really changed): that user's posts leave the actor's feed and they notify the actor no more. The muted user is not told. */
public record UserMuted(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long mutedUserId) implements BsocialEvent {

    public static final String TYPE = "user-muted";

    public UserMuted {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static UserMuted of(Actor actor, long mutedUserId, Instant at) {
        return new UserMuted(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(), mutedUserId);
    }
}
