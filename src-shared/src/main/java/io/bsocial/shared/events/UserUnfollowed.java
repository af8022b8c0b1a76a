package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor stopped following another user (only when the relation really changed). */
public record UserUnfollowed(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long followedUserId, String followedUsername) implements BsocialEvent {

    public static final String TYPE = "user-unfollowed";

    public UserUnfollowed {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static UserUnfollowed of(Actor actor, long followedUserId, String followedUsername, Instant at) {
        return new UserUnfollowed(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                followedUserId, followedUsername);
    }
}
