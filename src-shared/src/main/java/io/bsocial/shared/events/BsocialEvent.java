package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A fact that happened in bSocial, as it travels over Kafka. The fields every message carries;
 * {@code userId}, {@code username} and {@code email} always describe the actor. The records are
 * the wire format only: which topic and record key an event gets is decided where it is published
 * (web's {@code outbox.internal.EventRouting}); the topic names are in {@link EventTopics}.
 */
public sealed interface BsocialEvent
        permits UserRegistered, UserLoggedIn, UserLoggedOut, UserFollowed, UserUnfollowed, PostCreated, CommentCreated,
        PostUpdated, PostDeleted, CommentUpdated, CommentDeleted, PostLiked, PostUnliked,
        CommentLiked, CommentUnliked, UserBlocked, UserUnblocked, UserMuted, UserUnmuted, UserDeleted {

    UUID eventId();

    String eventType();

    Instant timestamp();

    long userId();

    String username();

    String email();

    /** A list field as an immutable list; absent (an older message) reads as empty. */
    static <T> java.util.List<T> listOrEmpty(java.util.List<T> list) {
        return list == null ? java.util.List.of() : java.util.List.copyOf(list);
    }

    static void requireType(String actual, String expected) {
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("eventType must be " + expected + " but was " + actual);
        }
    }
}
