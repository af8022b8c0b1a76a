package io.bsocial.shared.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The actor (the comment's author) changed a comment's text; keyed by post like every comment event.
 * It carries the comment's place ({@code parentId}, {@code replyToUserId}, as when created) and its
 * mentions as they now stand.
 */
public record CommentUpdated(UUID eventId, String eventType, Instant timestamp,
        long userId, String username, String email,
        long postId, long commentId, String content,
        Long parentId, Long replyToUserId, List<Long> mentionedUserIds) implements BsocialEvent {

    public static final String TYPE = "comment-updated";

    public CommentUpdated {
        BsocialEvent.requireType(eventType, TYPE);
        mentionedUserIds = BsocialEvent.listOrEmpty(mentionedUserIds);
    }

    /** An edit of a top-level comment that mentions nobody. */
    public static CommentUpdated of(Actor actor, long postId, long commentId, String content, Instant at) {
        return of(actor, postId, commentId, content, null, null, List.of(), at);
    }

    public static CommentUpdated of(Actor actor, long postId, long commentId, String content,
            Long parentId, Long replyToUserId, List<Long> mentionedUserIds, Instant at) {
        return new CommentUpdated(UUID.randomUUID(), TYPE, at, actor.userId(), actor.username(), actor.email(),
                postId, commentId, content, parentId, replyToUserId, mentionedUserIds);
    }
}
