/**
 * A hashtag's page and {@code /api/tags/{tag}/posts}: the posts the viewer may see that carry the
 * tag, newest first (over {@code post.Posts.tagged}).
 */
package io.bsocial.web.tag;
