/**
 * Comments on posts: the discussion page, the comment API, and the CommentCreated event. It offers
 * no API to other modules, so everything is in {@code internal}; it reads posts through
 * {@code post.Posts}.
 */
package io.bsocial.web.comment;
