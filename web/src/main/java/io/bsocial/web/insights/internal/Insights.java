package io.bsocial.web.insights.internal;

import java.util.List;

/**
 * What the Insights page charts. Both series cover the same days, oldest first, each with a short
 * label ("Nov 29"). Posts are named by their opening words; a post the viewer may not open has
 * neither words nor a link.
 */
record Insights(List<LoginsDay> logins, List<TopPostsDay> topPosts, MyPost top, MyPost worst) {

    record LoginsDay(String date, String label, long users) {
    }

    record TopPostsDay(String date, String label, List<TopPost> posts) {
    }

    /** {@code url} and {@code excerpt} are null when the viewer may not see the post. */
    record TopPost(long postId, long comments, String url, String excerpt) {
    }

    record MyPost(long postId, long comments, String url, String excerpt) {
    }
}
