/**
 * Comments on posts: the discussion page, the comment API, and the CommentCreated event. Other
 * modules reach it only through {@link io.bsocial.web.comment.Comments} (moderation finds and removes
 * a reported comment); everything else is in {@code internal}. It reads posts through
 * {@code post.Posts}.
 */
package io.bsocial.web.comment;
