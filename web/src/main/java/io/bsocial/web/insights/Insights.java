package io.bsocial.web.insights;

import java.util.List;

/** What the Insights page charts, with only the posts the viewer may open linked. */
record Insights(List<LoginDay> logins, List<TopPostsDay> topPosts, MyPost top, MyPost worst) {

    record LoginDay(String date, long users) {
    }

    record TopPostsDay(String date, List<TopPost> posts) {
    }

    /** {@code url} is null when the viewer may not see the post. */
    record TopPost(long postId, long comments, String url) {
    }

    record MyPost(long postId, long comments, String url, String excerpt) {
    }
}
