package io.bsocial.shared.events;

import java.time.Instant;
import java.util.UUID;

/** The actor liked a comment (only when the like is new); postExcerpt is its post's first 80 characters. */
public record CommentLiked(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, long commentId, long commentAuthorId, String postExcerpt) implements BsocialEvent {

    public static final String TYPE = "comment-liked";

    public CommentLiked {
        BsocialEvent.requireType(eventType, TYPE);
    }

    public static CommentLiked of(Actor actor, long postId, long commentId, long commentAuthorId, String postExcerpt,
            Instant at) {
        return new CommentLiked(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, commentId, commentAuthorId, postExcerpt);
    }
}
