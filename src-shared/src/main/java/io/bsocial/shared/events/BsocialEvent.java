package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that happened in bSocial, as it travels over Kafka. The fields every message carries;
 * {@code userId}, {@code username} and {@code email} always describe the actor.
 */
public sealed interface BsocialEvent
        permits UserRegistered, UserLoggedIn, UserLoggedOut, UserFollowed, UserUnfollowed, PostCreated, CommentCreated,
        PostUpdated, PostDeleted, CommentUpdated, CommentDeleted {

    UUID eventId();

    String eventType();

    Instant timestamp();

    long userId();

    String username();

    String email();

    /** The topic this event is published to. */
    String topic();

    /** The Kafka record key: the entity whose events must stay in order. */
    String key();

    static void requireType(String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("eventType must be " + expected + " but was " + actual);
        }
    }
}
