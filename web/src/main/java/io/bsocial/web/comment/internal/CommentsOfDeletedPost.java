package io.bsocial.web.comment.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.events.PostDeleted;

/**
 * A deleted post's comments go with it, in the same transaction: the post feature publishes
 * {@link PostDeleted} before it removes the row the comments reference. Consumers are told only
 * of the post (see docs/events.md): they drop its comments by post id.
 */
@Component
class CommentsOfDeletedPost {

    private final CommentRepository comments;

    CommentsOfDeletedPost(CommentRepository comments) {
        this.comments = comments;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(PostDeleted event) {
        comments.deleteAllOf(event.postId(), event.timestamp());
    }
}
