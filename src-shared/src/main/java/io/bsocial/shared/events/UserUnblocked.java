package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor lifted their block of another user (only when there was one). */
public record UserUnblocked(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long blockedUserId) implements BsocialEvent {

    public static final String TYPE = "user-unblocked";

    public UserUnblocked {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static UserUnblocked of(Actor actor, long blockedUserId, Instant at) {
        return new UserUnblocked(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(), blockedUserId);
    }
}
