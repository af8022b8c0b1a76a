package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The actor deleted their account (the right to erasure). It names the account by id and username
 * only, never by e-mail: it is the deletion's own record, kept by consumers to refuse the account's
 * late events, and must not itself carry what is erased. Consumers drop everything of the account.
 */
public record UserDeleted(UUID eventId, String eventType, Instant timestamp,
        long userId, String username) implements BsocialEvent {

    public static final String TYPE = "user-deleted";

    public UserDeleted {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static UserDeleted of(long userId, String username, Instant at) {
        return new UserDeleted(UUID.randomUUID(), TYPE, at, userId, username);
    }

    /** No e-mail: the deleted account's address goes nowhere, not even into the event about it. */
    @Override
    @JsonIgnore
    public String email() {
        return null;
    }
}
