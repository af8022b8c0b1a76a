package io.bsocial.notifier.notification;

import java.time.Instant;

/** A notification as clients get it, over HTTP and over STOMP. */
public record Notification(long id, String type, long postId, long commentId, Actor actor, String excerpt,
        Instant createdAt) {

    /** The user who caused it, as a bSocial user object (never their e-mail). */
    public record Actor(long id, String username, String firstName, String lastName) {
    }
}
