package io.bsocial.web.insights;

import java.util.List;

import io.bsocial.shared.stats.StatsAnswers.LoginsPerDay;

/** What the Insights page charts, with only the posts the viewer may open linked. */
record Insights(List<LoginsPerDay.Day> logins, List<TopPostsDay> topPosts, MyPost top, MyPost worst) {

    record TopPostsDay(String date, List<TopPost> posts) {
    }

    /** {@code url} is null when the viewer may not see the post. */
    record TopPost(long postId, long comments, String url) {
    }

    record MyPost(long postId, long comments, String url, String excerpt) {
    }
}
