package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** A successful login, by form or by API; failed attempts are not events. */
public record UserLoggedIn(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email) implements BsocialEvent {

    public static final String TYPE = "user-logged-in";

    public UserLoggedIn {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static UserLoggedIn of(Actor actor, Instant at) {
        return new UserLoggedIn(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email());
    }
}
