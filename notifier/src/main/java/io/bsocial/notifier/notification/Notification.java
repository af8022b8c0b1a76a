package io.bsocial.notifier.notification;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.bsocial.notifier.directory.Actor;

/**
 * A notification as clients get it, over HTTP and over STOMP. A {@code comment}, {@code reply} or
 * {@code mention} has its post, comment (none for a mention in a post), excerpt and the post's
 * excerpt; a {@code like} its post, comment (none for a post) and the post's excerpt; a
 * {@code follow} has none of them. What a notification lacks is left out of its JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notification(long id, String type, Long postId, Long commentId, Actor actor, String excerpt,
        String postExcerpt, Instant createdAt) {
}
