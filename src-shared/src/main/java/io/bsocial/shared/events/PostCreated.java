package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor wrote a post; keyed by post so that a post's events stay in order. */
public record PostCreated(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, String content) implements BsocialEvent {

    public static final String TYPE = "post-created";

    public PostCreated {
        BsocialEvent.requireType(eventType, TYPE);
    }

    @Override
    public String topic() {
        return EventTopics.POST_CREATED;
    }

    @Override
    public String key() {
        return String.valueOf(postId);
    }

    public static PostCreated of(Actor actor, long postId, String content, Instant at) {
        return new PostCreated(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, content);
    }
}
