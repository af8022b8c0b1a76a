package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** Someone created an account (never with the password or its hash). */
public record UserRegistered(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        String firstName, String lastName, Instant registeredAt) implements BsocialEvent {

    public static final String TYPE = "user-registered";

    public UserRegistered {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static UserRegistered of(Actor actor, String firstName, String lastName, Instant registeredAt) {
        return new UserRegistered(UUID.randomUUID(), TYPE, registeredAt, actor.userId(), actor.username(),
                actor.email(), firstName, lastName, registeredAt);
    }
}
