package io.bsocial.shared.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The actor (the post's author) changed a post's text; carries the new content, and its tags and
 * mentions as they now stand (a mention edited away is no longer listed).
 */
public record PostUpdated(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, String content, List<String> tags, List<Long> mentionedUserIds) implements BsocialEvent {

    public static final String TYPE = "post-updated";

    public PostUpdated {
        BsocialEvent.requireType(eventType, TYPE);
        tags = BsocialEvent.listOrEmpty(tags);
        mentionedUserIds = BsocialEvent.listOrEmpty(mentionedUserIds);
    }

    public static PostUpdated of(Actor actor, long postId, String content, Instant at) {
        return of(actor, postId, content, List.of(), List.of(), at);
    }

    public static PostUpdated of(Actor actor, long postId, String content, List<String> tags,
            List<Long> mentionedUserIds, Instant at) {
        return new PostUpdated(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, content, tags, mentionedUserIds);
    }
}
