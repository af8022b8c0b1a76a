package io.bsocial.shared.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The actor wrote a post. {@code tags} are its hashtags, normalised, in order of first appearance;
 * {@code mentionedUserIds} the accounts it mentions that may see it and have not blocked or muted
 * the actor (web decides; consumers need no copy of the rule).
 */
public record PostCreated(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, String content, List<String> tags, List<Long> mentionedUserIds) implements BsocialEvent {

    public static final String TYPE = "post-created";

    public PostCreated {
        BsocialEvent.requireType(eventType, TYPE);
        tags = BsocialEvent.listOrEmpty(tags);
        mentionedUserIds = BsocialEvent.listOrEmpty(mentionedUserIds);
    }

    public static PostCreated of(Actor actor, long postId, String content, Instant at) {
        return of(actor, postId, content, List.of(), List.of(), at);
    }

    public static PostCreated of(Actor actor, long postId, String content, List<String> tags,
            List<Long> mentionedUserIds, Instant at) {
        return new PostCreated(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, content, tags, mentionedUserIds);
    }
}
