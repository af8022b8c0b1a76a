package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor lifted their mute of another user (only when there was one). */
public record UserUnmuted(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long mutedUserId) implements BsocialEvent {

    public static final String TYPE = "user-unmuted";

    public UserUnmuted {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static UserUnmuted of(Actor actor, long mutedUserId, Instant at) {
        return new UserUnmuted(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(), mutedUserId);
    }
}
