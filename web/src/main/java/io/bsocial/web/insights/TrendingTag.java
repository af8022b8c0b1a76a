package io.bsocial.web.insights;

/** A trending tag as pages show it: how many posts and people used it, and the link to its page. */
public record TrendingTag(String tag, long posts, long authors, String url) {
}
