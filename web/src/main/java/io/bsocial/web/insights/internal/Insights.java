package io.bsocial.web.insights.internal;

import java.util.List;

import io.bsocial.web.insights.TrendingTag;

/**
 * What the Insights page charts, and the tags trending now ({@code null} when the indexer could
 * not say; only tags at least three people used). Both series cover the same days, oldest first, each with a short
 * label ("Nov 29"). Posts are named by their opening words. A post the viewer may not open is not
 * in the answer at all (no id, no comment count): a day only says how many of its top posts are
 * {@code hidden}.
 */
record Insights(List<LoginsDay> logins, List<TopPostsDay> topPosts, MyPost top, MyPost worst,
        List<TrendingTag> trending) {

    record LoginsDay(String date, String label, long users) {
    }

    /** The day's top posts that the viewer may open, most commented first, and how many others there were. */
    record TopPostsDay(String date, String label, List<TopPost> posts, int hidden) {
    }

    record TopPost(long postId, long comments, String url, String excerpt) {
    }

    record MyPost(long postId, long comments, String url, String excerpt) {
    }
}
