package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor liked a post (only when the like is new); postExcerpt is the post's first 80 characters. */
public record PostLiked(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, long postAuthorId, String postExcerpt) implements BsocialEvent {

    public static final String TYPE = "post-liked";

    public PostLiked {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static PostLiked of(Actor actor, long postId, long postAuthorId, String postExcerpt, Instant at) {
        return new PostLiked(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, postAuthorId, postExcerpt);
    }
}
