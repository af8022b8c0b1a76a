package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** A session ended by logging out. */
public record UserLoggedOut(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email) implements BsocialEvent {

    public static final String TYPE = "user-logged-out";

    public UserLoggedOut {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static UserLoggedOut of(Actor actor, Instant at) {
        return new UserLoggedOut(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email());
    }
}
