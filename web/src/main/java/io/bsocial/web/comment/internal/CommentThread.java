package io.bsocial.web.comment.internal;

import java.util.List;

import io.bsocial.web.paging.Cursor;

/** A top-level comment and its replies, oldest first: how a post's page shows the conversation. */
public record CommentThread(Comment comment, List<Comment> replies) {

    public Cursor position() {
        return comment.position();
    }
}
