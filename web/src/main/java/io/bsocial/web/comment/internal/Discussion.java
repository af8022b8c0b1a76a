package io.bsocial.web.comment.internal;

import io.bsocial.web.paging.CursorPage;

/**
 * The comments a post's page opens with. Opened at one comment ({@code targetId}), the list starts
 * with that comment, and {@code earlierCursor} (null when there are none) loads the ones before it.
 */
public record Discussion(CursorPage<CommentThread> comments, String earlierCursor, Long targetId) {
}
