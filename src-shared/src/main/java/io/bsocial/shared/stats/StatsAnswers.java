package io.bsocial.shared.stats;

import java.util.List;

/**
 * The JSON answers of the indexer's stats API, as the contract gives them: the indexer writes
 * them, web's Insights reads them.
 */
public final class StatsAnswers {

    private StatsAnswers() {
    }

    /** {@code GET /api/stats/logins-per-day}: distinct users per UTC day. */
    public record LoginsPerDay(List<Day> days) {

        public record Day(String date, long users) {
        }
    }

    /** {@code GET /api/stats/top-posts-per-day}: the most commented posts of each of the last days. */
    public record TopPostsPerDay(List<Day> days) {

        public record Day(String date, List<PostComments> posts) {
        }
    }

    /** {@code GET /api/stats/users/{userId}/top-and-worst-post}: either is null without posts. */
    public record TopAndWorst(PostComments top, PostComments worst) {
    }

    public record PostComments(long postId, long comments) {
    }

    /**
     * {@code GET /api/stats/trending-tags?hours=N}: the hashtags carried by the most posts of the
     * last hours, with how many people wrote those posts (pages show a tag only from 3 authors up).
     */
    public record TrendingTags(List<Tag> tags) {

        public record Tag(String tag, long posts, long authors) {
        }
    }
}
