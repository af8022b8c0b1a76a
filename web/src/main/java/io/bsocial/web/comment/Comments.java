package io.bsocial.web.comment;

import java.util.Optional;

import org.springframework.stereotype.Service;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.comment.internal.CommentService;

/** What other modules (moderation) may do with comments: find one a person may see, remove one. */
@Service
public class Comments {

    private final CommentService comments;

    Comments(CommentService comments) {
        this.comments = comments;
    }

    /** A comment as a report names it: its post and author. */
    public record Found(long id, long postId, long authorId) {
    }

    /** The comment, if it exists and {@code viewer} may see it (its post and it, by the visibility rule). */
    public Optional<Found> visible(long commentId, SessionUser viewer) {
        return comments.findById(viewer, commentId)
                .map(comment -> new Found(comment.id(), comment.postId(), comment.author().id()));
    }

    /** Removes the comment and its replies as a moderator; false when it was gone already. */
    public boolean removeAsModerator(long commentId) {
        return comments.removeAsModerator(commentId);
    }
}
