package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor started following another user (only when the relation really changed). */
public record UserFollowed(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long followedUserId, String followedUsername) implements BsocialEvent {

    public static final String TYPE = "user-followed";

    public UserFollowed {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static UserFollowed of(Actor actor, long followedUserId, String followedUsername, Instant at) {
        return new UserFollowed(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                followedUserId, followedUsername);
    }
}
