package io.bsocial.notifier.notification;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.bsocial.notifier.directory.Actor;

/**
 * A notification as clients get it, over HTTP and over STOMP. A {@code comment} has its post,
 * comment and excerpt; a {@code follow} has none of them, and they are left out of its JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(long id, String type, Long postId, Long commentId, Actor actor, String excerpt,
        Instant createdAt) {
}
