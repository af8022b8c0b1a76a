/**
 * The home page and {@code /api/feed}: pages over {@code post.Posts.feed}, with people to follow
 * from {@code profile.Profiles} when the feed is empty and the tags trending from
 * {@code insights.TrendingBox}. No API to other modules: all {@code internal}.
 */
package io.bsocial.web.feed;
